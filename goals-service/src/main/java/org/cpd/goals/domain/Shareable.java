package org.cpd.goals.domain;

import java.util.Set;
import java.util.UUID;

/** Anything a learner owns and may share: goals and evidence. */
public interface Shareable {
    UUID ownerId();

    Visibility visibility();

    /** Relationships it is shared with (meaningful when visibility is RELATIONSHIP). */
    Set<UUID> sharedRelationshipIds();

    /** School it is shared with (set when visibility is SCHOOL). */
    String sharedSchoolUrn();
}
