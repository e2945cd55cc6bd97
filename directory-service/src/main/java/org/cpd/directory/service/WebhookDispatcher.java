package org.cpd.directory.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.directory.config.WebhooksConfig;
import org.cpd.directory.domain.WebhookAttempt;
import org.cpd.directory.domain.WebhookDelivery;
import org.cpd.directory.domain.WebhookRetrySchedule;
import org.cpd.directory.domain.WebhookSignature;
import org.cpd.directory.domain.WebhookSubscription;
import org.cpd.directory.domain.WebhookUrlRule;
import org.cpd.directory.repository.WebhookQueries;
import org.jboss.logging.Logger;

/**
 * Sends due webhook deliveries (docs/integrations.md#webhooks), off every write path and off the consumer thread.
 * Each delivery is sent in its own transaction that holds its row lock ({@code FOR UPDATE SKIP LOCKED}), so two
 * replicas never send one delivery at the same time. The URL is checked again before each attempt (DNS may have
 * changed); redirects are not followed (they could lead inside the network). Each attempt is recorded; a 2xx
 * delivers, anything else or a timeout waits for the next retry of the schedule, then FAILED.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int ERROR_LENGTH = 500;

    @Inject
    WebhooksConfig config;

    @Inject
    WebhookQueries queries;

    @Inject
    EntityManager em;

    private HttpClient http;
    private WebhookRetrySchedule schedule;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        schedule = new WebhookRetrySchedule(config.retrySchedule(), config.maxAttempts());
    }

    @Scheduled(every = "${cpd.webhooks.dispatch-every:2s}", delayed = "${cpd.webhooks.start-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        if (!config.dispatchEnabled()) {
            return;
        }
        for (int i = 0; i < config.dispatchBatch(); i++) {
            if (!sendOneDue()) {
                return;
            }
        }
    }

    /** Sends one due delivery, if any; whether there was one. */
    public boolean sendOneDue() {
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(() -> {
            Optional<UUID> due = queries.lockDue(TrackedEntity.now());
            if (due.isEmpty()) {
                return false;
            }
            WebhookDelivery delivery = em.find(WebhookDelivery.class, due.get());
            WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.subscriptionId);
            send(delivery, subscription);
            return true;
        });
    }

    private void send(WebhookDelivery delivery, WebhookSubscription subscription) {
        Instant started = TrackedEntity.now();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            URI uri = WebhookUrlRule.check(subscription.url, config.hosts(), WebhookUrlRule.DNS);
            long timestamp = started.getEpochSecond();
            String id = delivery.webhookId();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(config.readTimeout())
                    .header("content-type", "application/cloudevents+json; charset=utf-8")
                    .header("user-agent", "cpd-directory-webhooks")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(subscription.signingSecrets(started), id, timestamp, delivery.body))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.body, StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (RuleViolation refused) {
            error = "refused: " + refused.slug();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        if (error != null && error.length() > ERROR_LENGTH) {
            error = error.substring(0, ERROR_LENGTH);
        }
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = delivery.id;
        attempt.attemptedAt = started;
        attempt.statusCode = status;
        attempt.error = error;
        attempt.durationMs = millis;
        attempt.persist();
        delivery.attempted(status, error, TrackedEntity.now(), schedule);
        LOG.debugf("webhook delivery %s attempt %d: %s in %d ms -> %s", delivery.id, delivery.attempts,
                status == null ? error : status, millis, delivery.status);
    }

    private int timeoutSeconds() {
        return (int) (config.connectTimeout().toSeconds() + config.readTimeout().toSeconds() + 30);
    }
}
