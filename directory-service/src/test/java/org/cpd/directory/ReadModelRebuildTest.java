package org.cpd.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.events.inbox.ReadModelRebuild;
import org.cpd.contracts.relationships.RelationshipEvents;
import org.cpd.testsupport.CloudEventsOnKafka;
import org.junit.jupiter.api.Test;

/** Supporters' loads and given time, rebuilt from cpd.relationships.events, are the live ones again. */
@QuarkusTest
class ReadModelRebuildTest {

    @Inject
    ReadModelRebuild rebuild;

    @Inject
    EntityManager em;

    @Test
    void theRebuiltLedgerAndLoadsEqualTheLiveOnes() {
        List<UUID> supporters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID supporter = UUID.randomUUID();
            supporters.add(supporter);
            String relationship = UUID.randomUUID().toString();
            MatchingTest.relationshipEvent(RelationshipEvents.PROPOSED, relationship, supporter, "PROPOSED");
            MatchingTest.relationshipEvent(RelationshipEvents.ACTIVATED, relationship, supporter, "ACTIVE");
            if (i % 2 == 0) {
                MatchingTest.relationshipEvent(RelationshipEvents.CLOSED, relationship, supporter, "CLOSED");
            }
            CloudEventsOnKafka.send(RelationshipEvents.TOPIC, RelationshipEvents.CONVERSATION_RECORDED, RelationshipEvents.SOURCE,
                    relationship, """
                            {"conversationId":"%s","relationshipId":"%s","form":"SPECIALIST_COACHING","startsAt":"2026-10-01T09:00:00Z",
                             "durationMinutes":%d,"supporterId":"%s","coachId":"%s","participants":["%s"],"agendaOwner":null,
                             "activities":[]}""".formatted(UUID.randomUUID(), relationship, 30 + i, supporter, supporter, supporter));
        }
        UUID last = supporters.get(supporters.size() - 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> state(List.of(last)).stream().anyMatch(r -> r.contains("|35|")));
        List<String> live = state(supporters);
        assertThat(live).hasSize(supporters.size());

        ReadModelRebuild.Report report = rebuild.rebuild("directory");

        assertThat(report.records()).isGreaterThanOrEqualTo(21);
        assertThat(state(supporters)).isEqualTo(live);
    }

    /** Per supporter: the relationship's status, minutes and conversations given, and the counted load. */
    @SuppressWarnings("unchecked")
    private List<String> state(List<UUID> supporters) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select p.practitioner_id || '|' || p.status || '|' || p.counts_to_load || '|' || p.minutes_given || '|'
                               || p.conversations || '|' || coalesce(l.specialist_coaching, -1)
                        from relationship_participation p left join supporter_load l on l.practitioner_id = p.practitioner_id
                        where p.practitioner_id = any(?1) order by 1""")
                .setParameter(1, supporters.toArray(UUID[]::new)).getResultList());
    }
}
