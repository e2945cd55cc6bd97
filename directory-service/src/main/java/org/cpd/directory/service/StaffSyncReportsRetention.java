package org.cpd.directory.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.cpd.commons.privacy.ConfiguredRetentionRule;
import org.cpd.directory.repository.RetentionQueries;

/**
 * Retention of staff-sync reports (docs/data-protection.md): a year after a sync finished, the outcome of each of its
 * rows is deleted (each row names a person of the school by MIS staff id and practitioner id, and says why their
 * data was refused). The job stays, listed with its status and counts, and says when its rows were removed
 * ({@code rowsRemovedAt}). Deleting rather than blanking: a row without its person says nothing the counts do not.
 */
@ApplicationScoped
public class StaffSyncReportsRetention extends ConfiguredRetentionRule {

    @Inject
    RetentionQueries queries;

    public StaffSyncReportsRetention() {
        super("staff-sync-reports", "P365D",
                "the staff sync finishing",
                "the rows' outcomes deleted; the job, its status and counts kept",
                "staff");
    }

    @Override
    public Due due(Set<UUID> partnerships, Instant cutoff) {
        return queries.reportsIn(partnerships, cutoff);
    }

    @Override
    public Applied apply(Instant cutoff, Instant now, int limit) {
        return queries.removeReportRows(cutoff, now, limit);
    }
}
