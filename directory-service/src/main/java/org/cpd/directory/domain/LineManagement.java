package org.cpd.directory.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Rules of the management links: nobody manages or appraises themselves, and line management
 * never goes round in a circle (A manages B manages A), which would make buffer zones meaningless.
 */
public final class LineManagement {

    private LineManagement() {
    }

    public static boolean isSelfLink(UUID practitioner, Set<UUID> related) {
        return related.contains(practitioner);
    }

    /**
     * The chain that would close a cycle if {@code practitioner} were managed by {@code managers}:
     * from a proposed manager up through existing managers back to the practitioner. Empty if none.
     *
     * @param managersOf the current line managers of a person (as stored, before the change)
     */
    public static Optional<List<UUID>> cycle(UUID practitioner, Set<UUID> managers, Function<UUID, Set<UUID>> managersOf) {
        for (UUID manager : managers) {
            Map<UUID, UUID> reachedFrom = new HashMap<>();
            Deque<UUID> queue = new ArrayDeque<>();
            queue.add(manager);
            reachedFrom.put(manager, null);
            while (!queue.isEmpty()) {
                UUID current = queue.poll();
                if (current.equals(practitioner)) {
                    return Optional.of(path(reachedFrom, current, practitioner));
                }
                for (UUID next : managersOf.apply(current)) {
                    if (!reachedFrom.containsKey(next)) {
                        reachedFrom.put(next, current);
                        queue.add(next);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<UUID> path(Map<UUID, UUID> reachedFrom, UUID end, UUID practitioner) {
        List<UUID> chain = new ArrayList<>();
        for (UUID at = end; at != null; at = reachedFrom.get(at)) {
            chain.add(at);
        }
        Collections.reverse(chain); // manager ... practitioner
        chain.add(0, practitioner);  // practitioner -> manager -> ... -> practitioner
        return chain;
    }
}
