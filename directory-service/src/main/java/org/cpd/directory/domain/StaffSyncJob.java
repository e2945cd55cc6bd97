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

    public UUID schoolId;

    public String requestedBy;

    @Enumerated(EnumType.STRING)
    public StaffSyncMode mode;

    public boolean dryRun;

    public boolean atomic;

    @Enumerated(EnumType.STRING)
    public StaffSyncStatus status;

    @Column(name = "rows_total")
    public int rows;

    public int created;

    public int updated;

    public int unchanged;

    public int deactivated;

    public int rejected;

    /** When the rows' outcomes were deleted under retention (the counts above stay); null while they are kept. */
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
