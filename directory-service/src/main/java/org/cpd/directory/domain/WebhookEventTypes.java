package org.cpd.directory.domain;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.contracts.directory.DirectoryEvents;
import org.cpd.contracts.relationships.RelationshipEvents;

/**
 * The CloudEvent types a webhook may subscribe to: every type of {@code contracts} published today on the two
 * topics directory-service reads (its own, and relationships'). The .v1 practitioner types are no longer published
 * (they carried names) and cannot be subscribed to.
 */
public final class WebhookEventTypes {

    private static final Set<String> TYPES = collect();

    private WebhookEventTypes() {
    }

    public static Set<String> all() {
        return TYPES;
    }

    public static boolean known(String type) {
        return TYPES.contains(type);
    }

    /** Each type named must be known (422 {@code unknown-event-type} naming the first that is not). */
    public static List<String> require(Collection<String> types) {
        for (String type : types) {
            if (!known(type)) {
                throw RuleViolation.unprocessable("unknown-event-type", "No event type " + type
                        + " is published on the directory or relationships topic").with("eventType", type);
            }
        }
        return types.stream().distinct().toList();
    }

    private static Set<String> collect() {
        Set<String> types = new TreeSet<>();
        for (Class<?> events : List.of(DirectoryEvents.class, RelationshipEvents.class)) {
            for (Field field : events.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().endsWith("_V1")) {
                    try {
                        String value = (String) field.get(null);
                        if (value.startsWith("cpd.") && value.matches(".*\\.v[0-9]+$")) {
                            types.add(value);
                        }
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return Set.copyOf(types);
    }
}
