package org.cpd.goals;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cpd.commons.events.inbox.ReadModelRebuild;
import org.junit.jupiter.api.Test;

/** Who supports whom, rebuilt from cpd.relationships.events, is the live state again (newest event wins). */
@QuarkusTest
class ReadModelRebuildTest {

    @Inject
    ReadModelRebuild rebuild;

    @Test
    void theRebuiltRelationshipViewEqualsTheLiveOne() {
        List<UUID> relationships = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID id = UUID.randomUUID();
            relationships.add(id);
            UUID supporter = UUID.randomUUID();
            UUID learner = UUID.randomUUID();
            Fixtures.relationship(id, "PROPOSED", supporter, learner);
            Fixtures.relationship(id, "ACTIVE", supporter, learner);
            if (i % 2 == 0) {
                Fixtures.relationship(id, "CLOSED", supporter, learner);
            }
        }
        List<String> live = state(relationships);
        assertThat(live).hasSize(relationships.size() * 2);

        ReadModelRebuild.Report report = rebuild.rebuild("goals");

        assertThat(report.records()).isGreaterThanOrEqualTo(15);
        assertThat(state(relationships)).isEqualTo(live);
    }

    private static List<String> state(List<UUID> ids) {
        String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        return Fixtures.column("""
                select v.id || '|' || v.form || '|' || v.status || '|' || coalesce(v.started_at::text, '') || '|'
                       || coalesce(v.ended_at::text, '') || '|' || p.practitioner_id || '|' || p.role
                from relationship_view v join relationship_participant p on p.relationship_id = v.id
                where v.id in (%s) order by 1""".formatted(in));
    }
}
