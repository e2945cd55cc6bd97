package org.cpd.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.Roles;
import org.junit.jupiter.api.Test;

/** Who may have a person's data exported: {@link DirectoryAccess#actsOnSubjectDataOf}, without Quarkus. */
class SubjectDataAccessTest {

    static final UUID P1 = UUID.randomUUID();
    static final UUID P2 = UUID.randomUUID();

    static DirectoryAccess caller(UUID practitioner, Set<String> roles, Set<String> schools, Set<UUID> partnerships) {
        return new DirectoryAccess(new Caller("sub", null, practitioner, roles, schools, partnerships));
    }

    @Test
    void thePersonAndAnAdminOfOneOfTheirPartnershipsMay() {
        Practitioner p = Practitioners.atSchool("100001", P1, P2);
        assertThat(caller(p.id, Set.of(Roles.PRACTITIONER), Set.of("100001"), Set.of(P1)).actsOnSubjectDataOf(p)).isTrue();
        assertThat(caller(null, Set.of(Roles.PARTNERSHIP_ADMIN), Set.of(), Set.of(P2)).actsOnSubjectDataOf(p)).isTrue();
    }

    @Test
    void schoolLeadsMisClientsColleaguesAndOtherAdminsMayNot() {
        Practitioner p = Practitioners.atSchool("100001", P1);
        assertThat(caller(UUID.randomUUID(), Set.of(Roles.SCHOOL_LEAD, Roles.PRACTITIONER), Set.of("100001"), Set.of(P1))
                .actsOnSubjectDataOf(p)).isFalse();
        assertThat(caller(null, Set.of(Roles.MIS_INTEGRATION), Set.of("100001"), Set.of(P1)).actsOnSubjectDataOf(p)).isFalse();
        assertThat(caller(UUID.randomUUID(), Set.of(Roles.PRACTITIONER), Set.of("100001"), Set.of(P1)).actsOnSubjectDataOf(p))
                .isFalse();
        assertThat(caller(null, Set.of(Roles.PARTNERSHIP_ADMIN), Set.of(), Set.of(P2)).actsOnSubjectDataOf(p)).isFalse();
    }
}
