package org.cpd.commons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.insight.InsightAccess;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.Roles;
import org.junit.jupiter.api.Test;

class InsightAccessTest {

    static final UUID PARTNERSHIP = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    static final UUID OTHER = UUID.fromString("00000000-0000-4000-8000-00000000a002");

    static Caller caller(String role, Set<String> schools, Set<UUID> partnerships) {
        return new Caller("sub", "portal", null, Set.of(role), schools, partnerships);
    }

    @Test
    void aPartnershipViewIsForItsAdminsOnly() {
        assertTrue(InsightAccess.seesPartnership(caller(Roles.PARTNERSHIP_ADMIN, Set.of(), Set.of(PARTNERSHIP)), PARTNERSHIP));
        assertFalse(InsightAccess.seesPartnership(caller(Roles.PARTNERSHIP_ADMIN, Set.of(), Set.of(OTHER)), PARTNERSHIP));
        assertFalse(InsightAccess.seesPartnership(caller(Roles.SCHOOL_LEAD, Set.of("100001"), Set.of(PARTNERSHIP)), PARTNERSHIP));
        assertFalse(InsightAccess.seesPartnership(caller(Roles.PRACTITIONER, Set.of(), Set.of(PARTNERSHIP)), PARTNERSHIP));
    }

    @Test
    void aSchoolViewIsForItsLeadsAndTheAdminsOfAPartnershipItsRecordsBelongTo() {
        assertTrue(InsightAccess.seesSchool(caller(Roles.SCHOOL_LEAD, Set.of("100001"), Set.of()), "100001", List.of()));
        assertFalse(InsightAccess.seesSchool(caller(Roles.SCHOOL_LEAD, Set.of("100002"), Set.of()), "100001", List.of()));
        assertTrue(InsightAccess.seesSchool(caller(Roles.PARTNERSHIP_ADMIN, Set.of(), Set.of(PARTNERSHIP)), "100001",
                List.of(OTHER, PARTNERSHIP)));
        assertFalse(InsightAccess.seesSchool(caller(Roles.PARTNERSHIP_ADMIN, Set.of(), Set.of(PARTNERSHIP)), "100001",
                List.of(OTHER)));
        assertFalse(InsightAccess.seesSchool(caller(Roles.MIS_INTEGRATION, Set.of("100001"), Set.of(PARTNERSHIP)), "100001",
                List.of(PARTNERSHIP)), "MIS clients read no insight");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        InsightAccess.checkRange(LocalDate.parse("2026-09-01"), LocalDate.parse("2026-09-01"));
        InsightAccess.checkRange(null, LocalDate.parse("2026-09-01"));
        RuleViolation refused = assertThrows(RuleViolation.class,
                () -> InsightAccess.checkRange(LocalDate.parse("2026-09-02"), LocalDate.parse("2026-09-01")));
        assertEquals("invalid-date-range", refused.slug());
    }
}
