package org.cpd.relationships.service;

import java.util.List;
import java.util.UUID;
import org.cpd.relationships.domain.AgreementVersion;
import org.cpd.relationships.domain.LearningAgreement;

/** One version of a relationship's agreement, with the participants who are to sign it. */
public record AgreementState(LearningAgreement agreement, AgreementVersion version, List<UUID> participantIds) {
}
