package org.cpd.directory.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.cpd.directory.domain.AccountState;
import org.cpd.directory.domain.CpdRecord;
import org.cpd.directory.domain.Erasure;
import org.cpd.directory.rest.dto.AppointmentDtos.AppointmentView;
import org.cpd.directory.rest.dto.OfferDtos.SupportOfferView;
import org.cpd.directory.rest.dto.PractitionerDtos.PractitionerView;
import org.cpd.directory.service.SubjectAccessService.SubjectData;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class PrivacyDtos {

    private PrivacyDtos() {
    }

    @Schema(name = "DirectorySubjectExport", description = "Everything the directory holds about one person: their record "
            + "(private fields included), their account's state, every appointment they held, their support offer, their "
            + "CPD record and the people they line-manage or appraise.")
    public record SubjectExportView(
            @Schema(description = "The service this part comes from.", examples = "directory-service") String service,
            @Schema(description = "When the export was made.") Instant exportedAt,
            PractitionerView practitioner,
            AccountState accountState,
            List<AppointmentView> appointments,
            @Schema(description = "The person's support offer; null when they offer no support.") SupportOfferView supportOffer,
            CpdRecord cpdRecord,
            @Schema(description = "People whose line manager the person is.") List<UUID> lineManagerOf,
            @Schema(description = "People whose appraiser the person is.") List<UUID> appraiserOf) {

        public static SubjectExportView from(SubjectData d, Instant now) {
            return new SubjectExportView("directory-service", now, PractitionerView.full(d.practitioner()), d.account(),
                    d.appointments().stream().map(AppointmentView::from).toList(),
                    d.supportOffer() == null ? null : SupportOfferView.from(d.supportOffer()), d.cpdRecord(),
                    d.lineManagerOf(), d.appraiserOf());
        }
    }

    @Schema(name = "DirectoryErasure", description = "The directory's erasure of a person: the record anonymised and "
            + "deactivated, the links and the support offer withdrawn, the other services told through the event "
            + "`cpd.directory.practitioner-erased.v1`.")
    public record ErasureView(
            @Schema(description = "The service this status comes from.", examples = "directory-service") String service,
            @Schema(description = "The erasure record; the other services keep it on their own record of the erasure.")
            UUID erasureId,
            UUID practitionerId,
            @Schema(description = "`applied`: the service erased what it held of the person.", examples = "applied")
            String status,
            @Schema(description = "When the erasure was requested.") Instant requestedAt,
            @Schema(description = "When this service applied it.") Instant appliedAt,
            @Schema(description = "The person's partnerships when they were erased; their admins may read the status.")
            Set<UUID> partnershipIds) {

        public static ErasureView from(Erasure e) {
            return new ErasureView("directory-service", e.id, e.practitionerId, "applied", e.requestedAt, e.createdAt,
                    new TreeSet<>(e.partnerships()));
        }
    }
}
