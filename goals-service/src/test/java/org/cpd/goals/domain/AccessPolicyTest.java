package org.cpd.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.Roles;
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

    static Caller caller(UUID practitionerId, Set<String> roles) {
        return new Caller("subject", "portal", practitionerId, roles, Set.of("100001"), Set.of());
    }

    static AccessPolicy practitioner(UUID id, Set<UUID> activeRelationships) {
        return new AccessPolicy(caller(id, Set.of(Roles.PRACTITIONER)), activeRelationships);
    }

    static AccessPolicy schoolLead(UUID id, Set<UUID> activeRelationships) {
        return new AccessPolicy(caller(id, Set.of(Roles.PRACTITIONER, Roles.SCHOOL_LEAD)), activeRelationships);
    }

    @Test
    void ownerSeesAndEditsPrivateGoals() {
        Goal goal = item(Visibility.PRIVATE, Set.of(), null);
        AccessPolicy owner = practitioner(LEARNER, Set.of());
        assertThat(owner.canRead(goal)).isTrue();
        assertThat(owner.canEdit(goal)).isTrue();
    }

    @Test
    void supporterSeesWhatIsSharedWithAnActiveRelationshipButCannotEdit() {
        Goal goal = item(Visibility.RELATIONSHIP, Set.of(REL), null);
        AccessPolicy mentor = practitioner(MENTOR, Set.of(REL));
        assertThat(mentor.canRead(goal)).isTrue();
        assertThat(mentor.canReview(goal)).isTrue();
        assertThat(mentor.canEdit(goal)).isFalse();
    }

    @Test
    void supporterSeesNothingOnceTheRelationshipIsNoLongerActive() {
        Goal goal = item(Visibility.RELATIONSHIP, Set.of(REL), null);
        assertThat(practitioner(MENTOR, Set.of()).canRead(goal)).isFalse();
    }

    @Test
    void supporterSeesNoPrivateGoalEvenWhenLinkedToTheirRelationship() {
        Goal goal = item(Visibility.PRIVATE, Set.of(REL), null);
        assertThat(practitioner(MENTOR, Set.of(REL)).canRead(goal)).isFalse();
    }

    @Test
    void schoolLeadSeesOnlyWhatIsSharedWithTheirSchool() {
        AccessPolicy lead = schoolLead(UUID.randomUUID(), Set.of());
        assertThat(lead.canRead(item(Visibility.SCHOOL, Set.of(), "100001"))).isTrue();
        assertThat(lead.canRead(item(Visibility.SCHOOL, Set.of(), "100002"))).isFalse();
        assertThat(lead.canRead(item(Visibility.RELATIONSHIP, Set.of(REL), null))).isFalse();
        assertThat(lead.canRead(item(Visibility.PRIVATE, Set.of(), "100001"))).isFalse();
        assertThat(lead.canReview(item(Visibility.SCHOOL, Set.of(), "100001"))).isFalse();
    }

    @Test
    void practitionerOfTheSameSchoolWithoutTheLeadRoleSeesNothingSharedWithTheSchool() {
        AccessPolicy colleague = practitioner(UUID.randomUUID(), Set.of());
        assertThat(colleague.canRead(item(Visibility.SCHOOL, Set.of(), "100001"))).isFalse();
    }

    @Test
    void machineClientWithoutPractitionerSeesNothing() {
        AccessPolicy mis = new AccessPolicy(caller(null, Set.of(Roles.MIS_INTEGRATION)), Set.of());
        assertThat(mis.canRead(item(Visibility.SCHOOL, Set.of(), "100001"))).isFalse();
        assertThat(mis.readableWhere("Goal").jpql()).isEqualTo("1 = 0");
    }

    @Test
    void onlyAPractitionerOwnsGoalsAndEvidence() {
        assertThat(practitioner(LEARNER, Set.of()).requirePractitioner()).isEqualTo(LEARNER);
        assertThatThrownBy(() -> new AccessPolicy(caller(null, Set.of(Roles.MIS_INTEGRATION)), Set.of()).requirePractitioner())
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN));
    }

    @Test
    void listPredicateCoversTheSameThreeWays() {
        AccessPolicy leadAndMentor = schoolLead(MENTOR, Set.of(REL));
        AccessPolicy.Predicate p = leadAndMentor.readableWhere("Goal");
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
                    assertThat(v.kind()).isEqualTo(RuleViolation.Kind.UNPROCESSABLE);
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
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.CONFLICT));
    }

    @Test
    void refusesSharingWithASchoolNotTheOwners() {
        check(LEARNER, Visibility.SCHOOL, List.of(), "100001");
        assertThatThrownBy(() -> check(LEARNER, Visibility.SCHOOL, List.of(), "999999"))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.slug()).isEqualTo("not-your-school"));
        assertThatThrownBy(() -> check(LEARNER, Visibility.SCHOOL, List.of(), null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INVALID));
        assertThatThrownBy(() -> check(LEARNER, Visibility.RELATIONSHIP, List.of(), null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INVALID));
    }
}
