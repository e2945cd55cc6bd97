package org.cpd.directory.domain;

import java.util.List;

/** What a staff import did: rows created, updated and unchanged, and each bad row with why. */
public record ImportReport(int rows, int created, int updated, int unchanged, int failed, List<RowError> errors) {

    public record RowError(long row, String field, String message) {
    }
}
