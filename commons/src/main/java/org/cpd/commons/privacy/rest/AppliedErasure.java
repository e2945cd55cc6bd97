package org.cpd.commons.privacy.rest;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cpd.commons.privacy.ErasureRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the erasure status of a service that applies the directory's practitioner-erased event says of the erasure
 * (docs/adr/0043-erasure.md), the same in every such service. The service's status record unwraps it
 * ({@code @JsonUnwrapped}) after the service's name and before its own counts, so its JSON and its schema stay flat.
 * The schema generator would list unwrapped properties first, so the status record names {@code service} and these
 * in its {@code @JsonPropertyOrder}: its document then has them in the JSON's order.
 */
public record AppliedErasure(
        @Schema(description = "The directory's erasure record.") UUID erasureId,
        UUID practitionerId,
        @Schema(description = "`applied`: the service erased what it held of the person.", examples = "applied") String status,
        @Schema(description = "When the erasure was requested.") Instant requestedAt,
        @Schema(description = "When this service applied it.") Instant appliedAt,
        @Schema(description = "The person's partnerships when they were erased; their admins may read the status.")
        Set<UUID> partnershipIds) {

    public static AppliedErasure of(ErasureRecord e) {
        return new AppliedErasure(e.erasureId, e.practitionerId, "applied", e.requestedAt, e.appliedAt,
                new TreeSet<>(e.partnerships()));
    }
}
