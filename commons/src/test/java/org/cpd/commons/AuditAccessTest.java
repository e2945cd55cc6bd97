package org.cpd.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.cpd.commons.audit.AuditAccess;
import org.cpd.commons.web.audit.AuditCatalogue;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.audit.AuditFilters;
import org.junit.jupiter.api.Test;

/** Who reads which audit entries, without Quarkus; and the documented filter values are the catalogue's. */
class AuditAccessTest {

    static final UUID PARTNERSHIP = UUID.randomUUID();
    static final UUID PERSON = UUID.randomUUID();

    static Caller caller(UUID practitioner, String... roles) {
        return new Caller("sub", "cpd-portal", practitioner, Set.of(roles), Set.of("100001"), Set.of(PARTNERSHIP));
    }

    @Test
    void aPartnershipAdminReadsTheirPartnerships() {
        assertThat(AuditAccess.scope(caller(null, Roles.PARTNERSHIP_ADMIN), false))
                .isEqualTo(new AuditAccess.OfPartnerships(Set.of(PARTNERSHIP)));
    }

    @Test
    void anyoneWithAPractitionerIdReadsTheEntriesAboutThemselves() {
        assertThat(AuditAccess.scope(caller(PERSON, Roles.PRACTITIONER), true)).isEqualTo(new AuditAccess.AboutPerson(PERSON));
        assertThat(AuditAccess.scope(caller(PERSON, Roles.PARTNERSHIP_ADMIN, Roles.PRACTITIONER), true))
                .isEqualTo(new AuditAccess.AboutPerson(PERSON));
    }

    @Test
    void everyoneElseReadsNothing() {
        assertThat(AuditAccess.scope(caller(PERSON, Roles.PRACTITIONER), false)).isInstanceOf(AuditAccess.Nothing.class);
        assertThat(AuditAccess.scope(caller(PERSON, Roles.SCHOOL_LEAD, Roles.PRACTITIONER), false))
                .isInstanceOf(AuditAccess.Nothing.class);
        assertThat(AuditAccess.scope(caller(null, Roles.MIS_INTEGRATION), true)).isInstanceOf(AuditAccess.Nothing.class);
        assertThat(AuditAccess.scope(new Caller("sub", "c", null, Set.of(Roles.PARTNERSHIP_ADMIN), Set.of(), Set.of()), false))
                .isInstanceOf(AuditAccess.Nothing.class);
    }

    @Test
    void theDocumentedFilterValuesAreTheCatalogue() throws Exception {
        assertThat(enumeration("resourceType")).containsExactlyInAnyOrderElementsOf(AuditCatalogue.RESOURCE_TYPES);
        assertThat(enumeration("action")).containsExactlyInAnyOrderElementsOf(AuditCatalogue.ACTIONS);
    }

    private static String[] enumeration(String field) throws NoSuchFieldException {
        return AuditFilters.class.getDeclaredField(field)
                .getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.Parameter.class).schema().enumeration();
    }
}
