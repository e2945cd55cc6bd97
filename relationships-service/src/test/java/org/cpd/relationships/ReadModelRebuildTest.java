package org.cpd.relationships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.cpd.commons.events.inbox.EventConsumer;
import org.cpd.commons.events.inbox.ReadModelRebuild;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.directory.PractitionerData;
import org.cpd.contracts.directory.SupportOfferData;
import org.junit.jupiter.api.Test;

/**
 * The directory read model rebuilt from cpd.directory.events ends in the live state: damage to the
 * read model is repaired, and events that arrive while the rebuild runs are applied after it, once.
 */
@QuarkusTest
class ReadModelRebuildTest {

    @Inject
    Directory directory;

    @Inject
    ReadModelRebuild rebuild;

    @Inject
    EntityManager em;

    @Test
    void aRebuiltReadModelEqualsTheLiveOneAndLaterEventsStillArrive() {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            people.add(id);
            directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_REGISTERED, id, person(id, "100001", true));
            if (i % 3 == 0) { // moved school later: the newer state must win
                directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_UPDATED, id, person(id, "100002", true));
            }
            if (i % 5 == 0) {
                directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_DEACTIVATED, id, person(id, "100002", false));
            }
            if (i % 4 == 0) {
                directory.send(UUID.randomUUID().toString(), DirectoryEvents.CAPACITY_CHANGED, id,
                        new SupportOfferData(id, i % 8 == 0, Map.of("MENTORING", i % 7, "SPECIALIST_COACHING", 2), Set.of(), Set.of(), Set.of()));
            }
        }
        UUID last = people.get(people.size() - 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> state(people).size() == people.size()
                && state(List.of(last)).get(0).startsWith(last + "|true|100002")); // its last event moved it
        await().atMost(Duration.ofSeconds(60)).until(() -> capacities(people).size() == 20);
        List<String> live = state(people);
        List<String> liveCapacity = capacities(people);

        // Damage: a row lost, a row wrong, a capacity lost.
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("delete from practitioner where id = ?1").setParameter(1, people.get(1)).executeUpdate();
            em.createNativeQuery("update practitioner set school_urn = 'wrong' where id = ?1").setParameter(1, people.get(3)).executeUpdate();
            em.createNativeQuery("delete from supporter_capacity where practitioner_id = ?1").setParameter(1, people.get(4)).executeUpdate();
        });
        assertThat(state(people)).isNotEqualTo(live);

        // One more person registers while the rebuild runs.
        UUID newcomer = UUID.randomUUID();
        CompletableFuture<ReadModelRebuild.Report> running = CompletableFuture.supplyAsync(() -> rebuild.rebuild("relationships"));
        directory.send(UUID.randomUUID().toString(), DirectoryEvents.PRACTITIONER_REGISTERED, newcomer, person(newcomer, "100003", true));
        ReadModelRebuild.Report report = running.join();

        assertThat(report.records()).isGreaterThanOrEqualTo(people.size());
        // The history was replayed into an emptied inbox, so this test's 72 events are applied again, not skipped as
        // duplicates (with the inbox kept, all of them would be). Other tests leave deliberate redeliveries of one
        // event in the topic's history (the erasure test's repeated event); those count as duplicates, rightly.
        assertThat(report.outcomes().getOrDefault(EventConsumer.Outcome.APPLIED, 0L)).isGreaterThanOrEqualTo(72L);
        assertThat(report.outcomes().getOrDefault(EventConsumer.Outcome.DUPLICATE, 0L))
                .isLessThan(report.outcomes().getOrDefault(EventConsumer.Outcome.APPLIED, 0L));
        assertThat(state(people)).isEqualTo(live);
        assertThat(capacities(people)).isEqualTo(liveCapacity);
        await().atMost(Duration.ofSeconds(60)).until(() -> state(List.of(newcomer)).size() == 1);
        assertThat(state(List.of(newcomer)).get(0)).startsWith(newcomer + "|true|100003");
        Number inbox = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from inbox_event where consumer = 'relationships'").getSingleResult());
        assertThat(inbox.longValue()).isGreaterThanOrEqualTo(report.records() - report.outcomes().getOrDefault(EventConsumer.Outcome.IGNORED, 0L)
                - report.outcomes().getOrDefault(EventConsumer.Outcome.UNREADABLE, 0L)
                - report.outcomes().getOrDefault(EventConsumer.Outcome.DUPLICATE, 0L));
    }

    private static PractitionerData person(UUID id, String urn, boolean active) {
        return new PractitionerData(id, urn, null,
                Set.of(Directory.PARTNERSHIP), "TEACHER", active, Set.of(), Set.of());
    }

    @SuppressWarnings("unchecked")
    private List<String> state(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select id || '|' || active || '|' || coalesce(school_urn, '') || '|' || coalesce(career_stage, '')
                               || '|' || partnership_ids::text || '|' || line_manager_ids::text || '|' || appraiser_ids::text
                        from practitioner where id = any(?1) order by id""")
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList());
    }

    @SuppressWarnings("unchecked")
    private List<String> capacities(List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select practitioner_id || '|' || form || '|' || capacity || '|' || paused
                        from supporter_capacity where practitioner_id = any(?1) order by 1""")
                .setParameter(1, ids.toArray(UUID[]::new)).getResultList());
    }
}
