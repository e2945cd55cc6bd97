package org.cpd.relationships.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;
import org.cpd.relationships.domain.PartnershipSettingAccess;
import org.cpd.relationships.events.RelationshipPublisher;
import org.cpd.relationships.repository.PartnershipSettingRepository;

/** Whether a partnership lets its practitioners work in relationships across partnerships (default: no). */
@ApplicationScoped
public class PartnershipSettingService {

    @Inject
    PartnershipSettingRepository settings;

    @Inject
    AuditLog audit;

    @Inject
    RelationshipPublisher events;

    public boolean allowsCrossPartnership(UUID partnershipId) {
        return settings.allowsCrossPartnership(partnershipId);
    }

    @Transactional
    public boolean setCrossPartnership(UUID partnershipId, Boolean allowed, Caller caller) {
        if (!PartnershipSettingAccess.mayChange(caller, partnershipId)) {
            throw RuleViolation.forbidden("Only an admin of this partnership may change its setting");
        }
        if (allowed == null) {
            throw RuleViolation.invalidField("allowsCrossPartnership", "must not be null");
        }
        if (settings.allowsCrossPartnership(partnershipId) == allowed) {
            return allowed; // nothing changes: nothing to record or publish
        }
        settings.setCrossPartnership(partnershipId, allowed);
        audit.entry("update", "partnership-setting", partnershipId).in(partnershipId)
                .details("allowsCrossPartnership=" + allowed).record();
        events.partnershipSettingChanged(partnershipId, allowed);
        return allowed;
    }
}
