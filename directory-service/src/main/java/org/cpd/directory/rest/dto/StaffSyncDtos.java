package org.cpd.directory.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.StaffSyncJob;
import org.cpd.directory.domain.StaffSyncOutcome;
import org.cpd.directory.domain.StaffSyncStatus;
import org.cpd.directory.domain.StaffSyncMode;
import org.cpd.directory.domain.StaffSyncRow;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class StaffSyncDtos {

    private StaffSyncDtos() {
    }

    @Schema(name = "StaffSync", description = "A staff file sent for a school, and what became of it. Each row's outcome is "
            + "at `rowsHref`.")
    public record StaffSyncView(UUID id, UUID schoolId, @Schema(examples = "100001") String schoolUrn, StaffSyncMode mode,
                                @Schema(description = "Nothing was written but this report.") boolean dryRun,
                                @Schema(description = "All rows or none: one rejected row aborts the sync.") boolean atomic,
                                StaffSyncStatus status,
                                @Schema(description = "Rows in the file.") int rows, int created, int updated, int unchanged,
                                @Schema(description = "Leavers and, in a full sync, people of the school absent from the file.")
                                int deactivated, int rejected, String rowsHref, Instant createdAt,
                                @Schema(description = "When the outcomes of the rows were deleted, a year after the sync "
                                        + "(docs/data-protection.md, retention of staff-sync reports): `rowsHref` is then "
                                        + "empty and the counts stay. Absent while the rows are kept.")
                                @JsonInclude(JsonInclude.Include.NON_NULL) Instant rowsRemovedAt) {

        public static StaffSyncView from(StaffSyncJob j, School school) {
            return new StaffSyncView(j.id, j.schoolId, school.urn, j.mode, j.dryRun, j.atomic, j.status, j.rows, j.created,
                    j.updated, j.unchanged, j.deactivated, j.rejected,
                    "/api/v1/schools/" + j.schoolId + "/staff-syncs/" + j.id + "/rows", j.createdAt, j.rowsRemovedAt);
        }
    }

    @Schema(name = "StaffSyncRowError", description = "Why a field of a row was refused.")
    public record RowErrorView(@Schema(examples = "trn") String field,
                               @Schema(examples = "must be the 7-digit Teacher Reference Number") String reason) {
    }

    @Schema(name = "StaffSyncRow", description = "What the sync did with one row of the file, or with one person of the school "
            + "absent from a full file (`line` null).")
    public record StaffSyncRowView(@Schema(description = "The row's line in a CSV file (the header is line 1), or its position "
                                           + "in a JSON array from 1; null for a person absent from the file.") Integer line,
                                   String misStaffId, StaffSyncOutcome outcome,
                                   @Schema(description = "The practitioner the row is about; null when nobody was (or, in a "
                                           + "dry run or aborted sync, would have been) created, or the row names nobody the "
                                           + "caller manages.") UUID practitionerId,
                                   List<RowErrorView> errors) {

        public static StaffSyncRowView from(StaffSyncRow r) {
            List<RowErrorView> errors = new ArrayList<>();
            for (int i = 0; i < r.fields.length; i++) {
                errors.add(new RowErrorView(r.fields[i], r.reasons[i]));
            }
            return new StaffSyncRowView(r.line, r.misStaffId, r.outcome, r.practitionerId, errors);
        }
    }

    /** A page of row outcomes: the path (/rows) does not name the item, so the page says it (Page_StaffSyncRow). */
    public record StaffSyncRowPage(List<StaffSyncRowView> items, String nextCursor) {
    }
}
