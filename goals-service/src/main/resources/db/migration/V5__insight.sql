-- Insight views (ADR 0041): the owner's schools and partnerships when a goal or evidence was recorded
-- (from the owner's token; rows recorded before this have none and fall outside every view), and
-- indexes for the aggregates.
alter table goal add column owner_school_urns text[] not null default '{}';
alter table goal add column owner_partnership_ids uuid[] not null default '{}';
alter table evidence add column owner_school_urns text[] not null default '{}';
alter table evidence add column owner_partnership_ids uuid[] not null default '{}';
create index goal_owner_schools_idx on goal using gin (owner_school_urns);
create index goal_owner_partnerships_idx on goal using gin (owner_partnership_ids);
create index evidence_owner_schools_idx on evidence using gin (owner_school_urns);
create index evidence_owner_partnerships_idx on evidence using gin (owner_partnership_ids);
create index goal_created_idx on goal (created_at);
create index evidence_occurred_idx on evidence (occurred_on);
create index evidence_standard_standard_idx on evidence_standard (standard_id);
