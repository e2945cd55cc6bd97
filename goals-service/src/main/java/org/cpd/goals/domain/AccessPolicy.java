package org.cpd.goals.domain;

import java.util.Collection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.security.Caller;

/**
 * Who may see, change and review a learner's goals and evidence — the whole rule in one place.
 * <ul>
 *   <li>The owner sees and edits everything they own.</li>
 *   <li>A supporter (any other participant of a relationship the item is shared with) sees it only
 *       while that relationship is ACTIVE; when it pauses or closes, access ends.</li>
 *   <li>A school lead sees only what is shared with a school they lead (URNs from their token).</li>
 *   <li>Everyone else, partnership admins included, sees nothing: the API answers 404, so the
 *       existence of a private goal is not revealed.</li>
 * </ul>
 * Single items are checked with {@link #canRead}; lists use {@link #readableWhere}, the same rule
 * as a JPQL predicate, so a list can never show what a single read would refuse. A policy is built
 * for one caller with the facts it needs: the ACTIVE relationships they take part in.
 */
public final class AccessPolicy {

    private final Caller caller;
    private final Set<UUID> activeRelationshipIds;

    /**
     * @param caller                who is calling (practitioner id, roles and schools from the token)
     * @param activeRelationshipIds ACTIVE relationships (from the read model) the caller takes part in
     */
    public AccessPolicy(Caller caller, Set<UUID> activeRelationshipIds) {
        this.caller = caller;
        this.activeRelationshipIds = activeRelationshipIds == null ? Set.of() : Set.copyOf(activeRelationshipIds);
    }

    public Caller caller() {
        return caller;
    }

    /** Goals and evidence belong to practitioners: a caller without a practitioner id cannot own any. */
    public UUID requirePractitioner() {
        return caller.practitioner().orElseThrow(() ->
                RuleViolation.forbidden("Only a practitioner can own goals and evidence: the token has no practitioner_id"));
    }

    public boolean isOwner(Shareable item) {
        return caller.isSelf(item.ownerId());
    }

    public boolean canRead(Shareable item) {
        return isOwner(item) || supports(item) || leadsSharedSchool(item);
    }

    /** Only the owner changes their goals and evidence. */
    public boolean canEdit(Shareable item) {
        return isOwner(item);
    }

    /** Reviews are written with the learner: by the owner or an active supporter, not by a school lead. */
    public boolean canReview(Shareable item) {
        return isOwner(item) || supports(item);
    }

    private boolean supports(Shareable item) {
        return caller.practitionerId() != null
                && item.visibility() == Visibility.RELATIONSHIP
                && item.sharedRelationshipIds().stream().anyMatch(activeRelationshipIds::contains);
    }

    private boolean leadsSharedSchool(Shareable item) {
        return caller.isSchoolLead()
                && item.visibility() == Visibility.SCHOOL
                && item.sharedSchoolUrn() != null
                && caller.schoolUrns().contains(item.sharedSchoolUrn());
    }

    /** A JPQL predicate with its parameters. */
    public record Predicate(String jpql, Map<String, Object> params) {
    }

    /**
     * {@link #canRead} as a JPQL predicate for a Panache query on {@code entity} (no alias: the
     * attributes {@code id}, {@code ownerId}, {@code visibility}, {@code schoolUrn} and the element
     * collection {@code relationshipIds}).
     */
    public Predicate readableWhere(String entity) {
        List<String> anyOf = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (caller.practitionerId() != null) {
            anyOf.add("ownerId = :viewerId");
            params.put("viewerId", caller.practitionerId());
            if (!activeRelationshipIds.isEmpty()) {
                anyOf.add("(visibility = :relationshipVisibility and id in (select shared.id from " + entity
                        + " shared join shared.relationshipIds sharedRel where sharedRel in :viewerRelationships))");
                params.put("relationshipVisibility", Visibility.RELATIONSHIP);
                params.put("viewerRelationships", activeRelationshipIds);
            }
        }
        if (caller.isSchoolLead() && !caller.schoolUrns().isEmpty()) {
            anyOf.add("(visibility = :schoolVisibility and schoolUrn in :viewerSchools)");
            params.put("schoolVisibility", Visibility.SCHOOL);
            params.put("viewerSchools", caller.schoolUrns());
        }
        if (anyOf.isEmpty()) {
            return new Predicate("1 = 0", Map.of());
        }
        return new Predicate("(" + String.join(" or ", anyOf) + ")", params);
    }

    /**
     * Checks how the owner wants to share an item before it is saved.
     *
     * @param ownerSchoolUrns schools named in the owner's token: one can share only with one's own school
     * @param relationships   read-model lookup of a relationship by id
     */
    public static void checkSharing(UUID ownerId, Visibility visibility, Collection<UUID> relationshipIds,
                                    String schoolUrn, Set<String> ownerSchoolUrns,
                                    Function<UUID, Optional<RelationshipFacts>> relationships) {
        checkSharing(ownerId, visibility, relationshipIds, Set.of(), schoolUrn, ownerSchoolUrns, relationships);
    }

    /**
     * As above, for an item already linked to {@code alreadyLinked}: those links stay valid after
     * their relationship ends (the history is kept; access ends by itself), only new links are checked.
     */
    public static void checkSharing(UUID ownerId, Visibility visibility, Collection<UUID> relationshipIds,
                                    Collection<UUID> alreadyLinked, String schoolUrn, Set<String> ownerSchoolUrns,
                                    Function<UUID, Optional<RelationshipFacts>> relationships) {
        for (UUID id : relationshipIds) {
            if (alreadyLinked.contains(id)) {
                continue;
            }
            RelationshipFacts facts = relationships.apply(id)
                    .filter(r -> r.participantIds().contains(ownerId))
                    .orElseThrow(() -> RuleViolation.unprocessable("unknown-relationship",
                            "Relationship " + id + " is not known here or you are not one of its participants."));
            if (facts.hasEnded()) {
                throw RuleViolation.conflict("relationship-ended",
                        "Relationship " + id + " has ended (" + facts.status() + "); nothing new can be shared with it.");
            }
        }
        if (visibility == Visibility.RELATIONSHIP && relationshipIds.isEmpty()) {
            throw RuleViolation.invalid("sharing-needs-relationship",
                    "Visibility RELATIONSHIP needs at least one relationshipId.");
        }
        if (visibility == Visibility.SCHOOL) {
            if (schoolUrn == null) {
                throw RuleViolation.invalid("sharing-needs-school", "Visibility SCHOOL needs a schoolUrn.");
            }
            if (!ownerSchoolUrns.contains(schoolUrn)) {
                throw RuleViolation.unprocessable("not-your-school",
                        "You can share only with a school you work in; " + schoolUrn + " is not one of yours.");
            }
        }
    }
}
