package org.cpd.goals.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cpd.goals.domain.Standard;
import org.cpd.goals.domain.StandardsFramework;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of standards frameworks. */
public final class StandardsFrameworkDtos {

    private StandardsFrameworkDtos() {
    }

    @Schema(name = "StandardsFrameworkRequest", description = "A framework to load, with its standards in order.")
    public record FrameworkRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]*", message = "must be upper-case letters, digits, - or _")
            @Schema(examples = Examples.FRAMEWORK_CODE) String code,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String description,
            @NotEmpty @Size(max = 500) List<@Valid @NotNull StandardRequest> standards) {
    }

    @Schema(name = "StandardRequest")
    public record StandardRequest(@NotBlank @Size(max = 40) @Schema(examples = Examples.STANDARD_CODE) String code,
                                  @NotBlank @Size(max = 300) String title) {
    }

    @Schema(name = "Standard")
    public record StandardDto(UUID id, String code, String title) {
        static StandardDto from(Standard s) {
            return new StandardDto(s.id, s.code, s.title);
        }
    }

    @Schema(name = "StandardsFramework")
    public record FrameworkDto(UUID id, String code, String name, String description, List<StandardDto> standards,
                               long version, Instant updatedAt) {
        public static FrameworkDto from(StandardsFramework f) {
            return new FrameworkDto(f.id, f.code, f.name, f.description,
                    f.standards.stream().map(StandardDto::from).toList(), f.version, f.updatedAt);
        }
    }

    @Schema(name = "StandardsFrameworkPage")
    public record FrameworkPage(List<FrameworkDto> items, String nextCursor) {
    }
}
