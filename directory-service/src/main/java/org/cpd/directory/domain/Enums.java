package org.cpd.directory.domain;

import java.util.Collection;

/** Enum sets are stored as text arrays (searchable with array operators), sorted and without repeats. */
public final class Enums {

    private Enums() {
    }

    public static String[] names(Collection<? extends Enum<?>> values) {
        return values == null ? new String[0] : values.stream().map(Enum::name).sorted().distinct().toArray(String[]::new);
    }
}
