-- Audit that people can read (docs/adr/0040-audit-api.md): each entry says who (subject, practitioner,
-- client), why (a reason), whose data it is (the subject person) and which partnerships may read it.
alter table audit_entry
    add column actor_practitioner_id uuid,
    add column client_id             text,
    add column reason                text,
    add column subject_person_id     uuid,
    add column partnership_ids       uuid[] not null default '{}';

-- Reading order (time, then sequence) for admins and sync, and a person's own view.
create index audit_entry_by_time on audit_entry (occurred_at, id);
create index audit_entry_by_subject_person on audit_entry (subject_person_id, occurred_at, id)
    where subject_person_id is not null;
create index audit_entry_by_partnership on audit_entry using gin (partnership_ids);

-- Append-only, enforced by the database whichever user connects: no UPDATE, DELETE or TRUNCATE.
-- Retention (issue 13, part 4) will need to delete old entries; it gets its own path then (for
-- example a function that disables this trigger for one transaction, owned by a maintenance role),
-- not a weaker rule here.
create function audit_entry_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_append_only
    before update or delete on audit_entry
    for each row execute function audit_entry_refuse_change();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_refuse_change();
