package org.cpd.directory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.Roles;
import org.junit.jupiter.api.Test;

/** The directory's access policy, without Quarkus. */
class DirectoryAccessTest {

    static final UUID A = UUID.randomUUID();
    static final UUID B = UUID.randomUUID();
    static final UUID C = UUID.randomUUID();

    static DirectoryAccess caller(UUID practitioner, Set<String> roles, Set<String> schools, Set<UUID> partnerships) {
        return new DirectoryAccess(new Caller("sub", null, practitioner, roles, schools, partnerships));
    }

    static DirectoryAccess adminOf(UUID... partnerships) {
        return caller(null, Set.of(Roles.PARTNERSHIP_ADMIN), Set.of(), Set.of(partnerships));
    }

    @Test
    void changingMembershipsNeedsAdminRightsInEveryPartnershipAddedOrRemoved() {
        assertThatThrownBy(() -> adminOf(A).requireMayChangeMemberships(Set.of(A), Set.of(A, B)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN));
        assertThatThrownBy(() -> adminOf(A).requireMayChangeMemberships(Set.of(A, B), Set.of(A)))
                .isInstanceOf(RuleViolation.class);
        assertThatCode(() -> adminOf(A, B).requireMayChangeMemberships(Set.of(A, B), Set.of(A))).doesNotThrowAnyException();
        assertThatCode(() -> adminOf(A, C).requireMayChangeMemberships(Set.of(A), Set.of(C))).doesNotThrowAnyException();
    }

    @Test
    void partnershipsUntouchedByTheChangeNeedNoRights() {
        assertThatCode(() -> adminOf(A).requireMayChangeMemberships(Set.of(A, B), Set.of(A, B))).doesNotThrowAnyException();
        assertThatCode(() -> adminOf(A, C).requireMayChangeMemberships(Set.of(A, B), Set.of(A, B, C))).doesNotThrowAnyException();
    }

    @Test
    void anAdminOfNoneOfItsPartnershipsChangesNothing() {
        assertThatThrownBy(() -> adminOf(B).requireMayChangeMemberships(Set.of(A), Set.of(A)))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void registeringInPartnershipsNeedsAdminRightsInAllOfThem() {
        assertThat(adminOf(A, B).administersAll(Set.of(A, B))).isTrue();
        assertThat(adminOf(A).administersAll(Set.of(A, B))).isFalse();
        assertThat(caller(null, Set.of(Roles.SCHOOL_LEAD), Set.of(), Set.of(A)).administersAll(Set.of(A))).isFalse();
    }

    @Test
    void colleaguesSeeThePublicProfileOnlyAndManagersThePrivateFields() {
        Practitioner p = Practitioners.atSchool("100001", A);
        DirectoryAccess colleague = caller(UUID.randomUUID(), Set.of(Roles.PRACTITIONER), Set.of(), Set.of(A));
        DirectoryAccess lead = caller(UUID.randomUUID(), Set.of(Roles.SCHOOL_LEAD), Set.of("100001"), Set.of());
        DirectoryAccess stranger = caller(UUID.randomUUID(), Set.of(Roles.PRACTITIONER), Set.of("100002"), Set.of(B));
        DirectoryAccess self = caller(p.id, Set.of(Roles.PRACTITIONER), Set.of(), Set.of());

        assertThat(colleague.seesPublicProfile(p)).isTrue();
        assertThat(colleague.seesPrivateFields(p)).isFalse();
        assertThat(lead.seesPrivateFields(p)).isTrue();
        assertThat(adminOf(A).seesPrivateFields(p)).isTrue();
        assertThat(self.seesPrivateFields(p)).isTrue();
        assertThat(stranger.seesPublicProfile(p)).isFalse();
        assertThat(adminOf(B).seesPublicProfile(p)).isFalse();
    }

    @Test
    void aPractitionerChangesTheirProfileButNotTheirIdentity() {
        Practitioner p = Practitioners.atSchool("100001", A);
        DirectoryAccess self = caller(p.id, Set.of(Roles.PRACTITIONER), Set.of(), Set.of());
        assertThatCode(() -> self.requireMayUpdate(p, false, p.school, p.partnerships())).doesNotThrowAnyException();
        assertThatThrownBy(() -> self.requireMayUpdate(p, true, p.school, p.partnerships())).isInstanceOf(RuleViolation.class);
    }

    @Test
    void managersMoveARecordOnlyToPlacesTheyManage() {
        Practitioner p = Practitioners.atSchool("100001", A);
        School elsewhere = new School();
        elsewhere.urn = "100002";
        assertThatThrownBy(() -> adminOf(A).requireMayUpdate(p, true, elsewhere, Set.of(B))).isInstanceOf(RuleViolation.class);
        assertThatCode(() -> adminOf(A, B).requireMayUpdate(p, true, elsewhere, Set.of(B))).doesNotThrowAnyException();
    }

    @Test
    void listsAreScopedToTheCallersPartnershipsOrSchools() {
        assertThat(adminOf(A).listingScope()).isEqualTo(new DirectoryAccess.ListingScope.Partnerships(Set.of(A)));
        assertThat(caller(null, Set.of(Roles.MIS_INTEGRATION), Set.of("100001"), Set.of()).listingScope())
                .isEqualTo(new DirectoryAccess.ListingScope.Schools(Set.of("100001")));
        assertThatThrownBy(() -> caller(UUID.randomUUID(), Set.of(Roles.PRACTITIONER), Set.of("100001"), Set.of(A)).listingScope())
                .isInstanceOf(RuleViolation.class);
    }
}
