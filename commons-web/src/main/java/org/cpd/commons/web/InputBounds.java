package org.cpd.commons.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;

/**
 * What an input value may hold so the database can store it (docs/problems.md#input-bounds):
 * instants and dates in the years 1 to 9999, and text without control characters other than tab,
 * carriage return and line feed. One place, used by the JSON reader, the parameter filter and paging.
 */
public final class InputBounds {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String TIME_RANGE = "must be between 0001-01-01 and 9999-12-31";
    public static final String CONTROL_CHARACTERS = "must not contain control characters (tab, CR and LF excepted)";

    private InputBounds() {
    }

    public static boolean storable(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }

    /** True when a java.time value lies in the range the database stores. */
    public static boolean storable(Temporal value) {
        if (value instanceof Instant instant) {
            return storable(instant);
        }
        if (value instanceof OffsetDateTime time) {
            return storable(time.toInstant()) && inYears(time.getYear());
        }
        if (value instanceof ZonedDateTime time) {
            return storable(time.toInstant()) && inYears(time.getYear());
        }
        if (value instanceof LocalDateTime time) {
            return inYears(time.getYear()) && storable(time.toInstant(ZoneOffset.UTC));
        }
        if (value instanceof LocalDate date) {
            return inYears(date.getYear());
        }
        return true;
    }

    private static boolean inYears(int year) {
        return year >= 1 && year <= 9999;
    }

    /** The instant, or a 400 naming the field when it lies outside what the database stores. */
    public static Instant requireStorable(Instant instant, String field) {
        if (instant != null && !storable(instant)) {
            throw Problems.invalidField(field, TIME_RANGE);
        }
        return instant;
    }

    /** True when the text holds a control character (tab, CR and LF are allowed in free text). */
    public static boolean hasControlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (isRefusedControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static boolean isRefusedControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }
}
