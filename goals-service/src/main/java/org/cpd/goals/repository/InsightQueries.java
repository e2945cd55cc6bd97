package org.cpd.goals.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpd.goals.domain.SupportForm;

/**
 * The goals part of the insight views (issue 15): SQL aggregates over goals and evidence in scope,
 * never a row in Java, never a text column (titles, aspirations, reflections). Scope: the owner's
 * partnership (optionally school) or school as recorded with each item (ADR 0041); optionally items
 * linked to a relationship of one form; goals set, evidence dated, between {@code from} and {@code to}.
 */
@ApplicationScoped
public class InsightQueries {

    @Inject
    EntityManager em;

    public record Scope(UUID partnership, String school, SupportForm form, LocalDate from, LocalDate to) {
    }

    public record StatusRow(String status, String setBy, long goals) {
    }

    public record TypeRow(String type, long evidence) {
    }

    public record StandardRow(String framework, String standard, long evidence) {
    }

    public record SelfDirectionRow(String schoolUrn, long learners, long rising, long steady, long falling, long notEnoughData) {
    }

    private static String scope(Scope s, String alias, String dateColumn, String links) {
        StringBuilder sql = new StringBuilder();
        if (s.partnership() != null) {
            sql.append(" and ").append(alias).append(".owner_partnership_ids @> array[cast(:partnership as uuid)]");
        }
        if (s.school() != null) {
            sql.append(" and ").append(alias).append(".owner_school_urns @> array[cast(:school as text)]");
        }
        if (s.from() != null) {
            sql.append(" and ").append(dateColumn).append(" >= cast(:from as date)");
        }
        if (s.to() != null) {
            sql.append(" and ").append(dateColumn).append(" < cast(:to as date) + 1");
        }
        if (s.form() != null) {
            sql.append(" and exists (select 1 from ").append(links).append(" l join relationship_view rv on rv.id = l.relationship_id")
                    .append(" where l.").append(alias.equals("g") ? "goal_id" : "evidence_id").append(" = ").append(alias)
                    .append(".id and rv.form = :form)");
        }
        return sql.toString();
    }

    private Query query(Scope s, String sql) {
        Query q = em.createNativeQuery(sql);
        if (s.partnership() != null) {
            q.setParameter("partnership", s.partnership());
        }
        if (s.school() != null) {
            q.setParameter("school", s.school());
        }
        if (s.from() != null) {
            q.setParameter("from", s.from());
        }
        if (s.to() != null) {
            q.setParameter("to", s.to());
        }
        if (s.form() != null) {
            q.setParameter("form", s.form().name());
        }
        return q;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    private static String goals(Scope s) {
        return "from goal g where true" + scope(s, "g", "g.created_at", "goal_relationship");
    }

    /** Goals set in scope by status and by who set them, in one pass ({@code GROUPING SETS}). */
    public List<StatusRow> goalsByStatusAndSetter(Scope s) {
        return rows(query(s, "select g.status, g.set_by, count(*) " + goals(s)
                + " group by grouping sets ((g.status), (g.set_by))"))
                .stream().map(r -> new StatusRow((String) r[0], (String) r[1], n(r[2]))).toList();
    }

    public List<TypeRow> evidenceByType(Scope s) {
        return rows(query(s, "select e.type, count(*) from evidence e where true"
                + scope(s, "e", "e.occurred_on", "evidence_relationship") + " group by e.type"))
                .stream().map(r -> new TypeRow((String) r[0], n(r[1]))).toList();
    }

    public List<StandardRow> evidenceByStandard(Scope s) {
        return rows(query(s, """
                select f.code, st.code, count(*) from evidence e
                join evidence_standard es on es.evidence_id = e.id
                join standard st on st.id = es.standard_id
                join standards_framework f on f.id = st.framework_id
                where true""" + scope(s, "e", "e.occurred_on", "evidence_relationship")
                + " group by f.code, st.code, st.position order by f.code, st.position"))
                .stream().map(r -> new StandardRow((String) r[0], (String) r[1], n(r[2]))).toList();
    }

    /**
     * Self-direction from goals (docs/architecture.md#rule-6-self-direction), per owner in the order
     * their goals were set: the learner share of the later half against the earlier half (the measure
     * of {@code org.cpd.commons.insight.SelfDirection}); counted per school of the owner.
     */
    public List<SelfDirectionRow> selfDirection(Scope s, double band) {
        String schoolOf = s.school() != null ? "cast(:school as text)" : "g.owner_school_urns[1]";
        Query q = query(s, """
                with items as (
                    select g.owner_id, %s as school_urn,
                           case g.set_by when 'LEARNER_LED' then 1.0 when 'SHARED' then 0.5 else 0.0 end as share,
                           row_number() over (partition by g.owner_id order by g.created_at, g.id) as rn,
                           count(*) over (partition by g.owner_id) as n
                    %s
                ),
                halves as (
                    select owner_id, min(school_urn) as school_urn, max(n) as n,
                           round(avg(share) filter (where rn <= n / 2), 2) as earlier,
                           round(avg(share) filter (where rn > n - n / 2), 2) as later
                    from items group by owner_id
                ),
                trend as (
                    select school_urn, case when n < 2 then 'NOT_ENOUGH_DATA'
                                            when later - earlier >= :band - 1e-9 then 'RISING'
                                            when earlier - later >= :band - 1e-9 then 'FALLING'
                                            else 'STEADY' end as direction
                    from halves
                )
                select school_urn, count(*),
                       count(*) filter (where direction = 'RISING'),
                       count(*) filter (where direction = 'STEADY'),
                       count(*) filter (where direction = 'FALLING'),
                       count(*) filter (where direction = 'NOT_ENOUGH_DATA')
                from trend group by school_urn order by school_urn""".formatted(schoolOf, goals(s)));
        q.setParameter("band", band);
        return rows(q).stream().map(r -> new SelfDirectionRow((String) r[0], n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]))).toList();
    }

    /** The partnerships recorded with a school's goals and evidence. */
    @SuppressWarnings("unchecked")
    public List<UUID> partnershipsOfSchool(String urn) {
        return em.createNativeQuery("""
                        select distinct unnest(owner_partnership_ids) from goal where owner_school_urns @> array[cast(:urn as text)]
                        union
                        select distinct unnest(owner_partnership_ids) from evidence where owner_school_urns @> array[cast(:urn as text)]""",
                        UUID.class)
                .setParameter("urn", urn).getResultList();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
