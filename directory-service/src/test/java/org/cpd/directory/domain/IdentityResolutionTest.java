package org.cpd.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.Roles;
import org.cpd.directory.domain.IdentityResolution.Outcome;
import org.junit.jupiter.api.Test;

/** docs/adr/0014-tenant-safe-identity-matching.md, without Quarkus. */
class IdentityResolutionTest {

    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();

    static final DirectoryAccess MIS_OF_B_SCHOOL = new DirectoryAccess(
            new Caller("mis", "mis", null, Set.of(Roles.MIS_INTEGRATION), Set.of("200001"), Set.of()));

    @Test
    void anOrganisationBasedPersonIsNeverMatchedByASchoolsClient() {
        assertThat(IdentityResolution.resolve(MIS_OF_B_SCHOOL, null, Practitioners.atOrganisation(A)))
                .isEqualTo(new Outcome.Refused("email", IdentityResolution.OUTSIDE_SCOPE));
        assertThat(IdentityResolution.resolve(MIS_OF_B_SCHOOL, Practitioners.atOrganisation(B), null))
                .isEqualTo(new Outcome.Refused("trn", IdentityResolution.OUTSIDE_SCOPE));
    }

    @Test
    void aHolderOutsideScopeRefusesEvenWhenTheOtherIdentifierMatchesInScope() {
        Practitioner own = Practitioners.atSchool("200001", B);
        assertThat(IdentityResolution.resolve(MIS_OF_B_SCHOOL, Practitioners.atSchool("100001", A), own))
                .isEqualTo(new Outcome.Refused("trn", IdentityResolution.OUTSIDE_SCOPE));
        assertThat(IdentityResolution.resolve(MIS_OF_B_SCHOOL, own, Practitioners.atSchool("100001", A)))
                .isEqualTo(new Outcome.Refused("email", IdentityResolution.OUTSIDE_SCOPE));
    }

    @Test
    void inScopeTheTrnMatchesFirstThenTheEmail() {
        Practitioner own = Practitioners.atSchool("200001", B);
        assertThat(IdentityResolution.resolve(MIS_OF_B_SCHOOL, own, own)).isEqualTo(new Outcome.Match(own));
        assertThat(IdentityResolution.resolve(MIS_OF_B_SCHOOL, null, own)).isEqualTo(new Outcome.Match(own));
        assertThat(IdentityResolution.resolve(MIS_OF_B_SCHOOL, own, null)).isEqualTo(new Outcome.Match(own));
        assertThat(IdentityResolution.resolve(MIS_OF_B_SCHOOL, null, null)).isEqualTo(new Outcome.NewPerson());
        assertThat(IdentityResolution.resolve(MIS_OF_B_SCHOOL, own, Practitioners.atSchool("200001", B)))
                .isInstanceOf(Outcome.Refused.class);
    }

    @Test
    void anAdminMatchesAcrossTheSchoolsAndOrganisationsOfTheirPartnershipsOnly() {
        DirectoryAccess adminOfA = new DirectoryAccess(
                new Caller("admin", null, null, Set.of(Roles.PARTNERSHIP_ADMIN), Set.of(), Set.of(A)));
        assertThat(IdentityResolution.outsideScope(adminOfA, Practitioners.atOrganisation(A))).isFalse();
        assertThat(IdentityResolution.outsideScope(adminOfA, Practitioners.atSchool("100001", A))).isFalse();
        assertThat(IdentityResolution.outsideScope(adminOfA, Practitioners.atOrganisation(B))).isTrue();
        assertThat(IdentityResolution.outsideScope(adminOfA, null)).isFalse();
    }
}
