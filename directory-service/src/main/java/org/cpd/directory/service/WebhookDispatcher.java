package org.cpd.directory.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
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
 * replicas never send one delivery at the same time. A bounded pool of workers ({@code cpd.webhooks.dispatch-concurrency})
 * sends the deliveries of different subscriptions at the same time, so a slow receiver holds back only its own; one
 * subscription's deliveries go one after another, in the order they fell due. Every attempt ends within the connect and
 * read timeouts. The URL is checked again before each attempt (DNS may have
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
    private ExecutorService workers;
    /** Free places in the pool: a run of the schedule, or a worker that found work, starts a worker while there is one. */
    private Semaphore idle;
    /** The subscriptions this replica is sending to now: their other deliveries wait, so each goes in order. */
    private final Set<UUID> sending = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        int concurrency = Math.max(1, config.dispatchConcurrency());
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(concurrency, task -> {
            Thread t = new Thread(task, "webhook-dispatch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        idle = new Semaphore(concurrency);
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        schedule = new WebhookRetrySchedule(config.retrySchedule(), config.maxAttempts());
    }

    @Scheduled(every = "${cpd.webhooks.dispatch-every:2s}", delayed = "${cpd.webhooks.start-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatch() {
        if (!config.dispatchEnabled()) {
            return;
        }
        startWorker(); // one worker looks; each that finds a delivery starts another, up to the pool's size
    }

    /** At the start of shutdown, before the database goes: no worker starts, running ones are interrupted. */
    void stopping(@Observes ShutdownEvent event) {
        stop();
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    private void startWorker() {
        if (workers.isShutdown() || !idle.tryAcquire()) {
            return;
        }
        try {
            workers.execute(this::work);
        } catch (RejectedExecutionException shuttingDown) {
            idle.release();
        }
    }

    /** Sends due deliveries until none is left or a batch is sent. */
    private void work() {
        try {
            for (int i = 0; i < config.dispatchBatch() && !workers.isShutdown(); i++) {
                if (!sendOneDue()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "webhook dispatch stopped; the next run carries on");
        } finally {
            idle.release();
        }
    }

    /** Sends one due delivery of a subscription this replica is not sending to, if any; whether there was one. */
    boolean sendOneDue() {
        UUID[] claimed = new UUID[1];
        try {
            return QuarkusTransaction.requiringNew().timeout(timeoutSeconds()).call(() -> {
                Optional<WebhookQueries.Due> due = queries.lockDue(TrackedEntity.now(), Set.copyOf(sending));
                if (due.isEmpty()) {
                    return false;
                }
                if (!sending.add(due.get().subscriptionId())) {
                    return true; // another worker took a delivery of this subscription meanwhile: this one waits its turn
                }
                claimed[0] = due.get().subscriptionId();
                startWorker(); // there may be more, for other subscriptions
                WebhookDelivery delivery = em.find(WebhookDelivery.class, due.get().deliveryId());
                WebhookSubscription subscription = em.find(WebhookSubscription.class, delivery.subscriptionId);
                send(delivery, subscription);
                return true;
            });
        } finally {
            if (claimed[0] != null) {
                sending.remove(claimed[0]); // after the commit: the next delivery of the subscription may go
            }
        }
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
            status = exchange(request);
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

    /**
     * The status of the answer. The request's timeout ends the wait for the answer's head; this bound ends the whole
     * exchange (connecting, and a body that trickles in) within the connect and read timeouts, so no receiver keeps a
     * worker longer.
     */
    private int exchange(HttpRequest request) throws Exception {
        CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        long bound = config.connectTimeout().plus(config.readTimeout()).toMillis();
        try {
            return answer.get(bound, TimeUnit.MILLISECONDS).statusCode();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e; // recorded as the blocking send recorded it
        } catch (TimeoutException e) {
            throw new HttpTimeoutException("no complete answer within " + bound + " ms");
        } finally {
            answer.cancel(true); // nothing once answered; otherwise it aborts the exchange
        }
    }

    private int timeoutSeconds() {
        return (int) (config.connectTimeout().toSeconds() + config.readTimeout().toSeconds() + 30);
    }
}
