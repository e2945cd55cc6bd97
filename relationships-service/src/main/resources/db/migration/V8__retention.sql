-- Retention of closed relationships (docs/data-protection.md, "Retention defaults"): six years after a relationship
-- ended (closed, declined, withdrawn, expired) it is kept only as anonymised statistics, and says since when.
alter table relationship add column anonymised_at timestamptz;
-- The sweep's work list, oldest end first: ended relationships not yet anonymised.
create index relationship_anonymisation_due on relationship ((coalesce(ended_at, updated_at)), id)
    where anonymised_at is null and status in ('CLOSED', 'DECLINED', 'WITHDRAWN', 'EXPIRED');
