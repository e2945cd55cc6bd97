package org.cpd.directory.domain;

import java.util.Collection;
import java.util.Set;

/** Enum sets are stored as text arrays (searchable with array operators); these convert both ways. */
public final class Enums {

    private Enums() {
    }

    public static <E extends Enum<E>> Set<E> parse(Class<E> type, String[] values, Set<E> into) {
        if (values != null) {
            for (String value : values) {
                into.add(Enum.valueOf(type, value));
            }
        }
        return into;
    }

    public static String[] names(Collection<? extends Enum<?>> values) {
        return values == null ? new String[0] : values.stream().map(Enum::name).sorted().distinct().toArray(String[]::new);
    }
}
