package org.cpd.directory.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;
import org.cpd.directory.domain.Appointment;
import org.cpd.directory.domain.AppointmentRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class AppointmentDtos {

    private AppointmentDtos() {
    }

    @Schema(name = "AppointmentInput", description = "Who to appoint: an active practitioner of the school (school lead) "
            + "or of the partnership (partnership admin).")
    public record AppointmentInput(@NotNull UUID practitionerId) {
    }

    @Schema(name = "Appointment", description = "A school-lead or partnership-admin appointment; endedAt is null while it "
            + "runs. practitionerId is null only for a partnership's creator without a practitioner record.")
    public record AppointmentView(UUID id, AppointmentRole role, UUID practitionerId,
                                  UUID schoolId, String schoolUrn, UUID partnershipId,
                                  Instant appointedAt, String appointedBy, Instant endedAt, String endedBy, Instant updatedAt) {
        public static AppointmentView from(Appointment a) {
            return new AppointmentView(a.id, a.role, a.practitionerId, a.school == null ? null : a.school.id,
                    a.school == null ? null : a.school.urn, a.partnershipId, a.createdAt, a.appointedBy, a.endedAt, a.endedBy,
                    a.updatedAt);
        }
    }
}
