package org.cpd.relationships.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.relationships.domain.SupportForm;

/**
 * The aggregates of the insight views (issue 15): each one SQL statement with GROUP BY and FILTER
 * over the relationships in scope, answered from indexes (V3__insight_indexes.sql); no row of a
 * relationship or conversation is loaded into Java, and no text column (notes, summaries, agenda
 * content, reasons) is read.
 *
 * <p>Scope: a partnership (relationships with a participant of the partnership, as the read model
 * knows them, optionally of one school) or a school (relationships with a participant of that school,
 * by the school recorded on the participant when proposed); optionally one form, and relationships
 * proposed between {@code from} and {@code to} (inclusive days, UTC).
 */
@ApplicationScoped
public class InsightQueries {

    @Inject
    EntityManager em;

    /** What the views are about. {@code partnership} null means the school view of {@code school}. */
    public record Scope(UUID partnership, String school, SupportForm form, LocalDate from, LocalDate to) {

        boolean partnershipView() {
            return partnership != null;
        }
    }

    public record FormStatusRow(String form, String status, long count) {
    }

    public record FormPurposeRow(String form, String purpose, long count) {
    }

    /** Per form (form null: all forms). Days from proposal to activation of those activated. */
    public record PipelineRow(String form, long proposed, long activated, Double medianDaysToActive, Double p90DaysToActive,
                              long expired, long declined, long withdrawn, long referrals) {
    }

    public record LoadRow(String form, long supporters, long capacity, long load, long overloaded, long full,
                          long freePlaces, long paused) {
    }

    public record ProtectedTimeRow(String schoolUrn, long relationships, long budgetMinutes, long heldMinutes,
                                   long plannedMinutes) {
    }

    public record ReciprocityRow(long relationships, long balanced, long unbalanced, long notEnoughConversations,
                                 Double averageBalance) {
    }

    public record SelfDirectionRow(String schoolUrn, long learners, long rising, long steady, long falling,
                                   long notEnoughData) {
    }

    public record HoursRow(String form, long supporters, long minutes) {
    }

    public record PathwayRow(int step, long practitioners) {
    }

    /** The participants in scope: of the partnership (and school), or of the school. */
    private static String participantsInScope(Scope s, String alias) {
        String p = alias;
        StringBuilder sql = new StringBuilder();
        if (s.partnershipView()) {
            sql.append(" and exists (select 1 from practitioner k where k.id = ").append(p)
                    .append(".practitioner_id and k.partnership_ids @> array[cast(:partnership as uuid)])");
        }
        if (s.school() != null) {
            sql.append(" and ").append(p).append(".school_urn = :school");
        }
        return sql.toString();
    }

    /** The relationships in scope, as a CTE {@code rel}. */
    private static String rel(Scope s) {
        StringBuilder sql = new StringBuilder("""
                with scoped as (
                    select distinct p.relationship_id as id from relationship_participant p where true""");
        sql.append(participantsInScope(s, "p")).append("""
                ),
                rel as (
                    select r.id, r.form, r.purpose, r.status, r.proposed_at, r.activated_at, r.ended_at, r.referred_from
                    from relationship r join scoped on scoped.id = r.id where true""");
        if (s.form() != null) {
            sql.append(" and r.form = :form");
        }
        if (s.from() != null) {
            sql.append(" and r.proposed_at >= cast(:from as date)");
        }
        if (s.to() != null) {
            sql.append(" and r.proposed_at < cast(:to as date) + 1");
        }
        return sql.append("\n)\n").toString();
    }

    private Query query(Scope s, String sql) {
        Query q = em.createNativeQuery(sql);
        if (s.partnershipView()) {
            q.setParameter("partnership", s.partnership());
        }
        if (s.school() != null) {
            q.setParameter("school", s.school());
        }
        if (sql.contains(":form")) {
            q.setParameter("form", s.form().name());
        }
        if (sql.contains(":from")) {
            q.setParameter("from", s.from());
        }
        if (sql.contains(":to")) {
            q.setParameter("to", s.to());
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    /** Relationships by form and status, and by form and purpose (mentoring's), in one pass. */
    public record Breakdown(List<FormStatusRow> byStatus, List<FormPurposeRow> byPurpose) {
    }

    public Breakdown byFormStatusAndPurpose(Scope s) {
        List<FormStatusRow> byStatus = new java.util.ArrayList<>();
        List<FormPurposeRow> byPurpose = new java.util.ArrayList<>();
        for (Object[] row : rows(query(s, rel(s) + """
                select form, status, purpose, grouping(status) as by_purpose, count(*)
                from rel group by grouping sets ((form, status), (form, purpose))"""))) {
            if (((Number) row[3]).intValue() == 0) {
                byStatus.add(new FormStatusRow((String) row[0], (String) row[1], n(row[4])));
            } else if (row[2] != null) {
                byPurpose.add(new FormPurposeRow((String) row[0], (String) row[2], n(row[4])));
            }
        }
        return new Breakdown(byStatus, byPurpose);
    }

    /** Proposals and what became of them, per form and over all forms (the row with form null). */
    public List<PipelineRow> pipeline(Scope s) {
        return rows(query(s, rel(s) + """
                select form, count(*),
                       count(*) filter (where activated_at is not null),
                       percentile_cont(0.5) within group (order by extract(epoch from activated_at - proposed_at) / 86400.0)
                           filter (where activated_at is not null),
                       percentile_cont(0.9) within group (order by extract(epoch from activated_at - proposed_at) / 86400.0)
                           filter (where activated_at is not null),
                       count(*) filter (where status = 'EXPIRED'),
                       count(*) filter (where status = 'DECLINED'),
                       count(*) filter (where status = 'WITHDRAWN'),
                       count(*) filter (where referred_from is not null)
                from rel group by rollup (form)"""))
                .stream().map(r -> new PipelineRow((String) r[0], n(r[1]), n(r[2]), d(r[3]), d(r[4]), n(r[5]), n(r[6]),
                        n(r[7]), n(r[8]))).toList();
    }

    /**
     * Supporters' load against their declared capacity, per form, now (the date filter does not apply):
     * supporters of the partnership (or school) as the read model knows them; load counts open
     * relationships holding a place (docs/architecture.md#rule-4-capacity).
     */
    public List<LoadRow> load(Scope s) {
        StringBuilder sql = new StringBuilder("""
                with supporters as (
                    select c.practitioner_id, c.form, c.capacity, c.paused
                    from supporter_capacity c join practitioner k on k.id = c.practitioner_id
                    where k.active""");
        if (s.partnershipView()) {
            sql.append(" and k.partnership_ids @> array[cast(:partnership as uuid)]");
        }
        if (s.school() != null) {
            sql.append(" and k.school_urn = :school");
        }
        if (s.form() != null) {
            sql.append(" and c.form = :form");
        }
        sql.append("""
                ),
                places as (
                    select p.practitioner_id, r.form, count(*) as n
                    from supporters su
                    join relationship_participant p on p.practitioner_id = su.practitioner_id and p.role in ('SUPPORTER', 'PEER')
                    join relationship r on r.id = p.relationship_id and r.form = su.form
                    where r.status in ('PROPOSED', 'AGREEMENT_PENDING', 'ACTIVE', 'PAUSED')
                    group by p.practitioner_id, r.form
                )
                select su.form, count(*), sum(su.capacity), coalesce(sum(pl.n), 0),
                       count(*) filter (where coalesce(pl.n, 0) > su.capacity),
                       count(*) filter (where coalesce(pl.n, 0) >= su.capacity),
                       coalesce(sum(greatest(su.capacity - coalesce(pl.n, 0), 0)) filter (where not su.paused), 0),
                       count(*) filter (where su.paused)
                from supporters su left join places pl on pl.practitioner_id = su.practitioner_id and pl.form = su.form
                group by su.form order by su.form""");
        return rows(query(s, sql.toString())).stream().map(r -> new LoadRow((String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4]),
                n(r[5]), n(r[6]), n(r[7]))).toList();
    }

    /**
     * Protected time per school (of the learners and peers): the current agreements' hours per
     * half-term times the half-terms since activation, against the minutes of held and still planned
     * conversations. A relationship across two schools counts in each.
     */
    public List<ProtectedTimeRow> protectedTime(Scope s) {
        return rows(query(s, rel(s) + """
                , schools as (
                    select distinct p.relationship_id, p.school_urn from relationship_participant p join rel on rel.id = p.relationship_id
                    where p.role in ('LEARNER', 'PEER') and p.school_urn is not null""" + participantsInScope(s, "p") + """
                ),
                budget as (
                    select rel.id, coalesce(v.protected_hours_per_half_term, 0) * 60
                           * case when rel.activated_at is null then 0
                                  else greatest(1, ceil(extract(epoch from coalesce(rel.ended_at, now()) - rel.activated_at)
                                                        / (42 * 86400.0))) end as minutes
                    from rel join learning_agreement a on a.relationship_id = rel.id
                    join agreement_version v on v.agreement_id = a.id and v.number = a.current_version
                ),
                used as (
                    select c.relationship_id,
                           coalesce(sum(c.duration_minutes) filter (where c.status = 'HELD'), 0) as held,
                           coalesce(sum(c.duration_minutes) filter (where c.status = 'PLANNED'), 0) as planned
                    from conversation c join rel on rel.id = c.relationship_id group by c.relationship_id
                )
                select sc.school_urn, count(*), coalesce(sum(b.minutes), 0), coalesce(sum(u.held), 0), coalesce(sum(u.planned), 0)
                from schools sc left join budget b on b.id = sc.relationship_id left join used u on u.relationship_id = sc.relationship_id
                group by sc.school_urn order by sc.school_urn"""))
                .stream().map(r -> new ProtectedTimeRow((String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4]))).toList();
    }

    /**
     * Hours credited per form: the minutes of held conversations of the relationships in scope, credited to whoever
     * supported in them: the supporter of a mentoring or specialist coaching relationship, the peer who coached in a
     * co-coaching conversation. A supporter counts once per form.
     */
    public List<HoursRow> hoursCredited(Scope s) {
        return rows(query(s, rel(s) + """
                , credited as (
                    select rel.form, p.practitioner_id, c.duration_minutes
                    from conversation c join rel on rel.id = c.relationship_id
                    join relationship_participant p on p.relationship_id = c.relationship_id
                     and ((rel.form <> 'CO_COACHING' and p.role = 'SUPPORTER')
                          or (rel.form = 'CO_COACHING' and p.practitioner_id = c.coach_id))
                    where c.status = 'HELD'
                )
                select form, count(distinct practitioner_id), coalesce(sum(duration_minutes), 0)
                from credited group by form order by form"""))
                .stream().map(r -> new HoursRow((String) r[0], n(r[1]), n(r[2]))).toList();
    }

    /**
     * Practitioners in scope by the furthest step of the pathway they reached (docs/architecture.md#rule-7-mentors-and-coaches-own-learning):
     * 1 being coached (a learner in specialist coaching), 2 co-coach (a peer in co-coaching), 3 specialist coach
     * (a coach in specialist coaching), 4 mentor; a step is reached by taking that part in a relationship that became
     * active. Relationships that never became active reach nothing.
     */
    public List<PathwayRow> pathway(Scope s) {
        return rows(query(s, rel(s) + """
                , reached as (
                    select p.practitioner_id,
                           max(case when rel.form = 'MENTORING' and p.role = 'SUPPORTER' then 4
                                    when rel.form = 'SPECIALIST_COACHING' and p.role = 'SUPPORTER' then 3
                                    when rel.form = 'CO_COACHING' and p.role = 'PEER' then 2
                                    when rel.form = 'SPECIALIST_COACHING' and p.role = 'LEARNER' then 1 end) as step
                    from relationship_participant p join rel on rel.id = p.relationship_id
                    where rel.activated_at is not null""" + participantsInScope(s, "p") + """
                    group by p.practitioner_id
                )
                select step, count(*) from reached where step is not null group by step order by step"""))
                .stream().map(r -> new PathwayRow(((Number) r[0]).intValue(), n(r[1]))).toList();
    }

    /**
     * Co-coaching reciprocity (docs/architecture.md#rule-5-co-coaching-reciprocity): per relationship,
     * how often each peer held the coach role in held conversations; balanced when every peer coached
     * and the counts differ by at most one. Balance = fewest / most turns, averaged.
     */
    public ReciprocityRow reciprocity(Scope s) {
        Object[] r = rows(query(s, rel(s) + """
                , turns as (
                    select p.relationship_id, p.practitioner_id,
                           (select count(*) from conversation c where c.relationship_id = p.relationship_id
                                and c.status = 'HELD' and c.coach_id = p.practitioner_id) as n
                    from relationship_participant p join rel on rel.id = p.relationship_id
                    where rel.form = 'CO_COACHING'
                ),
                pairs as (
                    select relationship_id, min(n) as fewest, max(n) as most, sum(n) as total from turns group by relationship_id
                )
                select count(*),
                       count(*) filter (where total >= 2 and fewest > 0 and most - fewest <= 1),
                       count(*) filter (where total >= 2 and not (fewest > 0 and most - fewest <= 1)),
                       count(*) filter (where total < 2),
                       avg(fewest::float / most) filter (where total >= 2)
                from pairs""")).get(0);
        return new ReciprocityRow(n(r[0]), n(r[1]), n(r[2]), n(r[3]), d(r[4]));
    }

    /**
     * Self-direction from conversation agendas (docs/architecture.md#rule-6-self-direction), per
     * learner in scope, over the learner's held conversations in the order they were held: the
     * learner share (learner-led 1, shared 0.5, supporter-led 0) of the later half against the earlier
     * half (the measure of {@code org.cpd.commons.insight.SelfDirection}); counted per school of the learner.
     */
    public List<SelfDirectionRow> selfDirection(Scope s, double steadyBand) {
        String sql = rel(s) + """
                , learners as (
                    select distinct p.practitioner_id, p.school_urn from relationship_participant p join rel on rel.id = p.relationship_id
                    where p.role = 'LEARNER'""" + participantsInScope(s, "p") + """
                ),
                items as (
                    select p.practitioner_id,
                           case c.agenda_owner when 'LEARNER_LED' then 1.0 when 'SHARED' then 0.5 else 0.0 end as share,
                           row_number() over (partition by p.practitioner_id order by c.starts_at, c.id) as rn,
                           count(*) over (partition by p.practitioner_id) as n
                    from conversation c
                    join rel on rel.id = c.relationship_id
                    join relationship_participant p on p.relationship_id = c.relationship_id and p.role = 'LEARNER'
                    where c.status = 'HELD' and c.agenda_owner is not null
                ),
                halves as (
                    select practitioner_id, max(n) as n,
                           round(avg(share) filter (where rn <= n / 2), 2) as earlier,
                           round(avg(share) filter (where rn > n - n / 2), 2) as later
                    from items group by practitioner_id
                ),
                trend as (
                    select l.school_urn,
                           case when coalesce(h.n, 0) < 2 then 'NOT_ENOUGH_DATA'
                                when h.later - h.earlier >= :band - 1e-9 then 'RISING'
                                when h.earlier - h.later >= :band - 1e-9 then 'FALLING'
                                else 'STEADY' end as direction
                    from learners l left join halves h on h.practitioner_id = l.practitioner_id
                )
                select school_urn, count(*),
                       count(*) filter (where direction = 'RISING'),
                       count(*) filter (where direction = 'STEADY'),
                       count(*) filter (where direction = 'FALLING'),
                       count(*) filter (where direction = 'NOT_ENOUGH_DATA')
                from trend group by school_urn order by school_urn""";
        Query q = query(s, sql);
        q.setParameter("band", steadyBand);
        return rows(q).stream().map(r -> new SelfDirectionRow((String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5])))
                .toList();
    }

    /** The partnerships of the known practitioners of a school (to let their admins see the school's view). */
    @SuppressWarnings("unchecked")
    public List<UUID> partnershipsOfSchool(String urn) {
        return em.createNativeQuery("""
                        select distinct unnest(partnership_ids) from practitioner where school_urn = :urn""", UUID.class)
                .setParameter("urn", urn).getResultList();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static Double d(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }
}
