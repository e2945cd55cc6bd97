package org.cpd.relationships.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;

/**
 * The checks a proposal must pass before it exists, apart from those needing a lock (capacity,
 * duplicates: see the service). Order matters only for which problem a caller sees first.
 */
public final class ProposalRules {

    /** One intended participant. */
    public record Party(UUID practitionerId, ParticipantRole role) {
    }

    /** What the rules decided beyond yes: whether it must be flagged or carries an override. */
    public record Assessment(boolean lineManagerMentor, boolean conflictOverridden) {
    }

    private ProposalRules() {
    }

    /**
     * @param people     everyone the read model knows among the parties (absent = unknown)
     * @param allowsCrossPartnership whether a partnership lets its people work across partnerships
     * @param overrideReason a school lead's reason to override a conflict of interest, or null
     * @param referral   true when a coaching relationship refers its learner for mentoring (docs/architecture.md#rule-8-referral-not-a-change-of-form)
     */
    public static Assessment check(SupportForm form, List<Party> parties, Map<UUID, Person> people, Caller proposer,
                                   Predicate<UUID> allowsCrossPartnership, String overrideReason, boolean referral) {
        requireShape(form, parties);
        requireDistinct(parties);
        List<Person> persons = new ArrayList<>();
        for (Party p : parties) {
            Person person = people.get(p.practitionerId());
            if (person == null) {
                throw RuleViolation.unprocessable("unknown-participant",
                        "Practitioner " + p.practitionerId() + " is not known to the directory")
                        .with("practitionerId", p.practitionerId());
            }
            if (person.mergedInto() != null) {
                throw RuleViolation.conflict("participant-merged", "Practitioner " + p.practitionerId()
                                + " was merged into " + person.mergedInto() + ": propose with that id")
                        .with("practitionerId", p.practitionerId()).with("mergedInto", person.mergedInto());
            }
            if (!person.active()) {
                throw RuleViolation.conflict("participant-inactive",
                        "Practitioner " + p.practitionerId() + " is not an active practitioner")
                        .with("practitionerId", p.practitionerId());
            }
            persons.add(person);
        }
        requireMayPropose(form, parties, people, proposer, referral);
        requireSamePartnershipOrBothAllow(persons, allowsCrossPartnership);
        return bufferZone(form, parties, people, proposer, overrideReason);
    }

    static void requireShape(SupportForm form, List<Party> parties) {
        long supporters = parties.stream().filter(p -> p.role() == ParticipantRole.SUPPORTER).count();
        long learners = parties.stream().filter(p -> p.role() == ParticipantRole.LEARNER).count();
        long peers = parties.stream().filter(p -> p.role() == ParticipantRole.PEER).count();
        boolean ok = form == SupportForm.CO_COACHING
                ? peers >= 2 && supporters == 0 && learners == 0
                : supporters == 1 && learners == 1 && peers == 0;
        if (!ok) {
            throw RuleViolation.invalidField("participants", form == SupportForm.CO_COACHING
                    ? "co-coaching needs two or more PEER participants and no other roles"
                    : "needs exactly one SUPPORTER and one LEARNER");
        }
    }

    static void requireDistinct(List<Party> parties) {
        Set<UUID> seen = new HashSet<>();
        for (Party p : parties) {
            if (!seen.add(p.practitionerId())) {
                throw RuleViolation.unprocessable("self-support",
                        "A practitioner cannot support themselves or hold two places in one relationship")
                        .with("practitionerId", p.practitionerId());
            }
        }
    }

    /**
     * The framework decides who chooses: mentors are assigned by a school lead of the learner's
     * school (or reached by a referral from coaching); a learner chooses their specialist coach
     * (a school lead may also offer one); co-coaching peers select each other.
     */
    static void requireMayPropose(SupportForm form, List<Party> parties, Map<UUID, Person> people, Caller proposer,
                                  boolean referral) {
        UUID learner = parties.stream().filter(p -> p.role() == ParticipantRole.LEARNER)
                .map(Party::practitionerId).findFirst().orElse(null);
        boolean leadOfLearner = learner != null && proposer.leadsSchool(people.get(learner).schoolUrn());
        boolean allowed = switch (form) {
            case MENTORING -> leadOfLearner || referral;
            case SPECIALIST_COACHING -> leadOfLearner || proposer.isSelf(learner);
            case CO_COACHING -> parties.stream().anyMatch(p -> proposer.isSelf(p.practitionerId()));
        };
        if (!allowed) {
            throw RuleViolation.forbidden(switch (form) {
                case MENTORING -> "Mentors are assigned by a school lead of the learner's school";
                case SPECIALIST_COACHING -> "A specialist coach is chosen by the learner (or offered by their school lead)";
                case CO_COACHING -> "Co-coaching is proposed by one of the peers";
            });
        }
    }

    /** Cross-school work inside a partnership is normal; across partnerships only when every one involved allows it. */
    static void requireSamePartnershipOrBothAllow(List<Person> persons, Predicate<UUID> allowsCrossPartnership) {
        Set<UUID> shared = new HashSet<>(persons.get(0).partnershipIds());
        persons.forEach(p -> shared.retainAll(p.partnershipIds()));
        if (!shared.isEmpty()) {
            return;
        }
        Set<UUID> involved = new LinkedHashSet<>();
        persons.forEach(p -> involved.addAll(p.partnershipIds()));
        List<UUID> refusing = involved.stream().filter(allowsCrossPartnership.negate()).toList();
        if (involved.isEmpty() || !refusing.isEmpty()) {
            throw RuleViolation.conflict("cross-partnership-not-allowed",
                            "The participants belong to different partnerships and not every partnership allows working across them")
                    .with("refusingPartnerships", refusing);
        }
    }

    /** docs/architecture.md#rule-2-buffer-zones: between learners and those who manage or appraise them. */
    static Assessment bufferZone(SupportForm form, List<Party> parties, Map<UUID, Person> people, Caller proposer,
                                 String overrideReason) {
        List<UUID[]> conflicts = new ArrayList<>();
        for (Party a : parties) {
            for (Party b : parties) {
                if (a != b && people.get(a.practitionerId()).isManagedBy(b.practitionerId())
                        && (form == SupportForm.CO_COACHING || a.role() == ParticipantRole.LEARNER)) {
                    conflicts.add(new UUID[] {a.practitionerId(), b.practitionerId()});
                }
            }
        }
        if (conflicts.isEmpty()) {
            return new Assessment(false, false);
        }
        if (!form.forbidsLineManager()) {
            return new Assessment(true, false);
        }
        if (overrideReason == null || overrideReason.isBlank()) {
            throw RuleViolation.conflict("conflict-of-interest",
                            "A learner's line manager or appraiser may not be their specialist coach or co-coach;"
                            + " a school lead of the learner's school may record an override with a reason")
                    .with("conflicts", conflicts.stream()
                            .map(c -> Map.of("learnerId", c[0], "managerId", c[1])).toList());
        }
        boolean leadOfEveryLearner = conflicts.stream()
                .allMatch(c -> proposer.leadsSchool(people.get(c[0]).schoolUrn()));
        if (!leadOfEveryLearner) {
            throw RuleViolation.forbidden("Only a school lead of the learner's school may override a conflict of interest");
        }
        return new Assessment(false, true);
    }
}
