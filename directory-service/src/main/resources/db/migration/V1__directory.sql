-- Directory of the partnership: who belongs where, who manages whom, who offers what support.
-- Every aggregate root carries (id, version, created_at, updated_at): ETag, updatedSince and cursor paging.

create table partnership (
    id          uuid primary key,
    version     bigint      not null default 0,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    name        varchar(200) not null,
    kind        varchar(32)  not null,
    description varchar(2000)
);
create index partnership_sync on partnership (updated_at, id);

-- A school is identified nationally by its 6-digit URN, so the URN is unique across partnerships.
create table school (
    id              uuid primary key,
    version         bigint      not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    urn             char(6)      not null unique check (urn ~ '^[0-9]{6}$'),
    name            varchar(200) not null,
    phase           varchar(32)  not null,
    local_authority varchar(120)
);
create index school_sync on school (updated_at, id);

create table school_partnership (
    school_id      uuid not null references school (id) on delete cascade,
    partnership_id uuid not null references partnership (id),
    primary key (school_id, partnership_id)
);
create index school_partnership_by_partnership on school_partnership (partnership_id);

-- Universities, consultancies and others that specialist coaches may come from.
create table organisation (
    id          uuid primary key,
    version     bigint      not null default 0,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    name        varchar(200) not null,
    kind        varchar(32)  not null,
    website     varchar(500)
);
create index organisation_sync on organisation (updated_at, id);

create table organisation_partnership (
    organisation_id uuid not null references organisation (id) on delete cascade,
    partnership_id  uuid not null references partnership (id),
    primary key (organisation_id, partnership_id)
);

create table practitioner (
    id              uuid primary key,
    version         bigint      not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    full_name       varchar(200) not null,
    email           varchar(254) not null,
    trn             char(7) check (trn ~ '^[0-9]{7}$'),
    school_id       uuid references school (id),
    organisation_id uuid references organisation (id),
    career_stage    varchar(32)  not null,
    subjects        text[]       not null default '{}',
    phases          text[]       not null default '{}',
    -- Derived from the school's or organisation's memberships; kept here so searches need no join.
    partnership_ids uuid[]       not null default '{}',
    active          boolean      not null default true,
    check (school_id is not null or organisation_id is not null)
);
-- One person, one record: email (case-insensitive) and TRN identify a person everywhere.
create unique index practitioner_email_unique on practitioner (lower(email));
create unique index practitioner_trn_unique on practitioner (trn) where trn is not null;
create index practitioner_sync on practitioner (updated_at, id);
create index practitioner_school on practitioner (school_id);
create index practitioner_organisation on practitioner (organisation_id);
create index practitioner_partnerships on practitioner using gin (partnership_ids);

-- Who manages or appraises whom (the buffer zones of coaching).
create table line_management (
    practitioner_id uuid not null references practitioner (id),
    manager_id      uuid not null references practitioner (id),
    primary key (practitioner_id, manager_id),
    check (practitioner_id <> manager_id)
);
create index line_management_by_manager on line_management (manager_id);

create table appraisal (
    practitioner_id uuid not null references practitioner (id),
    appraiser_id    uuid not null references practitioner (id),
    primary key (practitioner_id, appraiser_id),
    check (practitioner_id <> appraiser_id)
);
create index appraisal_by_appraiser on appraisal (appraiser_id);

-- The managed taxonomy of specialist expertise (admins curate; offers and needs use its codes).
create table expertise (
    id          uuid primary key,
    version     bigint      not null default 0,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    code        varchar(64)  not null unique check (code ~ '^[A-Z][A-Z0-9_]*$'),
    label       varchar(200) not null,
    category    varchar(32)  not null,
    phase       varchar(32),
    description varchar(1000),
    active      boolean      not null default true
);
create index expertise_sync on expertise (updated_at, id);

-- One support offer per practitioner (id = the practitioner's id). A null capacity means the form
-- is not offered; capacities are columns because every search filters on them.
create table support_offer (
    id                              uuid primary key references practitioner (id),
    version                         bigint      not null default 0,
    created_at                      timestamptz not null,
    updated_at                      timestamptz not null,
    paused                          boolean     not null default false,
    profile                         varchar(1000),
    mentoring_capacity              integer check (mentoring_capacity between 0 and 50),
    specialist_coaching_capacity    integer check (specialist_coaching_capacity between 0 and 50),
    co_coaching_capacity            integer check (co_coaching_capacity between 0 and 50),
    mentoring_accreditation         varchar(300),
    specialist_coaching_accreditation varchar(300),
    co_coaching_accreditation       varchar(300),
    mentoring_purposes              text[] not null default '{}',
    expertise_codes                 text[] not null default '{}',
    terms                           text[] not null default '{}',
    weekdays                        text[] not null default '{}',
    work_modes                      text[] not null default '{}'
);
create index support_offer_sync on support_offer (updated_at, id);
create index support_offer_expertise on support_offer using gin (expertise_codes);

-- Current load per supporter and form, kept from relationship events (not an aggregate: no version).
create table supporter_load (
    practitioner_id     uuid primary key,
    mentoring           integer not null default 0,
    specialist_coaching integer not null default 0,
    co_coaching         integer not null default 0
);

-- Relationships seen on cpd.relationships.events, one row per participant: which supporter/form a
-- relationship occupies, whether it counts towards load now (so repeated or replayed state events
-- never double count), and the time given, for supporters' CPD records and the pathway.
create table relationship_participation (
    relationship_id uuid        not null,
    practitioner_id uuid        not null,
    role            varchar(16) not null,
    form            varchar(32) not null,
    status          varchar(32) not null,
    counts_to_load  boolean     not null,
    minutes_given   integer     not null default 0,
    conversations   integer     not null default 0,
    activated_at    timestamptz,
    ended_at        timestamptz,
    updated_at      timestamptz not null,
    primary key (relationship_id, practitioner_id)
);
create index relationship_participation_by_practitioner on relationship_participation (practitioner_id);
