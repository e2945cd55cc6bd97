package org.cpd.directory.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cpd.directory.domain.CareerStage;
import org.cpd.directory.domain.Identifiers;
import org.cpd.directory.domain.Phase;
import org.cpd.directory.domain.AccountState;
import org.cpd.directory.domain.Practitioner;
import org.cpd.directory.domain.Subject;
import org.cpd.directory.service.PractitionerService.ManagementLinks;
import org.cpd.directory.service.PractitionerService.PractitionerDetails;
import org.cpd.directory.service.PractitionerService.Visible;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class PractitionerDtos {

    private PractitionerDtos() {
    }

    @Schema(name = "PractitionerInput", description = "A practitioner to register, or the new state of one. "
            + "Give exactly one of schoolUrn (school staff) or organisationId (external specialists).")
    public record PractitionerInput(
            @NotBlank @Size(max = 200) @Schema(examples = "Asha Patel") String fullName,
            @NotBlank @Pattern(regexp = Identifiers.EMAIL, message = "must be an email address such as name@school.org.uk")
            @Size(max = 254) @Schema(examples = "asha.patel@harbour.sch.uk") String email,
            @Pattern(regexp = Identifiers.TRN, message = "must be the 7-digit Teacher Reference Number")
            @Schema(examples = "1234567") String trn,
            @Pattern(regexp = Identifiers.URN, message = "must be the school's 6-digit URN")
            @Schema(examples = "100001") String schoolUrn,
            UUID organisationId,
            @NotNull CareerStage careerStage,
            Set<@NotNull Subject> subjects,
            Set<@NotNull Phase> phases) {

        public PractitionerDetails details() {
            return new PractitionerDetails(fullName, email, trn, schoolUrn, organisationId, careerStage, subjects, phases);
        }
    }

    @Schema(name = "LineManagementInput", description = "Who line-manages and who appraises the practitioner (replaces both lists).")
    public record LineManagementInput(
            @NotNull Set<@NotNull UUID> lineManagerIds,
            @NotNull Set<@NotNull UUID> appraiserIds) {

        public ManagementLinks links() {
            return new ManagementLinks(lineManagerIds, appraiserIds);
        }
    }

    @Schema(name = "MergeInput", description = "The record to merge into the survivor named by the path.")
    public record MergeInput(
            @NotNull @Schema(description = "The duplicate record; it is deactivated and names the survivor afterwards",
                    examples = "00000047-0000-4000-8000-000000000047") UUID retiredId) {
    }

    @Schema(name = "Practitioner", description = "A practitioner. email, trn, lineManagerIds and appraiserIds are shown only "
            + "to the practitioner, their school's leads and the partnership's admins.")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PractitionerView(
            UUID id, String fullName, String email, String trn, UUID schoolId, String schoolUrn, String schoolName,
            UUID organisationId, CareerStage careerStage, Set<String> subjects, Set<String> phases,
            Set<UUID> partnershipIds, boolean active,
            @Schema(description = "Set when this record was merged into another (then active is false): the id to use "
                    + "instead. Absent otherwise. A merged record stays readable and appears in feeds as a tombstone.")
            UUID mergedInto,
            Set<UUID> lineManagerIds, Set<UUID> appraiserIds,
            Instant createdAt, Instant updatedAt,
            @Schema(description = "The person's login (PENDING until created, INVITED, ACTIVE, DISABLED); on the single "
                    + "read, for those who see the private fields")
            AccountState accountState) {

        public static PractitionerView full(Practitioner p) {
            return new PractitionerView(p.id, p.fullName, p.email, p.trn, p.school == null ? null : p.school.id,
                    p.school == null ? null : p.school.urn, p.school == null ? null : p.school.name,
                    p.organisation == null ? null : p.organisation.id, p.careerStage,
                    new TreeSet<>(Arrays.asList(p.subjects)), new TreeSet<>(Arrays.asList(p.phases)),
                    new TreeSet<>(Arrays.asList(p.partnershipIds)), p.active, p.mergedInto,
                    new TreeSet<>(p.lineManagerIds), new TreeSet<>(p.appraiserIds), p.createdAt, p.updatedAt, null);
        }

        /** The full record for those who may see it, the public profile for everyone else. */
        public static PractitionerView of(Visible visible) {
            if (!visible.privateFields()) {
                return publicView(visible.practitioner());
            }
            PractitionerView v = full(visible.practitioner());
            return new PractitionerView(v.id, v.fullName, v.email, v.trn, v.schoolId, v.schoolUrn, v.schoolName, v.organisationId,
                    v.careerStage, v.subjects, v.phases, v.partnershipIds, v.active, v.mergedInto, v.lineManagerIds, v.appraiserIds,
                    v.createdAt, v.updatedAt, visible.account() == null ? AccountState.PENDING : visible.account());
        }

        /** What colleagues see: no contact details, no management links. */
        public static PractitionerView publicView(Practitioner p) {
            return new PractitionerView(p.id, p.fullName, null, null, p.school == null ? null : p.school.id,
                    p.school == null ? null : p.school.urn, p.school == null ? null : p.school.name,
                    p.organisation == null ? null : p.organisation.id, p.careerStage,
                    new TreeSet<>(Arrays.asList(p.subjects)), new TreeSet<>(Arrays.asList(p.phases)),
                    new TreeSet<>(Arrays.asList(p.partnershipIds)), p.active, p.mergedInto, null, null, p.createdAt, p.updatedAt, null);
        }
    }
}
