-- Standards frameworks are data so a partnership can load another one beside the Teachers' Standards.
create table standards_framework (
    id          uuid primary key,
    version     bigint      not null default 0,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    code        varchar(40) not null unique,
    name        varchar(200) not null,
    description text
);
create table standard (
    id           uuid primary key,
    framework_id uuid        not null references standards_framework (id) on delete cascade,
    code         varchar(40) not null,
    title        varchar(300) not null,
    position     int         not null,
    unique (framework_id, code)
);

create table evidence (
    id            uuid primary key,
    version       bigint      not null default 0,
    created_at    timestamptz not null,
    updated_at    timestamptz not null,
    owner_id      uuid        not null,
    type          varchar(40) not null,
    occurred_on   date        not null,
    title         varchar(200) not null,
    description   text,
    reflection    text,
    video_url     varchar(2000),
    video_moments jsonb,
    visibility    varchar(20) not null,
    school_urn    varchar(6),
    constraint evidence_visibility_chk check (visibility in ('PRIVATE', 'RELATIONSHIP', 'SCHOOL')),
    constraint evidence_school_shared_chk check (visibility <> 'SCHOOL' or school_urn is not null)
);
create index evidence_owner_page_idx on evidence (owner_id, updated_at, id);
create index evidence_page_idx on evidence (updated_at, id);

create table evidence_goal (
    evidence_id uuid not null references evidence (id) on delete cascade,
    goal_id     uuid not null references goal (id),
    primary key (evidence_id, goal_id)
);
create index evidence_goal_goal_idx on evidence_goal (goal_id);

create table evidence_relationship (
    evidence_id     uuid not null references evidence (id) on delete cascade,
    relationship_id uuid not null,
    primary key (evidence_id, relationship_id)
);
create index evidence_relationship_rel_idx on evidence_relationship (relationship_id);

create table evidence_standard (
    evidence_id uuid not null references evidence (id) on delete cascade,
    standard_id uuid not null references standard (id),
    primary key (evidence_id, standard_id)
);

-- Attachment bytes live in PostgreSQL large objects (ADR 0031): written in the same transaction
-- as this row, so a failed or refused upload leaves nothing behind.
create table attachment (
    id           uuid primary key,
    version      bigint       not null default 0,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    evidence_id  uuid         not null references evidence (id) on delete cascade,
    file_name    varchar(255) not null,
    content_type varchar(100) not null,
    size_bytes   bigint       not null,
    sha256       char(64)     not null,
    content_oid  oid          not null
);
create index attachment_evidence_idx on attachment (evidence_id);

-- The Teachers' Standards (England) as data: eight standards and Part Two (conduct).
insert into standards_framework (id, version, created_at, updated_at, code, name, description)
values ('50000000-0000-4000-8000-000000000001', 0, now(), now(), 'TEACHERS-STANDARDS',
        'Teachers'' Standards (England)',
        'The minimum expected of teachers in England: Part One (teaching, TS1-TS8) and Part Two (personal and professional conduct).');
insert into standard (id, framework_id, code, title, position) values
 ('50000000-0000-4000-8000-000000000101', '50000000-0000-4000-8000-000000000001', 'TS1', 'High expectations that inspire, motivate and challenge pupils', 1),
 ('50000000-0000-4000-8000-000000000102', '50000000-0000-4000-8000-000000000001', 'TS2', 'Good progress and outcomes by pupils', 2),
 ('50000000-0000-4000-8000-000000000103', '50000000-0000-4000-8000-000000000001', 'TS3', 'Good subject and curriculum knowledge', 3),
 ('50000000-0000-4000-8000-000000000104', '50000000-0000-4000-8000-000000000001', 'TS4', 'Well-structured lessons, planned and taught', 4),
 ('50000000-0000-4000-8000-000000000105', '50000000-0000-4000-8000-000000000001', 'TS5', 'Teaching adapted to the strengths and needs of all pupils', 5),
 ('50000000-0000-4000-8000-000000000106', '50000000-0000-4000-8000-000000000001', 'TS6', 'Accurate and productive use of assessment', 6),
 ('50000000-0000-4000-8000-000000000107', '50000000-0000-4000-8000-000000000001', 'TS7', 'Behaviour managed well for a good and safe learning environment', 7),
 ('50000000-0000-4000-8000-000000000108', '50000000-0000-4000-8000-000000000001', 'TS8', 'Wider professional responsibilities fulfilled', 8),
 ('50000000-0000-4000-8000-000000000109', '50000000-0000-4000-8000-000000000001', 'PART2', 'Personal and professional conduct', 9);
