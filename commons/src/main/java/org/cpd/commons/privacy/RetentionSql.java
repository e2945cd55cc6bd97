package org.cpd.commons.privacy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Values in and out of the retention rules' native queries: timestamps, and uuid arrays as comma-separated text. */
public final class RetentionSql {

    private RetentionSql() {
    }

    /** An instant as the timestamptz parameter PostgreSQL compares it with. */
    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }

    /** For {@code cast(string_to_array(?, ',') as uuid[])}. */
    public static String csv(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    /** From {@code array_to_string(ids, ',')}. */
    public static Set<UUID> uuids(String csv) {
        if (csv == null || csv.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(csv.split(",")).map(UUID::fromString).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
