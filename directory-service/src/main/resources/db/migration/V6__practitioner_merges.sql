-- Merges of two records of one person (docs/adr/0017-merges-and-tombstones.md): the retired record stays,
-- deactivated, naming the survivor, so its id still resolves and feeds show it as a tombstone.
alter table practitioner add column merged_into uuid references practitioner (id);
alter table practitioner add column merged_at timestamptz;
alter table practitioner add constraint practitioner_not_merged_into_itself check (merged_into <> id);
alter table practitioner add constraint practitioner_merged_is_inactive
    check (merged_into is null or (not active and merged_at is not null));
create index practitioner_merged_into on practitioner (merged_into) where merged_into is not null;
