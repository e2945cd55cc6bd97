package org.cpd.relationships.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.web.Problem;
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

    Problem refusal(Form form, List<Party> parties, Actor proposer, String override) {
        try {
            ProposalRules.check(form, parties, people, proposer, p -> false, override, false);
        } catch (Problem p) {
            return p;
        }
        throw new AssertionError("expected a refusal");
    }

    static List<Party> coaching(UUID supporter, UUID learner) {
        return List.of(new Party(supporter, ParticipantRole.SUPPORTER), new Party(learner, ParticipantRole.LEARNER));
    }

    @Test
    void learnerChoosesTheirCoach() {
        var a = ProposalRules.check(Form.SPECIALIST_COACHING, coaching(COACH, LEARNER), people,
                Actor.practitioner(LEARNER), p -> false, null, false);
        assertThat(a.lineManagerMentor()).isFalse();
        assertThat(refusal(Form.SPECIALIST_COACHING, coaching(COACH, LEARNER), Actor.practitioner(COACH), null).status())
                .isEqualTo(403);
    }

    @Test
    void mentorsAreAssignedByASchoolLeadOfTheLearnersSchool() {
        assertThat(refusal(Form.MENTORING, coaching(COACH, LEARNER), Actor.practitioner(LEARNER), null).status())
                .isEqualTo(403);
        assertThat(refusal(Form.MENTORING, coaching(COACH, LEARNER), Actor.schoolLead(LEAD, "999999"), null).status())
                .isEqualTo(403);
        ProposalRules.check(Form.MENTORING, coaching(COACH, LEARNER), people, Actor.schoolLead(LEAD, URN),
                p -> false, null, false);
    }

    @Test
    void refusesCoachingByLineManager() {
        Problem p = refusal(Form.SPECIALIST_COACHING, coaching(MANAGER, LEARNER), Actor.practitioner(LEARNER), null);
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.slug()).isEqualTo("conflict-of-interest");
    }

    @Test
    void refusesCoCoachingWithOnesLineManager() {
        List<Party> peers = List.of(new Party(LEARNER, ParticipantRole.PEER), new Party(MANAGER, ParticipantRole.PEER));
        assertThat(refusal(Form.CO_COACHING, peers, Actor.practitioner(MANAGER), null).slug())
                .isEqualTo("conflict-of-interest");
    }

    @Test
    void schoolLeadOverrideWithReasonAllowsItButNobodyElsesDoes() {
        assertThat(refusal(Form.SPECIALIST_COACHING, coaching(MANAGER, LEARNER), Actor.practitioner(LEARNER),
                "only AfL expert in school").status()).isEqualTo(403);
        var a = ProposalRules.check(Form.SPECIALIST_COACHING, coaching(MANAGER, LEARNER), people,
                Actor.schoolLead(LEAD, URN), p -> false, "only AfL expert in school", false);
        assertThat(a.conflictOverridden()).isTrue();
    }

    @Test
    void flagsButAllowsMentoringByLineManager() {
        var a = ProposalRules.check(Form.MENTORING, coaching(MANAGER, LEARNER), people, Actor.schoolLead(LEAD, URN),
                p -> false, null, false);
        assertThat(a.lineManagerMentor()).isTrue();
    }

    @Test
    void refusesSelfCoaching() {
        Problem p = refusal(Form.SPECIALIST_COACHING, coaching(LEARNER, LEARNER), Actor.practitioner(LEARNER), null);
        assertThat(p.slug()).isEqualTo("self-support");
    }

    @Test
    void refusesUnknownAndInactiveParticipants() {
        assertThat(refusal(Form.SPECIALIST_COACHING, coaching(UUID.randomUUID(), LEARNER), Actor.practitioner(LEARNER), null)
                .slug()).isEqualTo("unknown-participant");
        put(COACH, false, URN, P1, Set.of());
        assertThat(refusal(Form.SPECIALIST_COACHING, coaching(COACH, LEARNER), Actor.practitioner(LEARNER), null)
                .slug()).isEqualTo("participant-inactive");
    }

    @Test
    void crossSchoolInsideAPartnershipIsNormal() {
        put(COACH, true, "100002", P1, Set.of());
        ProposalRules.check(Form.SPECIALIST_COACHING, coaching(COACH, LEARNER), people, Actor.practitioner(LEARNER),
                p -> false, null, false);
    }

    @Test
    void acrossPartnershipsOnlyWhenBothAllow() {
        put(COACH, true, "200001", P2, Set.of());
        assertThat(refusal(Form.SPECIALIST_COACHING, coaching(COACH, LEARNER), Actor.practitioner(LEARNER), null).slug())
                .isEqualTo("cross-partnership-not-allowed");
        assertThatThrownBy(() -> ProposalRules.check(Form.SPECIALIST_COACHING, coaching(COACH, LEARNER), people,
                Actor.practitioner(LEARNER), P1::equals, null, false)).isInstanceOf(Problem.class);
        ProposalRules.check(Form.SPECIALIST_COACHING, coaching(COACH, LEARNER), people, Actor.practitioner(LEARNER),
                p -> true, null, false);
    }

    @Test
    void shapeOfParticipantsFollowsTheForm() {
        assertThat(refusal(Form.CO_COACHING, coaching(COACH, LEARNER), Actor.practitioner(LEARNER), null).status())
                .isEqualTo(400);
        assertThat(refusal(Form.MENTORING, List.of(new Party(COACH, ParticipantRole.SUPPORTER)),
                Actor.schoolLead(LEAD, URN), null).status()).isEqualTo(400);
    }
}
