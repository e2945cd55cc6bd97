package org.cpd.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.junit.jupiter.api.Test;

class PractitionerMergeTest {

    static final UUID PARTNERSHIP = UUID.randomUUID();

    static Practitioner person(String trn) {
        Practitioner p = Practitioners.atSchool("100001", PARTNERSHIP);
        p.trn = trn;
        return p;
    }

    static String slugOf(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuleViolation v) {
            return v.slug();
        }
    }

    @Test
    void refusesMergingARecordIntoItself() {
        UUID id = UUID.randomUUID();
        assertThat(slugOf(() -> PractitionerMerge.requireDifferent(id, id))).isEqualTo("merge-into-itself");
    }

    @Test
    void refusesDifferentTrnsButNotAMissingOne() {
        assertThat(slugOf(() -> PractitionerMerge.requireMergeable(person("1234567"), person("7654321")))).isEqualTo("conflicting-trn");
        assertThat(slugOf(() -> PractitionerMerge.requireMergeable(person(null), person("7654321")))).isNull();
        assertThat(slugOf(() -> PractitionerMerge.requireMergeable(person("1234567"), person("1234567")))).isNull();
    }

    @Test
    void refusesRecordsAlreadyMergedAndRecordsOfAnotherPartnership() {
        Practitioner merged = person(null);
        PractitionerMerge.retire(merged, UUID.randomUUID(), Instant.now());
        assertThat(slugOf(() -> PractitionerMerge.requireMergeable(person(null), merged))).isEqualTo("already-merged");
        assertThat(slugOf(() -> PractitionerMerge.requireMergeable(merged, person(null)))).isEqualTo("already-merged");
        Practitioner elsewhere = Practitioners.atSchool("100002", UUID.randomUUID());
        assertThat(slugOf(() -> PractitionerMerge.requireMergeable(person(null), elsewhere))).isEqualTo("merge-across-partnerships");
    }

    @Test
    void theSurvivorTakesTheTrnOnlyWhenItHasNone() {
        assertThat(PractitionerMerge.trnToTake(person(null), person("7654321"))).isEqualTo("7654321");
        assertThat(PractitionerMerge.trnToTake(person("1234567"), person("1234567"))).isNull();
    }

    @Test
    void theRetiredRecordIsDeactivatedNamesTheSurvivorAndKeepsNoLinksOrTrn() {
        Practitioner retired = person("7654321");
        retired.lineManagerIds.add(UUID.randomUUID());
        UUID survivor = UUID.randomUUID();
        PractitionerMerge.retire(retired, survivor, Instant.now());
        assertThat(retired.active).isFalse();
        assertThat(retired.mergedInto).isEqualTo(survivor);
        assertThat(retired.mergedAt).isNotNull();
        assertThat(retired.trn).isNull();
        assertThat(retired.lineManagerIds).isEmpty();
        assertThatThrownBy(() -> PractitionerMerge.requireNotMerged(retired)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void linksAreJoinedAndRepointedWithoutSelfLinks() {
        UUID s = UUID.randomUUID();
        UUID r = UUID.randomUUID();
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        assertThat(PractitionerMerge.union(Set.of(m1, r), Set.of(m2, s), s, r)).containsExactlyInAnyOrder(m1, m2);
        UUID report = UUID.randomUUID();
        assertThat(PractitionerMerge.repointed(Set.of(r, m1), report, s, r)).containsExactlyInAnyOrder(s, m1);
        assertThat(PractitionerMerge.repointed(Set.of(r), s, s, r)).isEmpty();
    }
}
