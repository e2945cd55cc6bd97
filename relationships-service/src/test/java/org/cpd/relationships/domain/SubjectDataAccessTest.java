package org.cpd.relationships.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.security.Caller;
import org.junit.jupiter.api.Test;

class SubjectDataAccessTest {

    static final UUID PERSON = UUID.randomUUID();
    static final UUID PARTNERSHIP = UUID.randomUUID();
    static final Optional<Person> KNOWN = Optional.of(new Person(PERSON, true, "100001", Set.of(PARTNERSHIP), Set.of(), Set.of()));

    static Caller caller(UUID practitioner, Set<UUID> partnerships, String... roles) {
        return new Caller("sub", "cpd-portal", practitioner, Set.of(roles), Set.of("100001"), partnerships);
    }

    @Test
    void thePersonExportsTheirOwnDataWithTheirNotesEvenWhenTheReadModelDoesNotKnowThem() {
        Caller self = caller(PERSON, Set.of(), "practitioner");
        assertThat(SubjectDataAccess.mayExport(self, PERSON, Optional.empty())).isTrue();
        assertThat(SubjectDataAccess.includesConfidentialNotes(self, PERSON)).isTrue();
    }

    @Test
    void anAdminOfOneOfThePersonsPartnershipsExportsWithoutNotes() {
        Caller admin = caller(null, Set.of(PARTNERSHIP), "partnership-admin");
        assertThat(SubjectDataAccess.mayExport(admin, PERSON, KNOWN)).isTrue();
        assertThat(SubjectDataAccess.includesConfidentialNotes(admin, PERSON)).isFalse();
        assertThat(SubjectDataAccess.mayExport(admin, PERSON, Optional.empty())).isFalse();
    }

    @Test
    void noOneElseExports() {
        assertThat(SubjectDataAccess.mayExport(caller(null, Set.of(UUID.randomUUID()), "partnership-admin"), PERSON, KNOWN)).isFalse();
        assertThat(SubjectDataAccess.mayExport(caller(UUID.randomUUID(), Set.of(PARTNERSHIP), "school-lead", "practitioner"),
                PERSON, KNOWN)).isFalse();
        assertThat(SubjectDataAccess.mayExport(caller(null, Set.of(PARTNERSHIP), "mis-integration"), PERSON, KNOWN)).isFalse();
    }
}
