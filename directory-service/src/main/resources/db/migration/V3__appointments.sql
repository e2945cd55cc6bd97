-- Who leads what: school-lead appointments (per school) and partnership-admin appointments (per
-- partnership). Appointments are ended, never deleted, so the history of who held which office stays.
-- An appointment names a practitioner; the one exception is the creator of a partnership who is not
-- (yet) in the directory, e.g. the bootstrap admin: their appointment names their account (token subject).
create table appointment (
    id              uuid primary key,
    version         bigint       not null default 0,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    role            varchar(32)  not null check (role in ('SCHOOL_LEAD', 'PARTNERSHIP_ADMIN')),
    practitioner_id uuid references practitioner (id),
    account_subject varchar(255),
    school_id       uuid references school (id),
    partnership_id  uuid references partnership (id),
    appointed_by    varchar(255) not null,
    ended_at        timestamptz,
    ended_by        varchar(255),
    check (practitioner_id is not null or account_subject is not null),
    check ((role = 'SCHOOL_LEAD' and school_id is not null and partnership_id is null)
        or (role = 'PARTNERSHIP_ADMIN' and partnership_id is not null and school_id is null)),
    check ((ended_at is null) = (ended_by is null))
);
create index appointment_sync on appointment (updated_at, id);
-- one current appointment per person and office: a second appointment while one runs is refused
create unique index appointment_current_school_lead on appointment (practitioner_id, school_id)
    where ended_at is null and role = 'SCHOOL_LEAD';
create unique index appointment_current_partnership_admin on appointment (practitioner_id, partnership_id)
    where ended_at is null and role = 'PARTNERSHIP_ADMIN';
create index appointment_current_by_subject on appointment (account_subject) where ended_at is null;
create index appointment_current_by_practitioner on appointment (practitioner_id) where ended_at is null;
