package org.cpd.goals.rest;

import java.util.Arrays;
import java.util.UUID;
import org.cpd.commons.web.Problems;
import org.cpd.goals.service.OwnerFilter;

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

    /** The {@code owner} filter of lists: {@code me} or a practitioner id. */
    static OwnerFilter owner(String value) {
        if (value == null || value.isBlank()) {
            return OwnerFilter.ANYONE;
        }
        if ("me".equalsIgnoreCase(value.trim())) {
            return OwnerFilter.ME;
        }
        try {
            return OwnerFilter.of(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            throw Problems.invalidField("owner", "must be `me` or a practitioner id (UUID)");
        }
    }
}
