package org.cpd.directory.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What an event names, read from its data as published (docs/adr/0018-webhooks.md, "Which events a subscription
 * gets"): school URNs ({@code schoolUrn}, a school event's {@code urn}, each participant's {@code schoolUrn}),
 * partnerships ({@code partnershipId}, {@code partnershipIds}, a partnership event's {@code id}) and practitioners
 * ({@code practitionerId}, a practitioner event's {@code id}, {@code supporterId}, {@code coachId}, an action's
 * {@code ownerId}, {@code survivorId}, {@code retiredId}, an agreement's {@code signedBy}, participants). The consumer then adds the schools and partnerships of the
 * practitioners named and the partnerships of the schools named, from the directory's own tables.
 */
public record WebhookEventScope(Set<String> schoolUrns, Set<UUID> partnershipIds, Set<UUID> practitionerIds) {

    public static WebhookEventScope of(String type, JsonNode data) {
        Set<String> urns = new LinkedHashSet<>();
        Set<UUID> partnerships = new LinkedHashSet<>();
        Set<UUID> practitioners = new LinkedHashSet<>();
        if (data == null || !data.isObject()) {
            return new WebhookEventScope(urns, partnerships, practitioners);
        }
        text(data, "schoolUrn", urns);
        if (type.contains(".school-")) {
            text(data, "urn", urns);
        }
        uuid(data.get("partnershipId"), partnerships);
        uuids(data.get("partnershipIds"), partnerships);
        if (type.contains(".partnership-created.") || type.contains(".partnership-updated.")) {
            uuid(data.get("id"), partnerships);
        }
        if (type.contains(".practitioner-") || type.contains(".line-management-changed.")) {
            uuid(data.get("id"), practitioners);
        }
        for (String field : new String[] {"practitionerId", "supporterId", "coachId", "ownerId", "survivorId", "retiredId"}) {
            uuid(data.get(field), practitioners);
        }
        uuids(data.get("signedBy"), practitioners);
        JsonNode participants = data.get("participants");
        if (participants != null && participants.isArray()) {
            for (JsonNode participant : participants) {
                if (participant.isObject()) {
                    uuid(participant.get("practitionerId"), practitioners);
                    text(participant, "schoolUrn", urns);
                } else {
                    uuid(participant, practitioners);
                }
            }
        }
        return new WebhookEventScope(urns, partnerships, practitioners);
    }

    private static void text(JsonNode node, String field, Set<String> into) {
        JsonNode value = node.get(field);
        if (value != null && value.isTextual() && value.asText().matches("[0-9]{6}")) {
            into.add(value.asText());
        }
    }

    private static void uuids(JsonNode node, Set<UUID> into) {
        if (node != null && node.isArray()) {
            node.forEach(n -> uuid(n, into));
        }
    }

    private static void uuid(JsonNode node, Set<UUID> into) {
        if (node != null && node.isTextual()) {
            try {
                into.add(UUID.fromString(node.asText()));
            } catch (IllegalArgumentException ignored) {
                // not an id: names nothing
            }
        }
    }
}
