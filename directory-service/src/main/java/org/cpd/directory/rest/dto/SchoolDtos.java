package org.cpd.directory.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cpd.directory.domain.Identifiers;
import org.cpd.directory.domain.Organisation;
import org.cpd.directory.domain.OrganisationKind;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.SchoolPhase;
import org.cpd.directory.service.OrganisationStructureService.OrganisationDetails;
import org.cpd.directory.service.OrganisationStructureService.SchoolDetails;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class SchoolDtos {

    private SchoolDtos() {
    }

    @Schema(name = "SchoolInput", description = "A school to register, or the new state of one (the URN never changes).")
    public record SchoolInput(
            @NotNull @Pattern(regexp = Identifiers.URN, message = "must be the school's 6-digit URN")
            @Schema(examples = "100001") String urn,
            @NotBlank @Size(max = 200) @Schema(examples = "Harbour Primary School") String name,
            @NotNull SchoolPhase phase,
            @Size(max = 120) @Schema(examples = "Northshire") String localAuthority,
            @NotEmpty Set<@NotNull UUID> partnershipIds) {

        public SchoolDetails details() {
            return new SchoolDetails(urn, name, phase, localAuthority, partnershipIds);
        }
    }

    @Schema(name = "School")
    public record SchoolView(UUID id, String urn, String name, SchoolPhase phase, String localAuthority,
                             Set<UUID> partnershipIds, Instant createdAt, Instant updatedAt) {
        public static SchoolView from(School s) {
            return new SchoolView(s.id, s.urn, s.name, s.phase, s.localAuthority, new TreeSet<>(s.partnershipIds),
                    s.createdAt, s.updatedAt);
        }
    }

    @Schema(name = "OrganisationInput", description = "A university, consultancy or other body.")
    public record OrganisationInput(
            @NotBlank @Size(max = 200) @Schema(examples = "University of Northshire School of Education") String name,
            @NotNull OrganisationKind kind,
            @Size(max = 500) String website,
            @NotEmpty Set<@NotNull UUID> partnershipIds) {

        public OrganisationDetails details() {
            return new OrganisationDetails(name, kind, website, partnershipIds);
        }
    }

    @Schema(name = "Organisation")
    public record OrganisationView(UUID id, String name, OrganisationKind kind, String website,
                                   Set<UUID> partnershipIds, Instant createdAt, Instant updatedAt) {
        public static OrganisationView from(Organisation o) {
            return new OrganisationView(o.id, o.name, o.kind, o.website, new TreeSet<>(o.partnershipIds),
                    o.createdAt, o.updatedAt);
        }
    }
}
