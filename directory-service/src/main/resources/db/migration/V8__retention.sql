-- Retention (docs/data-protection.md, "Retention defaults").

-- When a person was deactivated: their record is anonymised, as an erasure does, six years after it. Null while
-- active; reactivating clears it. Records already inactive count from their merge, or else their last change
-- (the nearest instant known before this column).
alter table practitioner add column deactivated_at timestamptz;
update practitioner set deactivated_at = coalesce(merged_at, updated_at) where not active;
alter table practitioner add constraint practitioner_deactivated_at_when_inactive
    check (active = (deactivated_at is null));
create index practitioner_deactivated on practitioner (deactivated_at, id) where deactivated_at is not null;

-- When a staff sync's row outcomes were removed (a year after the job): the job and its counts stay.
alter table staff_sync_job add column rows_removed_at timestamptz;
create index staff_sync_job_rows_kept on staff_sync_job (created_at, id) where rows_removed_at is null;
