package org.cpd.commons.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds a JPQL where-clause from optional filters: a clause whose value is null is left out. */
public final class Criteria {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    private Criteria() {
    }

    public static Criteria where() {
        return new Criteria();
    }

    /** Adds {@code clause} (using {@code :name}) only when {@code value} is not null. */
    public Criteria and(String clause, String name, Object value) {
        if (value != null) {
            clauses.add(clause);
            parameters.put(name, value);
        }
        return this;
    }

    /** Adds a clause that needs no parameter, or whose parameters are added with {@link #param}. */
    public Criteria and(String clause) {
        clauses.add(clause);
        return this;
    }

    public Criteria param(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public String jpql() {
        return String.join(" and ", clauses);
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    Criteria copy() {
        Criteria copy = new Criteria();
        copy.clauses.addAll(clauses);
        copy.parameters.putAll(parameters);
        return copy;
    }
}
