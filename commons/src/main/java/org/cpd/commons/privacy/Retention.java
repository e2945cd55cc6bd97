package org.cpd.commons.privacy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.audit.AuditLog;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.persistence.TrackedEntity;
import org.cpd.commons.security.Caller;
import org.cpd.commons.security.CurrentUser;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The retention sweep of a service (docs/data-protection.md, "Retention defaults"): every {@link RetentionRule} of
 * the service, applied on a schedule in batches of {@code cpd.retention.batch-size}, each batch in a transaction of
 * its own with its audit entry, so a large backlog never holds one long transaction and a failure leaves every
 * finished batch done and the rest still due. Replicas take a transaction-scoped advisory lock per kind, so two
 * never sweep the same kind at once. With {@code cpd.retention.enabled=false} nothing is applied and the report
 * says what would be.
 */
@ApplicationScoped
public class Retention {

    /** The audit actor of what the sweep does: no person asked for it. */
    public static final String ACTOR = "system:retention";

    /** What a dry run finds for one kind, in the caller's partnerships. */
    public record Report(RetentionRule.Policy policy, Instant cutoff, long due, Instant oldest, boolean enforced) {
    }

    @Inject
    @Any
    Instance<RetentionRule> rules;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "cpd.retention.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "cpd.retention.batch-size", defaultValue = "500")
    int batchSize;

    @Scheduled(every = "${cpd.retention.every:1h}", delayed = "${cpd.retention.start-delay:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (enabled) {
            sweep(TrackedEntity.now());
        }
    }

    /** Applies every rule to everything due at {@code now}; answers how many items each kind had applied. */
    public Map<String, Long> sweep(Instant now) {
        Map<String, Long> applied = new LinkedHashMap<>();
        for (RetentionRule rule : sorted()) {
            applied.put(rule.policy().kind(), sweep(rule, now));
        }
        return applied;
    }

    /** Applies one kind's rule to everything due at {@code now}. */
    public long sweep(String kind, Instant now) {
        return sweep(rule(kind), now);
    }

    private long sweep(RetentionRule rule, Instant now) {
        Instant cutoff = now.minus(rule.policy().retention());
        long total = 0;
        long applied;
        do {
            applied = QuarkusTransaction.requiringNew().call(() -> batch(rule, cutoff, now));
            total += applied;
        } while (applied >= batchSize);
        return total;
    }

    private long batch(RetentionRule rule, Instant cutoff, Instant now) {
        RetentionRule.Policy policy = rule.policy();
        if (!lock(policy.kind())) {
            return 0; // another replica is sweeping this kind now
        }
        RetentionRule.Applied applied = rule.apply(cutoff, now, batchSize);
        if (applied.items() > 0) {
            audit.entry("delete", policy.resourceType(), "retention:" + policy.kind()).by(ACTOR).in(applied.partnerships())
                    .because("retention of " + policy.kind() + " (" + policy.retention() + " from " + policy.countedFrom() + ")")
                    .details(applied.items() + " due before " + cutoff + ": " + policy.outcome())
                    .record();
        }
        return applied.items();
    }

    private boolean lock(String kind) {
        return Boolean.TRUE.equals(em.createNativeQuery("select pg_try_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "cpd.retention." + kind).getSingleResult());
    }

    /** The dry run for a partnership admin: what the next sweep applies to in their partnerships, kind by kind. */
    public List<Report> report(Instant now) {
        Caller caller = user.caller();
        if (!caller.isPartnershipAdmin()) {
            throw RuleViolation.forbidden("Only a partnership admin reads the retention report");
        }
        Set<UUID> partnerships = new LinkedHashSet<>(caller.partnershipIds());
        List<Report> reports = new ArrayList<>();
        for (RetentionRule rule : sorted()) {
            RetentionRule.Policy policy = rule.policy();
            Instant cutoff = now.minus(policy.retention());
            RetentionRule.Due due = partnerships.isEmpty() ? RetentionRule.Due.NONE : rule.due(partnerships, cutoff);
            reports.add(new Report(policy, cutoff, due.items(), due.oldest(), enabled));
        }
        return reports;
    }

    private RetentionRule rule(String kind) {
        return sorted().stream().filter(r -> r.policy().kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No retention rule for " + kind));
    }

    private List<RetentionRule> sorted() {
        return rules.stream().sorted(Comparator.comparing((RetentionRule r) -> r.policy().kind())).toList();
    }
}
