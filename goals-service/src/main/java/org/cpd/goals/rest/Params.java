package org.cpd.goals.api;

import java.util.Arrays;
import java.util.UUID;
import org.cpd.commons.web.Problems;

/**
 * Query parameters are read as strings and parsed here: a JAX-RS conversion failure would answer
 * 404, while a bad filter value is the client's mistake (400 with the field named).
 */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField(name, "must be a UUID");
        }
    }
}
