package org.cpd.directory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Locale;
import java.util.UUID;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.commons.web.paging.PageResponses;
import org.cpd.directory.domain.School;
import org.cpd.directory.domain.StaffSyncJob;
import org.cpd.directory.domain.StaffSyncOutcome;
import org.cpd.directory.domain.StaffSyncMode;
import org.cpd.directory.domain.StaffSyncRow;
import org.cpd.directory.rest.dto.StaffSyncDtos.StaffSyncRowPage;
import org.cpd.directory.rest.dto.StaffSyncDtos.StaffSyncRowView;
import org.cpd.directory.rest.dto.StaffSyncDtos.StaffSyncView;
import org.cpd.directory.service.OrganisationStructureService;
import org.cpd.directory.service.StaffSyncService;
import org.cpd.directory.service.StaffSyncService.Format;
import org.cpd.directory.service.StaffSyncService.Job;
import org.cpd.directory.service.StaffSyncService.Options;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/schools/{idOrUrn}/staff-syncs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "MIS imports", description = "Bulk staff lists from school management information systems")
@RolesAllowed({Roles.MIS_INTEGRATION, Roles.SCHOOL_LEAD, Roles.PARTNERSHIP_ADMIN})
public class StaffSyncResource {

    @Inject
    StaffSyncService service;

    @Inject
    OrganisationStructureService schools;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(operationId = "startStaffSync", summary = "Sync a school's staff from its MIS (CSV or JSON)",
            description = "The school's MIS clients and leads, and its partnerships' admins; anyone else gets 404. The file is "
                    + "read as it arrives. Rows are matched by (school, misStaffId), then TRN, then email, among the people "
                    + "the caller manages only, and created, updated, left unchanged, deactivated (a leaveDate today or "
                    + "earlier, or, with mode=full, anyone of the school absent from the file) or rejected with the field and "
                    + "reason. lineManagerMisId names another row of the file; a cycle is rejected on each of its rows. "
                    + "dryRun=true writes nothing but the job; atomic=true writes nothing if any row is rejected. Sending the "
                    + "same file again changes nothing. A file that cannot be read, lacks a required column or has more "
                    + "rows than allowed is refused whole. Columns and examples: docs/integrations.md.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "staff", value = Examples.STAFF_SYNC_CSV)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY,
                    implementation = Object.class), examples = @ExampleObject(name = "staff", value = Examples.STAFF_SYNC_JSON))})
    @APIResponse(responseCode = "201", description = "The sync ran; Location is the job", content = @Content(
            schema = @Schema(implementation = StaffSyncView.class), examples = @ExampleObject(name = "job", value = Examples.STAFF_SYNC)))
    @APIResponse(responseCode = "413", description = "The file has more rows or bytes than allowed; nothing was written.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "415", description = "Not CSV or JSON, or an encoding other than UTF-8 or Windows-1252.",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response start(@Parameter(description = "School id (UUID) or URN (6 digits)") @PathParam("idOrUrn") String idOrUrn,
                          @Parameter(description = "full (default): the file is the school's whole staff, anyone absent is "
                                  + "deactivated; partial: only adds and changes", schema = @Schema(enumeration = {"full", "partial"}))
                          @QueryParam("mode") String mode,
                          @Parameter(description = "Report the outcome without writing it") @QueryParam("dryRun") boolean dryRun,
                          @Parameter(description = "All rows or none") @QueryParam("atomic") boolean atomic,
                          @Context HttpHeaders headers, InputStream body) {
        School school = SchoolResource.school(schools, idOrUrn);
        MediaType type = headers.getMediaType();
        Format format = type != null && type.getSubtype().toLowerCase(Locale.ROOT).contains("json") ? Format.JSON : Format.CSV;
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        Job job = service.sync(school, new Options(mode(mode), dryRun, atomic), new StaffSyncService.Upload(body, format, charset));
        return Responses.created(uriInfo, "schools/" + school.id + "/staff-syncs", job.job().id, job.job(),
                StaffSyncView.from(job.job(), job.school()));
    }

    @GET
    @Operation(operationId = "listStaffSyncs", summary = "List a school's staff syncs",
            description = "Those who may sync the school's staff. Cursor-paged, oldest first.")
    @APIResponse(responseCode = "200", description = "A page of staff syncs", content = @Content(
            examples = @ExampleObject(name = "page", value = Examples.STAFF_SYNC_PAGE)))
    public Response list(@Parameter(description = "School id (UUID) or URN (6 digits)") @PathParam("idOrUrn") String idOrUrn,
                         @BeanParam PageRequest page) {
        School school = SchoolResource.school(schools, idOrUrn);
        return PageResponses.ok(uriInfo, service.jobs(school, page), j -> StaffSyncView.from(j, school));
    }

    @GET
    @Path("{syncId}")
    @Operation(operationId = "getStaffSync", summary = "Read a staff sync", description = "Its status and counts.")
    @APIResponse(responseCode = "200", description = "The staff sync", content = @Content(
            schema = @Schema(implementation = StaffSyncView.class), examples = @ExampleObject(name = "job", value = Examples.STAFF_SYNC)))
    public Response get(@Parameter(description = "School id (UUID) or URN (6 digits)") @PathParam("idOrUrn") String idOrUrn,
                        @PathParam("syncId") UUID syncId) {
        Job job = service.job(SchoolResource.school(schools, idOrUrn), syncId);
        return Responses.ok(job.job(), StaffSyncView.from(job.job(), job.school()));
    }

    @GET
    @Path("{syncId}/rows")
    @Operation(operationId = "listStaffSyncRows", summary = "Each row's outcome",
            description = "In the order of the file, then the people deactivated for being absent from it. Cursor-paged.")
    @APIResponse(responseCode = "200", description = "A page of row outcomes", content = @Content(
            schema = @Schema(implementation = StaffSyncRowPage.class),
            examples = @ExampleObject(name = "page", value = Examples.STAFF_SYNC_ROW_PAGE)))
    public Response rows(@Parameter(description = "School id (UUID) or URN (6 digits)") @PathParam("idOrUrn") String idOrUrn,
                         @PathParam("syncId") UUID syncId, @BeanParam PageRequest page,
                         @Parameter(description = "Only rows with this outcome") @QueryParam("outcome") StaffSyncOutcome outcome) {
        School school = SchoolResource.school(schools, idOrUrn);
        return PageResponses.ok(uriInfo, service.rows(school, syncId, page, outcome), StaffSyncRowView::from);
    }

    private static StaffSyncMode mode(String mode) {
        if (mode == null || mode.isBlank() || mode.equalsIgnoreCase("full")) {
            return StaffSyncMode.FULL;
        }
        if (mode.equalsIgnoreCase("partial")) {
            return StaffSyncMode.PARTIAL;
        }
        throw Problems.invalidField("mode", "must be full or partial");
    }
}
