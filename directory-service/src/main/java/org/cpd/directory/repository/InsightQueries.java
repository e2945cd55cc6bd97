package org.cpd.directory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cpd.directory.domain.SupportForm;

/**
 * The aggregate of the directory's insight part (docs/adr/0041-insight-small-number-suppression.md,
 * "Load by expertise"): supporters' load against their declared capacity, per form, per expertise
 * area and form, and per school and form, in one statement with GROUPING SETS over the offers in
 * scope; no row of an offer or a person is loaded into Java, and no text column (profile,
 * accreditation, name) is read.
 *
 * <p>Load is as of now (the support ledger's {@code supporter_load}, places held by proposed, pending,
 * active and paused relationships: docs/architecture.md#rule-4-capacity), so the view has no date range.
 */
@ApplicationScoped
public class InsightQueries {

    @Inject
    EntityManager em;

    /** What a view is about. {@code partnership} null means the school view of {@code school}. */
    public record Scope(UUID partnership, String school, SupportForm form) {
    }

    /**
     * One cell of supporters: {@code area} (an expertise category) is set on the rows by expertise,
     * {@code schoolUrn} on the rows by school; neither on the rows by form.
     */
    public record LoadRow(String form, String area, String schoolUrn, long supporters, long paused, long capacity, long load,
                          long freePlaces, long overloaded, long atCapacity) {
    }

    /**
     * Every offered form of an active practitioner in scope is one supporter of that form (paused
     * offers included, and counted in {@code paused}); a supporter is counted under each expertise
     * area of their offer's codes (once per area), and under their school (supporters of an
     * organisation have none, so are in the rows by form and by expertise only).
     */
    public List<LoadRow> load(Scope s) {
        StringBuilder sql = new StringBuilder("""
                with supporters as (
                    select o.id, s.urn as school_urn, o.paused, o.expertise_codes, f.form, f.capacity, f.places
                    from support_offer o
                    join practitioner p on p.id = o.id
                    left join school s on s.id = p.school_id
                    left join supporter_load l on l.practitioner_id = o.id
                    cross join lateral (values ('MENTORING', o.mentoring_capacity, coalesce(l.mentoring, 0)),
                                               ('SPECIALIST_COACHING', o.specialist_coaching_capacity, coalesce(l.specialist_coaching, 0)),
                                               ('CO_COACHING', o.co_coaching_capacity, coalesce(l.co_coaching, 0)))
                        as f (form, capacity, places)
                    where p.active and f.capacity is not null""");
        if (s.partnership() != null) {
            sql.append(" and p.partnership_ids @> array[cast(:partnership as uuid)]");
        }
        if (s.school() != null) {
            sql.append(" and s.urn = :school");
        }
        if (s.form() != null) {
            sql.append(" and f.form = :form");
        }
        sql.append("""
                ),
                cells as (
                    select su.form, su.paused, su.capacity, su.places, a.area,
                           case when a.area is null then su.school_urn end as school_urn
                    from supporters su
                    cross join lateral (select cast(null as varchar) as area
                                        union all
                                        select distinct e.category from expertise e where e.code = any (su.expertise_codes)) a
                )
                select form, area, school_urn, grouping(area), grouping(school_urn),
                       count(*), count(*) filter (where paused), sum(capacity), sum(places),
                       coalesce(sum(greatest(capacity - places, 0)) filter (where not paused), 0),
                       count(*) filter (where places > capacity), count(*) filter (where places = capacity)
                from cells
                group by grouping sets ((form, area), (form, school_urn))""");
        Query q = em.createNativeQuery(sql.toString());
        if (s.partnership() != null) {
            q.setParameter("partnership", s.partnership());
        }
        if (s.school() != null) {
            q.setParameter("school", s.school());
        }
        if (s.form() != null) {
            q.setParameter("form", s.form().name());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        return rows.stream()
                // by expertise: rows of an area; by form: the row without one; by school: rows of a school (the
                // set's row without a school gathers the area rows and organisations' supporters, and is dropped)
                .filter(r -> n(r[3]) == 1 ? r[2] != null : true)
                .map(r -> new LoadRow((String) r[0], n(r[3]) == 0 ? (String) r[1] : null, (String) r[2], n(r[5]), n(r[6]), n(r[7]),
                        n(r[8]), n(r[9]), n(r[10]), n(r[11])))
                .toList();
    }

    /** The partnerships of a school, or empty when the directory has no school of that URN. */
    public Optional<List<UUID>> partnershipsOfSchool(String urn) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select s.id, sp.partnership_id from school s left join school_partnership sp on sp.school_id = s.id
                        where s.urn = :urn""")
                .setParameter("urn", urn).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream().filter(r -> r[1] != null).map(r -> (UUID) r[1]).toList());
    }

    public boolean partnershipExists(UUID id) {
        return !em.createNativeQuery("select 1 from partnership where id = :id").setParameter("id", id).getResultList().isEmpty();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
