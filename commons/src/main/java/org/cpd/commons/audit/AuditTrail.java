package org.cpd.commons.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.persistence.Criteria;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.audit.AuditFilters;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.commons.web.paging.SequenceCursor;

/**
 * Reads the service's audit entries the caller may see, oldest first in (time, sequence) order:
 * the one query behind every service's {@code GET /api/v1/audit}. Reading the audit is not itself
 * audited: it reveals who accessed data, not the data (docs/adr/0040-audit-api.md).
 */
@ApplicationScoped
public class AuditTrail {

    @Inject
    CurrentUser user;

    @Inject
    EntityManager em;

    @Inject
    ReadAudit reads;

    /** Reads written behind are flushed first, so every read that has answered is in the page. */
    public Page<AuditEntry> read(PageRequest page, AuditFilters.Checked f) {
        reads.flush();
        return query(page, f);
    }

    @Transactional
    Page<AuditEntry> query(PageRequest page, AuditFilters.Checked f) {
        int limit = page.limit();
        SequenceCursor after = page.afterSequence();
        Instant since = page.updatedSince();
        AuditAccess.Scope scope = AuditAccess.scope(user.caller(), f.ownView());
        Criteria c = Criteria.where();
        if (scope instanceof AuditAccess.Nothing) {
            return new Page<>(List.of(), null);
        } else if (scope instanceof AuditAccess.AboutPerson person) {
            c.and("subjectPersonId = :me").param("me", person.practitionerId());
        } else if (scope instanceof AuditAccess.OfPartnerships mine) {
            c.and("array_intersects(partnershipIds, :mine)").param("mine", mine.partnershipIds().toArray(UUID[]::new));
        }
        c.and("(actor = :actor or str(actorPractitionerId) = :actor)", "actor", f.actor())
                .and("subjectPersonId = :subject", "subject", f.subjectPerson())
                .and("resourceType = :resourceType", "resourceType", f.resourceType())
                .and("action = :action", "action", f.action())
                .and("occurredAt >= :from", "from", f.from())
                .and("occurredAt < :to", "to", f.to())
                .and("occurredAt >= :since", "since", since);
        if (after != null) {
            c.and("(occurredAt > :afterTime or (occurredAt = :afterTime and id > :afterSequence))")
                    .param("afterTime", after.time())
                    .param("afterSequence", after.sequence());
        }
        TypedQuery<AuditEntry> query = em.createQuery(
                "from AuditEntry where " + c.jpql() + " order by occurredAt, id", AuditEntry.class);
        c.parameters().forEach(query::setParameter);
        List<AuditEntry> rows = query.setMaxResults(limit + 1).getResultList(); // one more tells a next page exists
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<AuditEntry> items = List.copyOf(rows.subList(0, limit));
        AuditEntry last = items.get(limit - 1);
        return new Page<>(items, new SequenceCursor(last.occurredAt, last.id).encode());
    }
}
