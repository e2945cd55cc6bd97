package org.cpd.directory.domain;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;

/**
 * Who may register, read and change webhook subscriptions (docs/adr/0018-webhooks.md): an admin of the partnership
 * for a partnership-scoped one; a lead of the school, or an MIS client bound to the school, for a school-scoped one.
 * Anyone else is told the subscription (or the scope) does not exist. Pure: no database.
 */
public record WebhookAccess(Caller caller) {

    public WebhookAccess {
        Objects.requireNonNull(caller, "caller");
    }

    /** Whether the caller manages the subscriptions of this scope (exactly one of the two is given). */
    public boolean managesScope(UUID partnershipId, String schoolUrn) {
        if (partnershipId != null) {
            return caller.administers(partnershipId);
        }
        return caller.leadsSchool(schoolUrn);
    }

    public boolean manages(WebhookSubscription subscription) {
        return subscription != null && managesScope(subscription.partnershipId, subscription.schoolUrn);
    }

    /** A scope the caller does not manage is answered as if it did not exist. */
    public void requireManagesScope(UUID partnershipId, String schoolUrn) {
        if (!managesScope(partnershipId, schoolUrn)) {
            throw partnershipId != null ? RuleViolation.notFound("partnership", partnershipId)
                    : RuleViolation.notFound("school", schoolUrn);
        }
    }

    public void requireManages(WebhookSubscription subscription, UUID id) {
        if (!manages(subscription)) {
            throw RuleViolation.notFound("webhook", id);
        }
    }

    /** The partnerships whose subscriptions a list shows (admins'), or empty. */
    public Set<UUID> listedPartnerships() {
        return caller.isPartnershipAdmin() ? caller.partnershipIds() : Set.of();
    }

    /** The schools whose subscriptions a list shows (leads' and MIS clients'), or empty. */
    public Set<String> listedSchools() {
        return caller.isSchoolLead() || caller.isMisClient() ? caller.schoolUrns() : Set.of();
    }
}
