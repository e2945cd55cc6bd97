package org.cpd.commons.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.RequestIds;

/** Records access to protected data in the caller's transaction, so the record and the change share a fate. */
@ApplicationScoped
public class AuditLog {

    @Inject
    CurrentUser user;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String resourceType, Object resourceId, String details) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = TrackedEntity.now();
        entry.actor = user.subject();
        entry.action = action;
        entry.resourceType = resourceType;
        entry.resourceId = String.valueOf(resourceId);
        entry.details = details;
        entry.requestId = RequestIds.current();
        entry.persist();
    }
}
