package org.cpd.testsupport.authz;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The kinds of caller a matrix has columns for, each with its token (none for the anonymous one). */
public final class Callers {

    private final Map<String, Optional<String>> tokens = new LinkedHashMap<>();

    public Callers anonymous(String name) {
        tokens.put(name, Optional.empty());
        return this;
    }

    public Callers with(String name, String token) {
        tokens.put(name, Optional.of(token));
        return this;
    }

    public Set<String> names() {
        return tokens.keySet();
    }

    Optional<String> token(String name) {
        return tokens.get(name);
    }
}
