-- Erasure of a person (UK GDPR, docs/adr/0043-erasure.md): one record per person erased. The practitioner row
-- stays, anonymised, so statistics still count them; this record says when, at whose request, and in which
-- partnerships the person was (who may read the erasure's status afterwards).
create table erasure (
    id              uuid primary key,
    version         bigint      not null default 0,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    practitioner_id uuid        not null unique references practitioner (id),
    requested_at    timestamptz not null,
    requested_by    varchar(200) not null,
    partnership_ids uuid[]      not null default '{}'
);
