package org.cpd.directory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.StringReader;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.Problems;
import org.cpd.directory.service.StaffImportService;
import org.cpd.directory.domain.ImportReport;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports/staff")
@Tag(name = "MIS imports", description = "Bulk staff lists from school management information systems")
public class StaffImportResource {

    @Inject
    StaffImportService service;

    @POST
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MIS_INTEGRATION, Roles.SCHOOL_LEAD})
    @Operation(operationId = "importStaff", summary = "Import a school's staff list (CSV)",
            description = "Columns: email, fullName, trn (optional), schoolUrn, careerStage, subjects and phases (optional, "
                    + "separated by ';'). Each row is matched by TRN, then email, and created or updated (publishing "
                    + "practitioner-registered or -updated); rows for schools outside the token's school_urns and invalid "
                    + "rows are reported with their line number and skipped. At most 5,000 rows.")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "staff", value = Examples.STAFF_CSV)))
    @APIResponse(responseCode = "200", description = "What was created, updated, unchanged, and each bad row", content = @Content(
            schema = @Schema(implementation = ImportReport.class), examples = @ExampleObject(name = "report", value = Examples.IMPORT_REPORT)))
    public ImportReport importStaff(String csv) {
        if (csv == null || csv.isBlank()) {
            throw Problems.badRequest("malformed-csv", "The body is empty: send a CSV with a header row");
        }
        return service.importStaff(new StringReader(csv));
    }
}
