-- Retention of audit entries (docs/data-protection.md, "Audit entries"). The table stays append-only for
-- every change but one: the deletion of entries older than a year, and only by a transaction that has
-- declared, with audit_entry_expire(), the instant before which it expires entries. So no statement of
-- the services' code can remove a recent entry, whatever the configured retention says, and an UPDATE
-- or TRUNCATE is refused as before.
create or replace function audit_entry_refuse_change() returns trigger
    language plpgsql as
$$
declare
    expiry text := current_setting('cpd.audit_expiry_before', true);
begin
    if tg_op = 'DELETE' and coalesce(expiry, '') <> ''
       and expiry::timestamptz <= now() - interval '1 year'
       and old.occurred_at < expiry::timestamptz then
        return old;
    end if;
    raise exception 'audit_entry is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

-- Deletes at most max_rows entries that occurred before the cutoff, oldest first; answers how many and the
-- partnerships they belonged to (the sweep's own audit entry is written for those partnerships' admins).
create function audit_entry_expire(before timestamptz, max_rows integer)
    returns table (removed bigint, partnerships uuid[])
    language plpgsql as
$$
begin
    if before > now() - interval '1 year' then
        raise exception 'audit entries are kept at least a year: expiry before % refused', before
            using errcode = 'insufficient_privilege';
    end if;
    perform set_config('cpd.audit_expiry_before', before::text, true);
    return query
        with gone as (
            delete from audit_entry
            where id in (select id from audit_entry where occurred_at < before order by occurred_at, id limit max_rows)
            returning partnership_ids)
        select (select count(*) from gone),
               coalesce((select array_agg(distinct p) from gone, unnest(gone.partnership_ids) p), '{}');
    perform set_config('cpd.audit_expiry_before', '', true);
end;
$$;
