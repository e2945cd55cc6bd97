package org.cpd.relationships.domain;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.Problems;

/** Small builders for domain tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-09-01T08:00:00Z");
    static final UUID MENTOR = UUID.fromString("30000000-0000-4000-8000-000000000002");
    static final UUID TEACHER = UUID.fromString("30000000-0000-4000-8000-000000000003");
    static final UUID LEAD = UUID.fromString("30000000-0000-4000-8000-000000000001");
    static final String URN = "100001";

    private Fixtures() {
    }

    static Caller practitioner(UUID id) {
        return new Caller("practitioner:" + id, "cpd-portal", id, Set.of(Roles.PRACTITIONER), Set.of(), Set.of());
    }

    static Caller schoolLead(UUID id, String... urns) {
        return new Caller("lead:" + id, "cpd-portal", id, Set.of(Roles.SCHOOL_LEAD), Set.of(urns), Set.of());
    }

    /** The HTTP status the API edge gives a refusal (the one mapping in commons). */
    static int status(RuleViolation refusal) {
        return Problems.of(refusal).status();
    }

    /** Specialist coaching proposed by the learner: the coach still has to accept. */
    static Relationship coaching() {
        Relationship r = Relationship.proposed(SupportForm.SPECIALIST_COACHING, practitioner(TEACHER), T0,
                T0.plusSeconds(14 * 86400));
        r.aspect = "ASSESSMENT_FOR_LEARNING";
        r.addParticipant(MENTOR, ParticipantRole.SUPPORTER, URN);
        r.addParticipant(TEACHER, ParticipantRole.LEARNER, URN);
        return r;
    }

    static LearningAgreement agreementFor(Relationship r) {
        return LearningAgreement.draft(r.id, AgreementTemplates.forForm(r.form), "test", T0);
    }
}
