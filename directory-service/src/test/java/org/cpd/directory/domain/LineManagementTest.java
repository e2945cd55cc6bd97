package org.cpd.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LineManagementTest {

    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();
    final UUID c = UUID.randomUUID();
    final Map<UUID, Set<UUID>> managers = new HashMap<>();

    Set<UUID> managersOf(UUID id) {
        return managers.getOrDefault(id, Set.of());
    }

    @Test
    void findsTheCycleThroughTwoLevels() {
        managers.put(b, Set.of(a)); // a manages b
        managers.put(c, Set.of(b)); // b manages c
        assertThat(LineManagement.cycle(a, Set.of(c), this::managersOf)).contains(java.util.List.of(a, c, b, a));
    }

    @Test
    void allowsATreeWithSharedManagers() {
        managers.put(b, Set.of(a));
        managers.put(c, Set.of(a));
        assertThat(LineManagement.cycle(c, Set.of(b), this::managersOf)).isEmpty();
    }

    @Test
    void directMutualManagementIsACycle() {
        managers.put(b, Set.of(a));
        assertThat(LineManagement.cycle(a, Set.of(b), this::managersOf)).isPresent();
    }

    @Test
    void selfLinkIsDetected() {
        assertThat(LineManagement.isSelfLink(a, Set.of(b, a))).isTrue();
        assertThat(LineManagement.isSelfLink(a, Set.of(b))).isFalse();
    }

    @Test
    void identifiersHaveTheirNationalShapes() {
        assertThat(Identifiers.isUrn("100001")).isTrue();
        assertThat(Identifiers.isUrn("10001")).isFalse();
        assertThat(Identifiers.isTrn("1234567")).isTrue();
        assertThat(Identifiers.isTrn("123456a")).isFalse();
        assertThat(Identifiers.isEmail("a.b@school.org.uk")).isTrue();
        assertThat(Identifiers.isEmail("a b@school")).isFalse();
    }

    @Test
    void externalSpecialistsCountAsExperiencedForEveryStageButTheirOwn() {
        assertThat(CareerStage.EXTERNAL_SPECIALIST.isBeyond(CareerStage.SENIOR_LEADER)).isTrue();
        assertThat(CareerStage.TEACHER.isBeyond(CareerStage.EARLY_CAREER_TEACHER)).isTrue();
        assertThat(CareerStage.TEACHER.isBeyond(CareerStage.TEACHER)).isFalse();
    }
}
