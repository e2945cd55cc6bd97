package org.cpd.relationships.service;

import java.time.LocalDate;
import java.util.List;
import org.cpd.relationships.domain.MentoringPurpose;
import org.cpd.relationships.domain.ProposalRules;
import org.cpd.relationships.domain.SpecialistInputKind;
import org.cpd.relationships.domain.SupportForm;

/** A proposal of a relationship of one form, as {@link RelationshipService#propose} takes it. */
public record Proposal(SupportForm form, MentoringPurpose purpose, String aspect,
                       SpecialistInputKind specialistInputKind, String specialistInputDescription,
                       List<ProposalRules.Party> participants, LocalDate plannedStart, LocalDate plannedEnd,
                       String conflictOverrideReason) {
}
