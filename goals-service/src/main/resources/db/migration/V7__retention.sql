-- Retention (docs/data-protection.md, "Retention defaults"): the sweep reads the oldest private evidence and
-- the oldest finished goals by their last change, and deleting a goal checks who names it in a revision chain
-- (supersedes, superseded_by), which without an index would scan every goal for each one deleted.
create index evidence_private_updated_idx on evidence (updated_at, id) where visibility = 'PRIVATE';
create index goal_finished_updated_idx on goal (updated_at, id) where status in ('ACHIEVED', 'REVISED', 'DISCONTINUED');
create index goal_supersedes_idx on goal (supersedes) where supersedes is not null;
create index goal_superseded_by_idx on goal (superseded_by) where superseded_by is not null;
