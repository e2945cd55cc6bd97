package org.cpd.relationships.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cpd.relationships.domain.Fixtures.practitioner;
import static org.cpd.relationships.domain.Fixtures.schoolLead;
import static org.cpd.relationships.domain.Fixtures.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.relationships.domain.ProposalRules.Party;
import org.junit.jupiter.api.Test;

class ProposalRulesTest {

    static final UUID P1 = UUID.randomUUID();
    static final UUID P2 = UUID.randomUUID();
    static final UUID COACH = UUID.randomUUID();
    static final UUID LEARNER = UUID.randomUUID();
    static final UUID MANAGER = UUID.randomUUID();
    static final UUID LEAD = UUID.randomUUID();
    static final String URN = "100001";

    final Map<UUID, Person> people = new HashMap<>();

    ProposalRulesTest() {
        put(COACH, true, URN, P1, Set.of());
        put(LEARNER, true, URN, P1, Set.of(MANAGER));
        put(MANAGER, true, URN, P1, Set.of());
    }

    void put(UUID id, boolean active, String urn, UUID partnership, Set<UUID> managers) {
        people.put(id, new Person(id, active, urn, Set.of(partnership), managers, Set.of()));
    }

    RuleViolation refusal(SupportForm form, List<Party> parties, Caller proposer, String override) {
        try {
            ProposalRules.check(form, parties, people, proposer, p -> false, override, false);
        } catch (RuleViolation p) {
            return p;
        }
        throw new AssertionError("expected a refusal");
    }

    static List<Party> coaching(UUID supporter, UUID learner) {
        return List.of(new Party(supporter, ParticipantRole.SUPPORTER), new Party(learner, ParticipantRole.LEARNER));
    }

    @Test
    void learnerChoosesTheirCoach() {
        var a = ProposalRules.check(SupportForm.SPECIALIST_COACHING, coaching(COACH, LEARNER), people,
                practitioner(LEARNER), p -> false, null, false);
        assertThat(a.lineManagerMentor()).isFalse();
        assertThat(status(refusal(SupportForm.SPECIALIST_COACHING, coaching(COACH, LEARNER), practitioner(COACH), null)))
                .isEqualTo(403);
    }

    @Test
    void mentorsAreAssignedByASchoolLeadOfTheLearnersSchool() {
        assertThat(status(refusal(SupportForm.MENTORING, coaching(COACH, LEARNER), practitioner(LEARNER), null)))
                .isEqualTo(403);
        assertThat(status(refusal(SupportForm.MENTORING, coaching(COACH, LEARNER), schoolLead(LEAD, "999999"), null)))
                .isEqualTo(403);
        ProposalRules.check(SupportForm.MENTORING, coaching(COACH, LEARNER), people, schoolLead(LEAD, URN),
                p -> false, null, false);
    }

    @Test
    void refusesCoachingByLineManager() {
        RuleViolation p = refusal(SupportForm.SPECIALIST_COACHING, coaching(MANAGER, LEARNER), practitioner(LEARNER), null);
        assertThat(status(p)).isEqualTo(409);
        assertThat(p.slug()).isEqualTo("conflict-of-interest");
    }

    @Test
    void refusesCoCoachingWithOnesLineManager() {
        List<Party> peers = List.of(new Party(LEARNER, ParticipantRole.PEER), new Party(MANAGER, ParticipantRole.PEER));
        assertThat(refusal(SupportForm.CO_COACHING, peers, practitioner(MANAGER), null).slug())
                .isEqualTo("conflict-of-interest");
    }

    @Test
    void schoolLeadOverrideWithReasonAllowsItButNobodyElsesDoes() {
        assertThat(status(refusal(SupportForm.SPECIALIST_COACHING, coaching(MANAGER, LEARNER), practitioner(LEARNER),
                "only AfL expert in school"))).isEqualTo(403);
        var a = ProposalRules.check(SupportForm.SPECIALIST_COACHING, coaching(MANAGER, LEARNER), people,
                schoolLead(LEAD, URN), p -> false, "only AfL expert in school", false);
        assertThat(a.conflictOverridden()).isTrue();
    }

    @Test
    void flagsButAllowsMentoringByLineManager() {
        var a = ProposalRules.check(SupportForm.MENTORING, coaching(MANAGER, LEARNER), people, schoolLead(LEAD, URN),
                p -> false, null, false);
        assertThat(a.lineManagerMentor()).isTrue();
    }

    @Test
    void refusesSelfCoaching() {
        RuleViolation p = refusal(SupportForm.SPECIALIST_COACHING, coaching(LEARNER, LEARNER), practitioner(LEARNER), null);
        assertThat(p.slug()).isEqualTo("self-support");
    }

    @Test
    void refusesUnknownAndInactiveParticipants() {
        assertThat(refusal(SupportForm.SPECIALIST_COACHING, coaching(UUID.randomUUID(), LEARNER), practitioner(LEARNER), null)
                .slug()).isEqualTo("unknown-participant");
        put(COACH, false, URN, P1, Set.of());
        assertThat(refusal(SupportForm.SPECIALIST_COACHING, coaching(COACH, LEARNER), practitioner(LEARNER), null)
                .slug()).isEqualTo("participant-inactive");
    }

    @Test
    void crossSchoolInsideAPartnershipIsNormal() {
        put(COACH, true, "100002", P1, Set.of());
        ProposalRules.check(SupportForm.SPECIALIST_COACHING, coaching(COACH, LEARNER), people, practitioner(LEARNER),
                p -> false, null, false);
    }

    @Test
    void acrossPartnershipsOnlyWhenBothAllow() {
        put(COACH, true, "200001", P2, Set.of());
        assertThat(refusal(SupportForm.SPECIALIST_COACHING, coaching(COACH, LEARNER), practitioner(LEARNER), null).slug())
                .isEqualTo("cross-partnership-not-allowed");
        assertThatThrownBy(() -> ProposalRules.check(SupportForm.SPECIALIST_COACHING, coaching(COACH, LEARNER), people,
                practitioner(LEARNER), P1::equals, null, false)).isInstanceOf(RuleViolation.class);
        ProposalRules.check(SupportForm.SPECIALIST_COACHING, coaching(COACH, LEARNER), people, practitioner(LEARNER),
                p -> true, null, false);
    }

    @Test
    void shapeOfParticipantsFollowsTheForm() {
        assertThat(status(refusal(SupportForm.CO_COACHING, coaching(COACH, LEARNER), practitioner(LEARNER), null)))
                .isEqualTo(400);
        assertThat(status(refusal(SupportForm.MENTORING, List.of(new Party(COACH, ParticipantRole.SUPPORTER)),
                schoolLead(LEAD, URN), null))).isEqualTo(400);
    }
}
