package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.CurrentUser;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.paging.Page;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.directory.config.WebhooksConfig;
import org.cpd.directory.domain.Partnership;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.WebhookAccess;
import org.cpd.directory.domain.WebhookAttempt;
import org.cpd.directory.domain.WebhookDelivery;
import org.cpd.directory.domain.WebhookEventTypes;
import org.cpd.directory.domain.WebhookSignature;
import org.cpd.directory.domain.WebhookSubscription;
import org.cpd.directory.domain.WebhookUrlRule;
import org.cpd.directory.repository.WebhookQueries;

/**
 * Webhook subscriptions and their deliveries (docs/adr/0018-webhooks.md): registering, changing, rotating the secret,
 * removing (each audited in its transaction), reading deliveries with their attempts, and replaying one.
 */
@ApplicationScoped
public class WebhookService {

    /** Attempts shown with one delivery at most (the most recent). */
    static final int ATTEMPTS_SHOWN = 100;

    @Inject
    CurrentUser user;

    @Inject
    AuditLog audit;

    @Inject
    WebhookQueries queries;

    @Inject
    WebhooksConfig config;

    /** What a subscription is registered with. */
    public record Registration(String url, List<String> eventTypes, UUID partnershipId, String schoolUrn, String description) {
    }

    /** What a subscription's owner may change; its scope stays. */
    public record Change(String url, List<String> eventTypes, String description, Boolean active) {
    }

    /** A subscription with its secret: answered once, by registration and by rotation. */
    public record WithSecret(WebhookSubscription subscription, String secret) {
    }

    /** A delivery and its recent attempts, oldest first. */
    public record DeliveryWithAttempts(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    @Transactional
    public WithSecret register(Registration in) {
        if ((in.partnershipId() == null) == (in.schoolUrn() == null)) {
            throw RuleViolation.invalidField(in.partnershipId() == null ? "partnershipId" : "schoolUrn",
                    "give either partnershipId or schoolUrn");
        }
        WebhookAccess access = access();
        access.requireManagesScope(in.partnershipId(), in.schoolUrn());
        if (in.partnershipId() != null && Partnership.findById(in.partnershipId()) == null) {
            throw RuleViolation.notFound("partnership", in.partnershipId());
        }
        if (in.schoolUrn() != null && School.find("urn", in.schoolUrn()).firstResultOptional().isEmpty()) {
            throw RuleViolation.notFound("school", in.schoolUrn());
        }
        List<String> types = WebhookEventTypes.require(in.eventTypes());
        WebhookUrlRule.check(in.url(), config.hosts(), WebhookUrlRule.DNS);
        WebhookSubscription s = new WebhookSubscription();
        s.url = in.url();
        s.eventTypes = types.toArray(String[]::new);
        s.partnershipId = in.partnershipId();
        s.schoolUrn = in.schoolUrn();
        s.description = in.description();
        s.createdBy = Objects.requireNonNullElse(user.caller().subject(), Objects.requireNonNullElse(user.caller().clientId(), "unknown"));
        String secret = WebhookSignature.newSecret();
        s.secret = secret;
        s.persist();
        audit.entry("create", "webhook", s.id).in(partnershipsOf(s)).details("host " + hostOf(s)).record();
        return new WithSecret(s, secret);
    }

    public Page<WebhookSubscription> list(PageRequest page) {
        page.validate();
        WebhookAccess access = access();
        Set<UUID> partnerships = access.listedPartnerships();
        Set<String> schools = access.listedSchools();
        if (partnerships.isEmpty() && schools.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return queries.subscriptions(partnerships, schools, page);
    }

    public WebhookSubscription get(UUID id) {
        return owned(id);
    }

    @Transactional
    public WebhookSubscription change(UUID id, String ifMatch, Change in) {
        WebhookSubscription s = owned(id);
        ETags.requireMatch(ifMatch, s);
        List<String> types = WebhookEventTypes.require(in.eventTypes());
        WebhookUrlRule.check(in.url(), config.hosts(), WebhookUrlRule.DNS);
        s.url = in.url();
        s.eventTypes = types.toArray(String[]::new);
        s.description = in.description();
        if (in.active() != null) {
            s.active = in.active();
        }
        s.updatedAt = TrackedEntity.now(); // an array column changed in place is not always seen as dirty
        audit.entry("update", "webhook", s.id).in(partnershipsOf(s)).details((s.active ? "active" : "inactive") + ", host " + hostOf(s)).record();
        return s;
    }

    @Transactional
    public void delete(UUID id) {
        WebhookSubscription s = owned(id);
        audit.entry("delete", "webhook", s.id).in(partnershipsOf(s)).details("host " + hostOf(s)).record();
        s.delete();
    }

    /** A new secret; the previous one still signs during the grace period (Standard Webhooks' several signatures). */
    @Transactional
    public WithSecret rotateSecret(UUID id) {
        WebhookSubscription s = owned(id);
        String secret = WebhookSignature.newSecret();
        Instant until = TrackedEntity.now().plus(config.secretGracePeriod());
        s.rotate(secret, until);
        s.updatedAt = TrackedEntity.now();
        audit.entry("rotate-secret", "webhook", s.id).in(partnershipsOf(s)).details("previous secret signs until " + until).record();
        return new WithSecret(s, secret);
    }

    public Page<WebhookDelivery> deliveries(UUID id, PageRequest page) {
        page.validate();
        WebhookSubscription s = owned(id);
        return queries.deliveries(s.id, page);
    }

    public DeliveryWithAttempts delivery(UUID id, UUID deliveryId) {
        WebhookDelivery d = ownedDelivery(id, deliveryId);
        return new DeliveryWithAttempts(d, queries.attempts(d.id, ATTEMPTS_SHOWN));
    }

    /** Sends the delivery again (by the dispatcher, as soon as it runs): a new attempt, the same webhook-id. */
    @Transactional
    public WebhookDelivery replay(UUID id, UUID deliveryId) {
        WebhookDelivery d = ownedDelivery(id, deliveryId);
        d.replay(TrackedEntity.now());
        return d;
    }

    private WebhookDelivery ownedDelivery(UUID id, UUID deliveryId) {
        WebhookSubscription s = owned(id);
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        if (d == null || !d.subscriptionId.equals(s.id)) {
            throw RuleViolation.notFound("webhook delivery", deliveryId);
        }
        return d;
    }

    private WebhookSubscription owned(UUID id) {
        WebhookSubscription s = WebhookSubscription.findById(id);
        access().requireManages(s, id);
        return s;
    }

    private WebhookAccess access() {
        return new WebhookAccess(user.caller());
    }

    /** Only the host goes into audit details: a URL's path or query may carry the receiver's own token. */
    private static String hostOf(WebhookSubscription s) {
        return java.net.URI.create(s.url).getHost();
    }

    /** The partnerships whose admins may read a subscription's audit entries: its own, or its school's. */
    private static Set<UUID> partnershipsOf(WebhookSubscription s) {
        if (s.partnershipId != null) {
            return Set.of(s.partnershipId);
        }
        return School.<School>find("urn", s.schoolUrn).firstResultOptional().map(school -> Set.copyOf(school.partnershipIds)).orElse(Set.of());
    }
}
