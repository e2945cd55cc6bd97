-- Erasure of a person (docs/adr/0043-erasure.md): what this service did when the directory's
-- cpd.directory.practitioner-erased.v1 arrived. One row per person; the partnerships say whose admins read it.
create table erasure (
    practitioner_id      uuid primary key,
    erasure_id           uuid        not null,
    requested_at         timestamptz not null,
    applied_at           timestamptz not null,
    partnership_ids      uuid[]      not null default '{}',
    goals                integer     not null,
    evidence_deleted     integer     not null,
    evidence_anonymised  integer     not null,
    attachments_deleted  integer     not null
);
