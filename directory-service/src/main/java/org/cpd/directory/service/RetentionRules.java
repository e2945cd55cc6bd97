package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.cpd.commons.privacy.ConfiguredRetentionRule;
import org.cpd.commons.privacy.RetentionRule;
import org.cpd.directory.repository.RetentionQueries;
import org.cpd.directory.repository.WebhookQueries;

/**
 * The directory's retention rules that are no more than their queries (docs/data-protection.md); the erasure of people
 * deactivated long ago is {@link DeactivatedPractitionersRetention}. Swept and reported by commons'
 * {@link org.cpd.commons.privacy.Retention}.
 */
@ApplicationScoped
public class RetentionRules {

    /**
     * Staff-sync reports: a year after a sync finished, the outcome of each of its rows is deleted (each row names a
     * person of the school by MIS staff id and practitioner id, and says why their data was refused). The job stays,
     * listed with its status and counts, and says when its rows were removed ({@code rowsRemovedAt}). Deleting rather
     * than blanking: a row without its person says nothing the counts do not.
     */
    @Produces
    @Singleton
    RetentionRule staffSyncReports(RetentionQueries queries) {
        return ConfiguredRetentionRule.of("staff-sync-reports", "P365D", "the staff sync finishing",
                "the rows' outcomes deleted; the job, its status and counts kept", "staff",
                queries::reportsIn, queries::removeReportRows);
    }

    /**
     * Webhook deliveries: a delivery that is no longer pending (delivered, or failed after its last retry) is deleted
     * with its body and attempts 90 days after its last change. A pending one is never due.
     */
    @Produces
    @Singleton
    RetentionRule webhookDeliveries(WebhookQueries queries) {
        return ConfiguredRetentionRule.of("webhook-deliveries", "P90D", "the delivery's last attempt or replay",
                "the delivery, the event body it held and its attempts deleted; the subscription kept", "webhook",
                queries::finishedIn, (cutoff, now, limit) -> queries.removeFinished(cutoff, limit));
    }
}
