package org.cpd.goals.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.privacy.SubjectRef;
import org.cpd.goals.domain.Attachment;
import org.cpd.goals.domain.Evidence;
import org.cpd.goals.domain.Goal;
import org.cpd.goals.domain.GoalReview;
import org.cpd.goals.domain.SubjectExportAccess;
import org.cpd.goals.repository.SubjectQueries;

/**
 * Subject access: a person's goals, evidence (private included), reviews and attachments' metadata, for the person
 * or an admin of a partnership their goals or evidence were recorded in (each item keeps its owner's partnerships
 * from the owner's token). Anyone else, and an admin when the person has recorded nothing in their partnerships,
 * gets 404 (docs/adr/0042-subject-access-export.md).
 */
@ApplicationScoped
public class SubjectAccessService {

    public record SubjectData(UUID practitionerId, List<Goal> goals, List<Evidence> evidence, List<GoalReview> reviews,
                              List<Attachment> attachments) {
    }

    @Inject
    CurrentUser user;

    @Inject
    SubjectQueries queries;

    @Inject
    AuditLog audit;

    @Transactional
    public SubjectData export(SubjectRef subject) {
        Caller caller = user.caller();
        UUID id = subject.person(caller.practitionerId());
        boolean self = caller.isSelf(id);
        if (!self && !SubjectExportAccess.mayExport(caller, id, queries.partnershipsRecordedFor(id))) {
            throw RuleViolation.notFound("practitioner", id);
        }
        audit.subjectExport(id, caller).about(id, null).inCallersPartnerships().record();
        return new SubjectData(id, queries.goalsOwnedBy(id), queries.evidenceOwnedBy(id), queries.reviewsOfOrBy(id),
                queries.attachmentsOfEvidenceOwnedBy(id));
    }
}
