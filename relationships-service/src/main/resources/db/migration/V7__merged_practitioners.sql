-- Directory merges (cpd.directory.practitioner-merged.v1): a retired practitioner id names the record it was
-- merged into, so a proposal naming it is refused with the id to use instead (docs/adr/0017-merges-and-tombstones.md).
alter table practitioner add column merged_into uuid;
