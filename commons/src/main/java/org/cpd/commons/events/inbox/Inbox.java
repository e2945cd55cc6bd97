package org.cpd.commons.events.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.cpd.commons.persistence.TrackedEntity;

/**
 * The idempotent consumer's memory: an event id is recorded in the same transaction as the
 * effect of handling it, so a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager em;

    /**
     * True the first time this consumer sees {@code eventId} (and records it); false for a
     * duplicate. A concurrent duplicate waits on the first one's row and then sees false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        return em.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, processed_at)
                        values (?1, ?2, ?3) on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, TrackedEntity.now())
                .executeUpdate() == 1;
    }
}
