package org.cpd.relationships.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpd.relationships.domain.Fixtures.practitioner;
import static org.cpd.relationships.domain.Fixtures.schoolLead;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.Roles;
import org.junit.jupiter.api.Test;

class ParticipantAccessTest {

    static final UUID PARTNERSHIP = UUID.randomUUID();
    static final UUID OTHER_PARTNERSHIP = UUID.randomUUID();
    static final Person COACH = person(UUID.randomUUID(), true, "100001", PARTNERSHIP);

    static Person person(UUID id, boolean active, String urn, UUID partnership) {
        return new Person(id, active, urn, Set.of(partnership), Set.of(), Set.of());
    }

    static Caller admin(UUID partnership) {
        return new Caller("admin", "cpd-portal", null, Set.of(Roles.PARTNERSHIP_ADMIN), Set.of(), Set.of(partnership));
    }

    @Test
    void thePersonTheirSchoolLeadsAndTheirPartnershipsAdminsSeeThem() {
        assertThat(ParticipantAccess.canSee(practitioner(COACH.id()), COACH, Optional.empty())).isTrue();
        assertThat(ParticipantAccess.canSee(schoolLead(UUID.randomUUID(), "100001"), COACH, Optional.empty())).isTrue();
        assertThat(ParticipantAccess.canSee(admin(PARTNERSHIP), COACH, Optional.empty())).isTrue();
    }

    @Test
    void aColleagueOfASharedPartnershipSeesThemAnOutsiderDoesNot() {
        UUID learner = UUID.randomUUID();
        assertThat(ParticipantAccess.canSee(practitioner(learner), COACH,
                Optional.of(person(learner, true, "100002", PARTNERSHIP)))).isTrue();
        assertThat(ParticipantAccess.canSee(practitioner(learner), COACH,
                Optional.of(person(learner, true, "200001", OTHER_PARTNERSHIP)))).isFalse();
        assertThat(ParticipantAccess.canSee(practitioner(learner), COACH, Optional.empty())).isFalse();
    }

    @Test
    void neitherAnotherPartnershipsAdminNorALeaversOldRecordNorAnotherSchoolsLeadSeeThem() {
        UUID leaver = UUID.randomUUID();
        assertThat(ParticipantAccess.canSee(admin(OTHER_PARTNERSHIP), COACH, Optional.empty())).isFalse();
        assertThat(ParticipantAccess.canSee(practitioner(leaver), COACH,
                Optional.of(person(leaver, false, "100001", PARTNERSHIP)))).isFalse();
        assertThat(ParticipantAccess.canSee(schoolLead(UUID.randomUUID(), "999999"), COACH, Optional.empty())).isFalse();
    }

    @Test
    void onlyThoseWhoMayProposeCountAsColleagues() {
        Caller mis = new Caller("mis", "mis-200001", UUID.randomUUID(), Set.of(Roles.MIS_INTEGRATION), Set.of("200001"),
                Set.of(PARTNERSHIP));
        assertThat(ParticipantAccess.canSee(mis, COACH, Optional.empty())).isFalse();
    }
}
