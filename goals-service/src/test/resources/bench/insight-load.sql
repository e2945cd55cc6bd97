-- One partnership's (:'partnership') :goals goals owned by :practitioners practitioners over 20 schools, set over the
-- last year with statuses and setters turning so every cell and trend has members, and one piece of evidence per goal
-- mapped to a standard; ids derived from their number so a run is repeatable.
-- Run by bench/InsightBench and bench/insight-composed.sh (psql -v name=value).
insert into goal (id, version, created_at, updated_at, owner_id, title, pupil_aspiration, priority, success_criteria,
                  target_date, set_by, status, visibility, discontinued_reason, status_changed_at,
                  owner_school_urns, owner_partnership_ids)
select md5('g' || i)::uuid, 0, at, at, md5('p' || (1 + i % :practitioners))::uuid, 'Goal ' || i, 'Pupils', 'INDIVIDUAL',
       'Criteria', date '2027-07-01', (array['SUPPORTER_LED', 'SHARED', 'LEARNER_LED'])[1 + (i / :practitioners + i) % 3],
       status, 'PRIVATE', case when status = 'DISCONTINUED' then 'Moved on' end, at,
       array[(100001 + (1 + i % :practitioners) % 20)::text], array[cast(:'partnership' as uuid)]
from (select i, timestamptz '2026-12-01' - (i % 365) * interval '1 day' as at,
             (array['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACHIEVED', 'ACHIEVED', 'DRAFT', 'DISCONTINUED'])[1 + i % 7] as status
      from generate_series(1, :goals) i) g;

insert into evidence (id, version, created_at, updated_at, owner_id, type, occurred_on, title, visibility,
                      owner_school_urns, owner_partnership_ids)
select md5('e' || g.id)::uuid, 0, g.created_at, g.created_at, g.owner_id,
       (array['LESSON_OBSERVATION', 'PUPIL_WORK', 'REFLECTION', 'FEEDBACK_RECEIVED', 'LESSON_PLAN'])[1 + abs(hashtext(g.id::text)) % 5],
       cast(g.created_at as date), 'Evidence', 'PRIVATE', g.owner_school_urns, g.owner_partnership_ids
from generate_series(1, :goals) i join goal g on g.id = md5('g' || i)::uuid;

insert into evidence_standard (evidence_id, standard_id)
select e.id, (select s.id from standard s order by s.position, s.id offset abs(hashtext(e.id::text)) % 8 limit 1)
from generate_series(1, :goals) i join evidence e on e.id = md5('e' || md5('g' || i)::uuid)::uuid;

analyze;
