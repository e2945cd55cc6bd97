-- Goals of professional learners. Free text (aspiration, criteria, stretch) never leaves this
-- database except through the access-checked API: events carry ids and enums only.
create table goal (
    id                  uuid primary key,
    version             bigint      not null default 0,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    owner_id            uuid        not null,
    title               varchar(200) not null,
    pupil_aspiration    text        not null,
    priority            varchar(20) not null,
    success_criteria    text        not null,
    current_practice    text,
    stretch             text,
    target_date         date        not null,
    set_by              varchar(20) not null,
    status              varchar(20) not null,
    visibility          varchar(20) not null,
    school_urn          varchar(6),
    discontinued_reason text,
    supersedes          uuid references goal (id),
    superseded_by       uuid references goal (id),
    status_changed_at   timestamptz not null,
    constraint goal_priority_chk check (priority in ('SCHOOL', 'INDIVIDUAL', 'BOTH')),
    constraint goal_set_by_chk check (set_by in ('SUPPORTER_LED', 'SHARED', 'LEARNER_LED')),
    constraint goal_status_chk check (status in ('DRAFT', 'ACTIVE', 'ACHIEVED', 'REVISED', 'DISCONTINUED')),
    constraint goal_visibility_chk check (visibility in ('PRIVATE', 'RELATIONSHIP', 'SCHOOL')),
    constraint goal_school_shared_chk check (visibility <> 'SCHOOL' or school_urn is not null),
    constraint goal_discontinued_chk check (status <> 'DISCONTINUED' or discontinued_reason is not null),
    constraint goal_revised_chk check (status <> 'REVISED' or superseded_by is not null)
);
-- keyset paging on (updated_at, id), usually within one owner
create index goal_owner_page_idx on goal (owner_id, updated_at, id);
create index goal_page_idx on goal (updated_at, id);
create index goal_school_idx on goal (school_urn) where visibility = 'SCHOOL';

create table goal_relationship (
    goal_id         uuid not null references goal (id) on delete cascade,
    relationship_id uuid not null,
    primary key (goal_id, relationship_id)
);
create index goal_relationship_rel_idx on goal_relationship (relationship_id);

-- Local read model of relationships-service: who supports whom, and whether it is still active.
create table relationship_view (
    id            uuid primary key,
    form          varchar(40) not null,
    status        varchar(30) not null,
    started_at    timestamptz,
    ended_at      timestamptz,
    last_event_at timestamptz not null,
    updated_at    timestamptz not null
);
create table relationship_participant (
    relationship_id uuid not null references relationship_view (id) on delete cascade,
    practitioner_id uuid not null,
    role            varchar(40) not null,
    primary key (relationship_id, practitioner_id)
);
create index relationship_participant_practitioner_idx on relationship_participant (practitioner_id);
