package org.cpd.goals.domain;

import java.util.Set;
import java.util.UUID;

/** What this service knows of a relationship, from relationship events. */
public record RelationshipFacts(UUID id, String status, Set<UUID> participantIds) {

    /** Statuses after which a relationship never gives access again. */
    public static final Set<String> ENDED = Set.of("CLOSED", "DECLINED", "WITHDRAWN", "EXPIRED");

    public boolean hasEnded() {
        return ENDED.contains(status);
    }
}
