package org.cpd.commons.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.RequestIds;
import org.cpd.commons.web.audit.AuditCatalogue;

/**
 * Records access to protected data. A change's entry is written in the caller's transaction, so the record
 * and the change share a fate; a read's entry ({@code "read"}) is taken as the request saw it and written off
 * the request's path by {@link ReadAudit} (batched, flushed before the audit API reads and on shutdown).
 * {@code audit.entry("read", "practitioner", id).about(person, partnerships).record()}: say whose data it is
 * and which partnerships it belongs to, so the person and their partnership's admins can read it.
 */
@ApplicationScoped
public class AuditLog {

    static final String READ = "read";

    @Inject
    CurrentUser user;

    @Inject
    ReadAudit reads;

    /** An entry about no one in particular (a staff import, a partnership setting of the given partnerships). */
    public void record(String action, String resourceType, Object resourceId, String details) {
        entry(action, resourceType, resourceId).details(details).record();
    }

    public Entry entry(String action, String resourceType, Object resourceId) {
        return new Entry(AuditCatalogue.requireAction(action), AuditCatalogue.requireResourceType(resourceType),
                String.valueOf(resourceId));
    }

    /**
     * The entry of a subject access export of {@code person}'s data (docs/data-protection.md), the same in every
     * service: asked for by the person themselves or by an admin of one of their partnerships. The service says whose
     * partnerships the entry belongs to ({@link Entry#about}) and records it.
     */
    public Entry subjectExport(UUID person, Caller caller) {
        return entry("export", "practitioner", person).because("subject access request")
                .details(caller.isSelf(person) ? "subject access by the person" : "subject access by a partnership admin");
    }

    /** A read's entry: queued for the background writer, with what only the request knows taken now. */
    void queue(Entry e) {
        String actor = user.subject();
        UUID practitioner = null;
        String client = null;
        if (user.isAuthenticated()) {
            Caller caller = user.caller();
            practitioner = caller.practitionerId();
            client = caller.clientId();
        }
        reads.record(new ReadAudit.Row(TrackedEntity.now(), actor, practitioner, client, e.action, e.resourceType,
                e.resourceId, e.subjectPerson, e.partnerships.toArray(UUID[]::new), e.reason, e.details,
                RequestIds.current()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void write(Entry e) {
        AuditEntry entry = new AuditEntry();
        entry.occurredAt = TrackedEntity.now();
        entry.actor = e.actor != null ? e.actor : user.subject();
        if (user.isAuthenticated()) {
            Caller caller = user.caller();
            entry.actorPractitionerId = caller.practitionerId();
            entry.clientId = caller.clientId();
        }
        entry.action = e.action;
        entry.resourceType = e.resourceType;
        entry.resourceId = e.resourceId;
        entry.subjectPersonId = e.subjectPerson;
        entry.partnershipIds = e.partnerships.toArray(UUID[]::new);
        entry.reason = e.reason;
        entry.details = e.details;
        entry.requestId = RequestIds.current();
        entry.persist();
    }

    /** One entry being described; nothing is written until {@link #record()}. */
    public final class Entry {
        private final String action;
        private final String resourceType;
        private final String resourceId;
        private final Set<UUID> partnerships = new LinkedHashSet<>();
        private UUID subjectPerson;
        private String actor;
        private String reason;
        private String details;

        private Entry(String action, String resourceType, String resourceId) {
            this.action = action;
            this.resourceType = resourceType;
            this.resourceId = resourceId;
        }

        /** Whose data it is, and the partnerships of that person. */
        public Entry about(UUID person, Collection<UUID> partnershipsOfPerson) {
            this.subjectPerson = person;
            return in(partnershipsOfPerson);
        }

        /** Partnerships whose admins may read the entry (added to those already given). */
        public Entry in(Collection<UUID> partnershipIds) {
            if (partnershipIds != null) {
                partnershipIds.stream().filter(java.util.Objects::nonNull).forEach(partnerships::add);
            }
            return this;
        }

        public Entry in(UUID partnershipId) {
            return in(partnershipId == null ? Set.of() : Set.of(partnershipId));
        }

        /**
         * The acting caller's partnerships (their token's), for a service that keeps no record of whose
         * partnership a person is in (goals-service): the entry then belongs to the partnership the access came from.
         */
        public Entry inCallersPartnerships() {
            return user.isAuthenticated() ? in(user.caller().partnershipIds()) : this;
        }

        /**
         * A change no person asked for (a scheduled job such as the retention sweep): the entry names the job, e.g.
         * {@code system:retention}, instead of the anonymous caller a job runs as. Changes only.
         */
        public Entry by(String systemActor) {
            if (READ.equals(action) || systemActor == null || !systemActor.startsWith("system:")) {
                throw new IllegalArgumentException("A system actor is named system:<job> and records changes only");
            }
            this.actor = systemActor;
            return this;
        }

        public Entry because(String why) {
            this.reason = why;
            return this;
        }

        public Entry details(String text) {
            this.details = text;
            return this;
        }

        /** Writes a change's entry in the caller's transaction; queues a read's (see {@link ReadAudit}). */
        public void record() {
            if (READ.equals(action)) {
                queue(this);
            } else {
                write(this);
            }
        }
    }
}
