package org.cpd.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.goals.domain.AccessPolicy.Viewer;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

    static final UUID LEARNER = UUID.randomUUID();
    static final UUID MENTOR = UUID.randomUUID();
    static final UUID REL = UUID.randomUUID();

    static Goal item(Visibility visibility, Set<UUID> relationships, String urn) {
        Goal goal = new Goal();
        goal.ownerId = LEARNER;
        goal.visibility = visibility;
        goal.relationshipIds = new java.util.HashSet<>(relationships);
        goal.schoolUrn = urn;
        return goal;
    }

    static Viewer practitioner(UUID id, Set<UUID> activeRelationships) {
        return new Viewer(id, false, Set.of("100001"), activeRelationships);
    }

    @Test
    void ownerSeesAndEditsPrivateGoals() {
        Goal goal = item(Visibility.PRIVATE, Set.of(), null);
        Viewer owner = practitioner(LEARNER, Set.of());
        assertThat(AccessPolicy.canRead(owner, goal)).isTrue();
        assertThat(AccessPolicy.canEdit(owner, goal)).isTrue();
    }

    @Test
    void supporterSeesWhatIsSharedWithAnActiveRelationshipButCannotEdit() {
        Goal goal = item(Visibility.RELATIONSHIP, Set.of(REL), null);
        Viewer mentor = practitioner(MENTOR, Set.of(REL));
        assertThat(AccessPolicy.canRead(mentor, goal)).isTrue();
        assertThat(AccessPolicy.canReview(mentor, goal)).isTrue();
        assertThat(AccessPolicy.canEdit(mentor, goal)).isFalse();
    }

    @Test
    void supporterSeesNothingOnceTheRelationshipIsNoLongerActive() {
        Goal goal = item(Visibility.RELATIONSHIP, Set.of(REL), null);
        assertThat(AccessPolicy.canRead(practitioner(MENTOR, Set.of()), goal)).isFalse();
    }

    @Test
    void supporterSeesNoPrivateGoalEvenWhenLinkedToTheirRelationship() {
        Goal goal = item(Visibility.PRIVATE, Set.of(REL), null);
        assertThat(AccessPolicy.canRead(practitioner(MENTOR, Set.of(REL)), goal)).isFalse();
    }

    @Test
    void schoolLeadSeesOnlyWhatIsSharedWithTheirSchool() {
        Viewer lead = new Viewer(UUID.randomUUID(), true, Set.of("100001"), Set.of());
        assertThat(AccessPolicy.canRead(lead, item(Visibility.SCHOOL, Set.of(), "100001"))).isTrue();
        assertThat(AccessPolicy.canRead(lead, item(Visibility.SCHOOL, Set.of(), "100002"))).isFalse();
        assertThat(AccessPolicy.canRead(lead, item(Visibility.RELATIONSHIP, Set.of(REL), null))).isFalse();
        assertThat(AccessPolicy.canRead(lead, item(Visibility.PRIVATE, Set.of(), "100001"))).isFalse();
        assertThat(AccessPolicy.canReview(lead, item(Visibility.SCHOOL, Set.of(), "100001"))).isFalse();
    }

    @Test
    void practitionerOfTheSameSchoolWithoutTheLeadRoleSeesNothingSharedWithTheSchool() {
        Viewer colleague = practitioner(UUID.randomUUID(), Set.of());
        assertThat(AccessPolicy.canRead(colleague, item(Visibility.SCHOOL, Set.of(), "100001"))).isFalse();
    }

    @Test
    void machineClientWithoutPractitionerSeesNothing() {
        Viewer mis = new Viewer(null, false, Set.of("100001"), Set.of());
        assertThat(AccessPolicy.canRead(mis, item(Visibility.SCHOOL, Set.of(), "100001"))).isFalse();
        assertThat(AccessPolicy.readableWhere(mis, "Goal").jpql()).isEqualTo("1 = 0");
    }

    @Test
    void listPredicateCoversTheSameThreeWays() {
        Viewer leadAndMentor = new Viewer(MENTOR, true, Set.of("100001"), Set.of(REL));
        AccessPolicy.Predicate p = AccessPolicy.readableWhere(leadAndMentor, "Goal");
        assertThat(p.jpql()).contains("ownerId = :viewerId", "sharedRel in :viewerRelationships", "schoolUrn in :viewerSchools");
        assertThat(p.params()).containsEntry("viewerId", MENTOR).containsEntry("viewerRelationships", Set.of(REL));
    }

    static final Map<UUID, RelationshipFacts> KNOWN = Map.of(
            REL, new RelationshipFacts(REL, "ACTIVE", Set.of(LEARNER, MENTOR)));

    static void check(UUID owner, Visibility v, List<UUID> rels, String urn) {
        AccessPolicy.checkSharing(owner, v, rels, urn, Set.of("100001"), id -> Optional.ofNullable(KNOWN.get(id)));
    }

    @Test
    void refusesSharingWithUnknownRelationship() {
        assertThatThrownBy(() -> check(LEARNER, Visibility.RELATIONSHIP, List.of(UUID.randomUUID()), null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.status()).isEqualTo(422);
                    assertThat(v.slug()).isEqualTo("unknown-relationship");
                });
    }

    @Test
    void refusesLinkingARelationshipTheOwnerIsNotIn() {
        assertThatThrownBy(() -> check(UUID.randomUUID(), Visibility.RELATIONSHIP, List.of(REL), null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.slug()).isEqualTo("unknown-relationship"));
    }

    @Test
    void refusesLinkingAnEndedRelationship() {
        UUID closed = UUID.randomUUID();
        assertThatThrownBy(() -> AccessPolicy.checkSharing(LEARNER, Visibility.PRIVATE, List.of(closed), null, Set.of(),
                id -> Optional.of(new RelationshipFacts(closed, "CLOSED", Set.of(LEARNER, MENTOR)))))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.status()).isEqualTo(409));
    }

    @Test
    void refusesSharingWithASchoolNotTheOwners() {
        check(LEARNER, Visibility.SCHOOL, List.of(), "100001");
        assertThatThrownBy(() -> check(LEARNER, Visibility.SCHOOL, List.of(), "999999"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.slug()).isEqualTo("not-your-school"));
        assertThatThrownBy(() -> check(LEARNER, Visibility.SCHOOL, List.of(), null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.status()).isEqualTo(400));
        assertThatThrownBy(() -> check(LEARNER, Visibility.RELATIONSHIP, List.of(), null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.status()).isEqualTo(400));
    }
}
