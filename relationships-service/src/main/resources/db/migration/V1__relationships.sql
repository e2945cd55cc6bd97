-- relationships-service schema: the directory read model, relationships with their lifecycle,
-- learning agreements, conversations, action points and referrals.

-- ---- read model of directory-service (kept from cpd.directory.events) -----------------------
create table practitioner (
    id               uuid primary key,
    version          bigint      not null,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    active           boolean     not null,
    display_name     text,
    school_urn       text,
    organisation_id  uuid,
    career_stage     text,
    partnership_ids  uuid[]      not null default '{}',
    line_manager_ids uuid[]      not null default '{}',
    appraiser_ids    uuid[]      not null default '{}'
);

-- A partnership's permission to work with practitioners of other partnerships: default deny.
create table partnership_setting (
    partnership_id          uuid primary key,
    allows_cross_partnership boolean     not null default false,
    updated_at              timestamptz not null
);

-- How many learners a supporter takes at once per form. Proposals lock this row (see ADR 0021).
create table supporter_capacity (
    practitioner_id uuid        not null,
    form            text        not null,
    capacity        integer     not null check (capacity >= 0),
    -- a paused offer takes no new learners whatever its capacity
    paused          boolean     not null default false,
    updated_at      timestamptz not null,
    primary key (practitioner_id, form)
);

-- ---- relationships ---------------------------------------------------------------------------
create table relationship (
    id                           uuid primary key,
    version                      bigint      not null,
    created_at                   timestamptz not null,
    updated_at                   timestamptz not null,
    form                         text        not null,
    purpose                      text,
    aspect                       text,
    specialist_input_kind        text,
    specialist_input_description text,
    status                       text        not null,
    planned_start                date,
    planned_end                  date,
    proposed_by                  text        not null,
    proposed_by_practitioner     uuid,
    proposed_at                  timestamptz not null,
    expires_at                   timestamptz,
    reminder_sent_at             timestamptz,
    activated_at                 timestamptz,
    ended_at                     timestamptz,
    outcome                      text,
    end_reason                   text,
    line_manager_mentor          boolean     not null default false,
    conflict_override_reason     text,
    conflict_override_by         text,
    referred_from                uuid references relationship (id)
);
create index relationship_updated on relationship (updated_at, id);
create index relationship_expiry on relationship (expires_at) where status = 'PROPOSED';

create table relationship_participant (
    id              uuid primary key,
    relationship_id uuid not null references relationship (id),
    practitioner_id uuid not null,
    role            text not null,
    school_urn      text,
    accepted_at     timestamptz,
    unique (relationship_id, practitioner_id)
);
create index relationship_participant_practitioner on relationship_participant (practitioner_id, role);

create table relationship_transition (
    id              uuid primary key,
    relationship_id uuid        not null references relationship (id),
    action          text        not null,
    from_status     text        not null,
    to_status       text        not null,
    actor           text        not null,
    reason          text,
    at              timestamptz not null
);
create index relationship_transition_relationship on relationship_transition (relationship_id, at);

-- ---- learning agreements ----------------------------------------------------------------------
create table learning_agreement (
    id              uuid primary key,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    relationship_id uuid        not null unique references relationship (id),
    current_version integer     not null,
    last_signed_at  timestamptz
);

create table agreement_version (
    id                            uuid primary key,
    agreement_id                  uuid        not null references learning_agreement (id),
    number                        integer     not null,
    ground_rules                  text,
    confidentiality               text,
    power_and_accountability      text,
    meeting_rhythm                text,
    meeting_place                 text,
    review_date                   date,
    boundaries                    text,
    protected_hours_per_half_term numeric(6, 2),
    cover_needed                  boolean     not null default false,
    created_by                    text        not null,
    created_at                    timestamptz not null,
    unique (agreement_id, number)
);

create table agreement_signature (
    version_id      uuid        not null references agreement_version (id),
    practitioner_id uuid        not null,
    signed_at       timestamptz not null,
    primary key (version_id, practitioner_id)
);

-- ---- learning conversations -------------------------------------------------------------------
create table conversation (
    id                 uuid primary key,
    version            bigint      not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    relationship_id    uuid        not null references relationship (id),
    status             text        not null,
    starts_at          timestamptz not null,
    duration_minutes   integer     not null check (duration_minutes > 0),
    setting            text        not null,
    activities         text[]      not null default '{}',
    agenda_owner       text,
    coach_id           uuid,
    shared_summary     text,
    -- readable by the relationship's participants only (DESIGN rule 3); never in events or lists
    confidential_notes text,
    recorded_by        text        not null
);
create index conversation_relationship on conversation (relationship_id, starts_at);
create index conversation_updated on conversation (updated_at, id);

create table action_point (
    id              uuid primary key,
    version         bigint      not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    conversation_id uuid        not null references conversation (id),
    relationship_id uuid        not null references relationship (id),
    description     text        not null,
    owner_id        uuid        not null,
    due_on          date,
    completed_at    timestamptz,
    due_notified_at timestamptz
);
create index action_point_owner on action_point (owner_id, completed_at);
create index action_point_updated on action_point (updated_at, id);

create table referral (
    id                uuid primary key,
    version           bigint      not null,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    from_relationship uuid        not null references relationship (id),
    proposal_id       uuid        not null references relationship (id),
    referred_by       uuid        not null,
    reason            text        not null
);
