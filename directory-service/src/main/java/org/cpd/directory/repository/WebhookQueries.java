package org.cpd.directory.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.persistence.Paging;
import org.cpd.commons.privacy.RetentionRule;
import org.cpd.commons.privacy.RetentionSql;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.domain.WebhookAttempt;
import org.cpd.directory.domain.WebhookDelivery;
import org.cpd.directory.domain.WebhookEventScope;
import org.cpd.directory.domain.WebhookSubscription;

/** The webhook queries beyond a Panache one-liner: whom an event concerns, which subscriptions match, what is due. */
@ApplicationScoped
public class WebhookQueries {

    @Inject
    EntityManager em;

    /** Subscriptions of these partnerships and schools, cursor-paged. */
    public Page<WebhookSubscription> subscriptions(Set<UUID> partnerships, Set<String> schools, PageRequest page) {
        Criteria criteria = Criteria.where();
        if (partnerships.isEmpty()) {
            criteria.and("schoolUrn in :schools", "schools", schools);
        } else if (schools.isEmpty()) {
            criteria.and("partnershipId in :partnerships", "partnerships", partnerships);
        } else {
            criteria.and("(partnershipId in :partnerships or schoolUrn in :schools)")
                    .param("partnerships", partnerships).param("schools", schools);
        }
        return Paging.page(page, criteria, WebhookSubscription.class);
    }

    public Page<WebhookDelivery> deliveries(UUID subscriptionId, PageRequest page) {
        return Paging.page(page, Criteria.where().and("subscriptionId = :s", "s", subscriptionId), WebhookDelivery.class);
    }

    /** The most recent attempts of a delivery, oldest first. */
    public List<WebhookAttempt> attempts(UUID deliveryId, int limit) {
        List<WebhookAttempt> latest = em.createQuery("from WebhookAttempt where deliveryId = :d order by attemptedAt desc, id desc",
                WebhookAttempt.class).setParameter("d", deliveryId).setMaxResults(limit).getResultList();
        List<WebhookAttempt> oldestFirst = new java.util.ArrayList<>(latest);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * The schools and partnerships an event concerns: those it names, the schools and partnerships of the people it
     * names, and the partnerships of the schools it names.
     */
    @SuppressWarnings("unchecked")
    public Concerned concerned(WebhookEventScope scope) {
        Set<String> urns = new LinkedHashSet<>(scope.schoolUrns());
        Set<UUID> partnerships = new LinkedHashSet<>(scope.partnershipIds());
        if (!scope.practitionerIds().isEmpty()) {
            List<Object[]> rows = em.createNativeQuery("""
                    select s.urn, cast(array_to_string(p.partnership_ids, ',') as text)
                    from practitioner p left join school s on s.id = p.school_id
                    where p.id = any(cast(string_to_array(:ids, ',') as uuid[]))""")
                    .setParameter("ids", join(scope.practitionerIds())).getResultList();
            for (Object[] row : rows) {
                if (row[0] != null) {
                    urns.add(row[0].toString());
                }
                if (row[1] != null && !row[1].toString().isEmpty()) {
                    for (String id : row[1].toString().split(",")) {
                        partnerships.add(UUID.fromString(id));
                    }
                }
            }
        }
        if (!urns.isEmpty()) {
            List<UUID> ofSchools = em.createNativeQuery("""
                    select sp.partnership_id from school_partnership sp join school s on s.id = sp.school_id
                    where s.urn = any(string_to_array(:urns, ','))""", UUID.class)
                    .setParameter("urns", String.join(",", urns)).getResultList();
            partnerships.addAll(ofSchools);
        }
        return new Concerned(urns, partnerships);
    }

    /** The schools and partnerships an event concerns. */
    public record Concerned(Set<String> schoolUrns, Set<UUID> partnershipIds) {
        public boolean isEmpty() {
            return schoolUrns.isEmpty() && partnershipIds.isEmpty();
        }
    }

    /** Whether any active subscription lists this type: one cheap query that spares the rest for most events. */
    public boolean anySubscribedTo(String type) {
        return !em.createNativeQuery("select 1 from webhook_subscription where active and :type = any(event_types) limit 1")
                .setParameter("type", type).getResultList().isEmpty();
    }

    /** Active subscriptions to this type in these schools or partnerships. */
    public List<WebhookSubscription> matching(String type, Concerned concerned) {
        if (concerned.isEmpty()) {
            return List.of();
        }
        Set<UUID> partnerships = concerned.partnershipIds().isEmpty() ? Set.of(new UUID(0, 0)) : concerned.partnershipIds();
        Set<String> schools = concerned.schoolUrns().isEmpty() ? Set.of("-") : concerned.schoolUrns();
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                select id from webhook_subscription
                where active and :type = any(event_types)
                  and (partnership_id = any(cast(string_to_array(:partnerships, ',') as uuid[]))
                       or school_urn = any(string_to_array(:schools, ',')))
                order by id""", UUID.class)
                .setParameter("type", type).setParameter("partnerships", join(partnerships))
                .setParameter("schools", String.join(",", schools)).getResultList();
        return ids.isEmpty() ? List.of() : em.createQuery("from WebhookSubscription where id in :ids order by id", WebhookSubscription.class)
                .setParameter("ids", ids).getResultList();
    }

    /** Writes the delivery unless one exists for the event and subscription already; whether it was written. */
    public boolean insertDelivery(UUID id, UUID subscriptionId, String eventId, String eventType, String body, Instant now) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return em.createNativeQuery("""
                insert into webhook_delivery (id, created_at, updated_at, subscription_id, event_id, event_type, body, status,
                                              next_attempt_at)
                values (:id, :at, :at, :subscription, :event, :type, :body, 'PENDING', :at)
                on conflict (event_id, subscription_id) do nothing""")
                .setParameter("id", id).setParameter("at", at).setParameter("subscription", subscriptionId)
                .setParameter("event", eventId).setParameter("type", eventType).setParameter("body", body)
                .executeUpdate() == 1;
    }

    /** A delivery claimed for sending, with its subscription. */
    public record Due(UUID deliveryId, UUID subscriptionId) {
    }

    /**
     * One delivery due now, locked for the caller's transaction; a delivery another replica or worker is sending holds
     * its lock and is skipped, so no two send the same delivery at once. The deliveries of the subscriptions in
     * {@code busy} (being sent to by this replica) are left for later, so one subscription's deliveries go one after
     * another. A deactivated subscription's deliveries wait until it is active again.
     */
    public Optional<Due> lockDue(Instant now, Collection<UUID> busy) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select d.id, d.subscription_id from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
                where d.status = 'PENDING' and d.next_attempt_at <= :now and s.active
                  and not (d.subscription_id = any(cast(string_to_array(:busy, ',') as uuid[])))
                order by d.next_attempt_at, d.id limit 1 for update of d skip locked""")
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("busy", join(busy)).getResultList();
        return rows.stream().findFirst().map(row -> new Due(asUuid(row[0]), asUuid(row[1])));
    }

    private static UUID asUuid(Object value) {
        return value instanceof UUID uuid ? uuid : UUID.fromString(value.toString());
    }

    // ---- retention (docs/data-protection.md, "Retention defaults": webhook-deliveries)

    /** Delivered or failed, and untouched since the cutoff. */
    private static final String FINISHED = """
            from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id
            where d.status <> 'PENDING' and d.updated_at < :cutoff""";

    private static final String IN_PARTNERSHIPS = "cast(string_to_array(:partnerships, ',') as uuid[])";

    public RetentionRule.Due finishedIn(Set<UUID> partnerships, Instant cutoff) {
        if (partnerships.isEmpty()) {
            return RetentionRule.Due.NONE;
        }
        Object[] row = (Object[]) em.createNativeQuery("select count(*), min(d.updated_at) " + FINISHED
                        + " and (s.partnership_id = any(" + IN_PARTNERSHIPS + ")"
                        + " or exists (select 1 from school sc join school_partnership sp on sp.school_id = sc.id"
                        + " where sc.urn = s.school_urn and sp.partnership_id = any(" + IN_PARTNERSHIPS + ")))")
                .setParameter("cutoff", RetentionSql.utc(cutoff)).setParameter("partnerships", RetentionSql.csv(partnerships))
                .getSingleResult();
        long items = ((Number) row[0]).longValue();
        return items == 0 ? RetentionRule.Due.NONE : new RetentionRule.Due(items, RetentionSql.instant(row[1]));
    }

    /** Deletes at most {@code limit} due deliveries (their attempts go with them); how many, and their partnerships. */
    public RetentionRule.Applied removeFinished(Instant cutoff, int limit) {
        Object[] row = (Object[]) em.createNativeQuery("with due as (select d.id " + FINISHED + " " + """
                         order by d.updated_at, d.id limit :limit for update of d skip locked),
                        gone as (delete from webhook_delivery where id in (select id from due) returning subscription_id)
                        select (select count(*) from gone),
                               (select array_to_string(array_agg(distinct p.id), ',') from (
                                   select s.partnership_id as id from webhook_subscription s
                                   where s.id in (select subscription_id from gone) and s.partnership_id is not null
                                   union
                                   select sp.partnership_id from webhook_subscription s join school sc on sc.urn = s.school_urn
                                   join school_partnership sp on sp.school_id = sc.id
                                   where s.id in (select subscription_id from gone)) p)""")
                .setParameter("cutoff", RetentionSql.utc(cutoff)).setParameter("limit", limit).getSingleResult();
        return new RetentionRule.Applied(((Number) row[0]).longValue(), RetentionSql.uuids((String) row[1]));
    }

    private static String join(Collection<UUID> ids) {
        return String.join(",", ids.stream().map(UUID::toString).toList());
    }
}
