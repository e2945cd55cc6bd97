-- One partnership (:'partnership') of :practitioners practitioners over 20 schools, the first :supporters of them
-- supporters, :relationships relationships of every form and status with their agreements and three conversations per
-- activated relationship, in the shapes the service writes them; ids derived from their number so a run is repeatable.
-- Run by bench/InsightBench and bench/insight-composed.sh (psql -v name=value).
insert into practitioner (id, version, created_at, updated_at, active, school_urn, career_stage, partnership_ids)
select md5('p' || i)::uuid, 0, now(), now(), true, (100001 + i % 20)::text,
       (array['ECT', 'EXPERIENCED', 'MIDDLE_LEADER'])[1 + i % 3], array[cast(:'partnership' as uuid)]
from generate_series(1, :practitioners) i
on conflict (id) do nothing;

insert into supporter_capacity (practitioner_id, form, capacity, paused, updated_at)
select md5('p' || i)::uuid, f, 1 + i % 4, i % 17 = 0, now()
from generate_series(1, :supporters) i cross join unnest(array['MENTORING', 'SPECIALIST_COACHING']) f
on conflict do nothing;

-- Half active, a fifth closed, the rest proposed, declined, withdrawn or expired; proposed over the last year.
insert into relationship (id, version, created_at, updated_at, form, purpose, status, proposed_by, proposed_at,
                          activated_at, ended_at)
select md5('r' || i)::uuid, 0, at, at, form,
       case when form = 'MENTORING' then (array['INDUCTION', 'PROGRESSION'])[1 + i % 2] end, status, 'bench', at,
       case when status in ('ACTIVE', 'CLOSED') then at + (1 + i % 20) * interval '1 day' end,
       case when status = 'CLOSED' then at + 90 * interval '1 day' end
from (select i, (array['MENTORING', 'SPECIALIST_COACHING', 'CO_COACHING'])[1 + i % 3] as form,
             (array['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE', 'CLOSED', 'CLOSED', 'PROPOSED', 'DECLINED',
                    'EXPIRED'])[1 + i % 10] as status,
             timestamptz '2026-12-01' - (i % 365) * interval '1 day' as at
      from generate_series(1, :relationships) i) r;

-- The supporter (a peer in co-coaching) is one of the supporters, the learner one of the others.
insert into relationship_participant (id, relationship_id, practitioner_id, role, school_urn, accepted_at)
select md5('rp' || i || '-' || x.slot)::uuid, md5('r' || i)::uuid, x.who, x.role, (100001 + x.n % 20)::text, now()
from generate_series(1, :relationships) i
cross join lateral (values
    (1, md5('p' || (1 + i % :supporters))::uuid, 1 + i % :supporters,
     case when i % 3 = 2 then 'PEER' else 'SUPPORTER' end),
    (2, md5('p' || (:supporters + 1 + i % (:practitioners - :supporters)))::uuid, :supporters + 1 + i % (:practitioners - :supporters),
     case when i % 3 = 2 then 'PEER' else 'LEARNER' end)
) as x(slot, who, n, role);

insert into learning_agreement (id, version, created_at, updated_at, relationship_id, current_version)
select md5('la' || r.id)::uuid, 0, r.activated_at, r.activated_at, r.id, 1
from relationship r where r.activated_at is not null and r.proposed_by = 'bench';

insert into agreement_version (id, agreement_id, number, protected_hours_per_half_term, created_by, created_at)
select md5('av' || a.id)::uuid, a.id, 1, 3, 'bench', a.created_at
from learning_agreement a join relationship r on r.id = a.relationship_id where r.proposed_by = 'bench';

-- Three conversations per activated relationship: two held, one planned, the agenda's owner turning; in co-coaching
-- the peers take turns as coach.
insert into conversation (id, version, created_at, updated_at, relationship_id, status, starts_at, duration_minutes,
                          setting, agenda_owner, coach_id, recorded_by)
select md5('c' || r.id || n)::uuid, 0, r.activated_at, r.activated_at, r.id,
       case when n < 3 then 'HELD' else 'PLANNED' end, r.activated_at + n * interval '14 days', 60, 'QUIET_SPACE',
       (array['SUPPORTER_LED', 'SHARED', 'LEARNER_LED'])[1 + (n + abs(hashtext(r.id::text))) % 3],
       (select p.practitioner_id from relationship_participant p where p.relationship_id = r.id
        order by p.role desc, p.practitioner_id
        offset case when r.form = 'CO_COACHING' then n % 2 else 0 end limit 1), 'bench'
from relationship r cross join generate_series(1, 3) n where r.activated_at is not null and r.proposed_by = 'bench';

analyze;
