package org.cpd.commons.web.paging;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.cpd.commons.web.InputBounds;
import org.cpd.commons.web.Problems;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging query parameters every collection accepts ({@code @BeanParam PageRequest page}). */
public class PageRequest {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    @QueryParam("limit")
    @Parameter(description = "Page size, 1 to 200 (default 50).", schema = @Schema(minimum = "1", maximum = "200", defaultValue = "50"))
    String limit;

    @QueryParam("cursor")
    @Parameter(description = "Opaque cursor from the previous page's `nextCursor` or `Link: rel=\"next\"`.")
    String cursor;

    @QueryParam("updatedSince")
    @Parameter(description = "Only items changed at or after this instant (ISO-8601, e.g. 2026-09-01T00:00:00Z), for incremental sync.",
            schema = @Schema(format = "date-time"))
    String updatedSince;

    public PageRequest() {
    }

    public static PageRequest of(Integer limit, String cursor, String updatedSince) {
        PageRequest request = new PageRequest();
        request.limit = limit == null ? null : limit.toString();
        request.cursor = cursor;
        request.updatedSince = updatedSince;
        return request;
    }

    public int limit() {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw Problems.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    public Cursor after() {
        return cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor.trim());
    }

    /** The cursor of a log ordered by (time, sequence) rather than (updatedAt, id), e.g. the audit. */
    public SequenceCursor afterSequence() {
        return cursor == null || cursor.isBlank() ? null : SequenceCursor.decode(cursor.trim());
    }

    public Instant updatedSince() {
        if (updatedSince == null || updatedSince.isBlank()) {
            return null;
        }
        Instant since;
        try {
            since = Instant.parse(updatedSince.trim());
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("updatedSince", "must be an ISO-8601 instant such as 2026-09-01T00:00:00Z");
        }
        return InputBounds.requireStorable(since, "updatedSince");
    }

    /** Checks every parameter up front so a bad one is reported before any query runs. */
    public void validate() {
        limit();
        after();
        updatedSince();
    }
}
