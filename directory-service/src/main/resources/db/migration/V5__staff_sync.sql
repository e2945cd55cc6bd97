-- Staff syncs from school MIS (docs/adr/0016-staff-sync-jobs.md).

-- The MIS's own id of a person at one school: the first key a staff file is matched by.
create table practitioner_mis_id (
    school_id       uuid        not null references school (id),
    mis_staff_id    varchar(64) not null,
    practitioner_id uuid        not null references practitioner (id),
    primary key (school_id, mis_staff_id),
    unique (school_id, practitioner_id)
);
create index practitioner_mis_id_by_practitioner on practitioner_mis_id (practitioner_id);

-- One staff file sent for a school, with what became of it.
create table staff_sync_job (
    id           uuid primary key,
    version      bigint      not null default 0,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    school_id    uuid        not null references school (id),
    requested_by varchar(200) not null,
    mode         varchar(16) not null check (mode in ('FULL', 'PARTIAL')),
    dry_run      boolean     not null,
    atomic       boolean     not null,
    status       varchar(32) not null,
    rows_total   integer     not null,
    created      integer     not null,
    updated      integer     not null,
    unchanged    integer     not null,
    deactivated  integer     not null,
    rejected     integer     not null
);
create index staff_sync_job_by_school on staff_sync_job (school_id, updated_at, id);

-- The outcome of each row of the file, and of each person deactivated for being absent from it (no line).
-- Ids sort in the order of the file, so the shared (updated_at, id) cursor pages rows in that order.
create table staff_sync_row (
    id              uuid primary key,
    version         bigint      not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    job_id          uuid        not null references staff_sync_job (id),
    line            integer,
    mis_staff_id    varchar(64),
    outcome         varchar(16) not null check (outcome in ('CREATED', 'UPDATED', 'UNCHANGED', 'DEACTIVATED', 'REJECTED')),
    practitioner_id uuid,
    fields          text[]      not null default '{}',
    reasons         text[]      not null default '{}'
);
create index staff_sync_row_by_job on staff_sync_row (job_id, updated_at, id);
