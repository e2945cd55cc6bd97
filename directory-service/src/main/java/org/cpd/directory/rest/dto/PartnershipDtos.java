package org.cpd.directory.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.cpd.directory.domain.Partnership;
import org.cpd.directory.domain.PartnershipKind;
import org.cpd.directory.service.OrganisationStructureService.PartnershipDetails;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class PartnershipDtos {

    private PartnershipDtos() {
    }

    @Schema(name = "PartnershipInput", description = "A partnership to create or the new state of one.")
    public record PartnershipInput(
            @NotBlank @Size(max = 200) @Schema(examples = "North Shore Teaching Partnership") String name,
            @NotNull PartnershipKind kind,
            @Size(max = 2000) String description) {

        public PartnershipDetails details() {
            return new PartnershipDetails(name, kind, description);
        }
    }

    @Schema(name = "Partnership")
    public record PartnershipView(UUID id, String name, PartnershipKind kind, String description,
                                  Instant createdAt, Instant updatedAt) {
        public static PartnershipView from(Partnership p) {
            return new PartnershipView(p.id, p.name, p.kind, p.description, p.createdAt, p.updatedAt);
        }
    }
}
