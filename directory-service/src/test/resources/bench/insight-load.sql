-- The insight benchmark's loads on top of the seed (SeedData): places held on every second support offer, as
-- relationships' events would leave them, 0 to 3 per form. Run by bench/InsightBench and bench/insight-composed.sh.
insert into supporter_load (practitioner_id, mentoring, specialist_coaching, co_coaching)
select id, n % 4, (n / 4) % 4, (n / 16) % 4
from (select id, row_number() over (order by id) as n from support_offer) o
where n % 2 = 0
on conflict (practitioner_id) do nothing;
analyze;
