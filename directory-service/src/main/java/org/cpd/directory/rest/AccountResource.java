package org.cpd.directory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.cpd.commons.security.Roles;
import org.cpd.directory.rest.dto.AccountDtos.ReconcileView;
import org.cpd.directory.service.AccountProvisioning;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts", description = "Practitioners' logins, provisioned from the directory")
public class AccountResource {

    @Inject
    AccountProvisioning accounts;

    @POST
    @Path("reconcile")
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "reconcileAccounts", summary = "Compare logins with the directory and repair drift",
            description = "Partnership admins: every provisioned login of their partnerships is compared with the directory "
                    + "(username, e-mail, names, enabled, practitioner_id, school_urns, partnership_ids, realm roles) and "
                    + "repaired. The report lists what changed; a login Keycloak could not be reached for is listed with "
                    + "its error and retried by the provisioning worker. Audited.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(
            schema = @Schema(implementation = ReconcileView.class),
            examples = @ExampleObject(name = "report", value = Examples.RECONCILE_REPORT)))
    public ReconcileView reconcile() {
        return ReconcileView.from(accounts.reconcile());
    }
}
