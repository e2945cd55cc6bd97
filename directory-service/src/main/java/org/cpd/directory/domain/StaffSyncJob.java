package org.cpd.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;

/** One staff file sent for a school, and what became of it (docs/adr/0016-staff-sync-jobs.md). */
@Entity
@Table(name = "staff_sync_job")
public class StaffSyncJob extends TrackedEntity {

    @Column(name = "school_id", nullable = false)
    public UUID schoolId;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StaffSyncMode mode;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Column(nullable = false)
    public boolean atomic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StaffSyncStatus status;

    @Column(name = "rows_total", nullable = false)
    public int rows;

    @Column(nullable = false)
    public int created;

    @Column(nullable = false)
    public int updated;

    @Column(nullable = false)
    public int unchanged;

    @Column(nullable = false)
    public int deactivated;

    @Column(nullable = false)
    public int rejected;

    /** When the rows' outcomes were deleted under retention (the counts above stay); null while they are kept. */
    @Column(name = "rows_removed_at")
    public java.time.Instant rowsRemovedAt;

    /** Counts one outcome. */
    public void count(StaffSyncOutcome outcome) {
        switch (outcome) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case DEACTIVATED -> deactivated++;
            case REJECTED -> rejected++;
        }
    }
}
