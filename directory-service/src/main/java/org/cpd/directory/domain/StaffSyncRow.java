package org.cpd.directory.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;
import org.cpd.commons.persistence.TrackedEntity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a staff sync did with one row of the file, or with one person absent from a full file
 * ({@code line} null). Written once with its job, never changed.
 */
@Entity
@Table(name = "staff_sync_row")
public class StaffSyncRow extends TrackedEntity {

    public UUID jobId;

    public Integer line;

    public String misStaffId;

    @Enumerated(EnumType.STRING)
    public StaffSyncOutcome outcome;

    public UUID practitionerId;

    /** The fields of a rejected row that were refused, each with the reason at the same index. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] fields = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] reasons = new String[0];

    /**
     * The id of the job's {@code position}-th row: the job's high bits and the position, so the shared
     * (updatedAt, id) cursor pages a job's rows (which share one updatedAt) in the order of the file.
     */
    public static UUID idOf(UUID jobId, int position) {
        return new UUID(jobId.getMostSignificantBits(), position);
    }
}
