package org.cpd.goals.rest;

import org.cpd.commons.web.paging.PageResponses;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.idempotency.Idempotency;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.goals.rest.StandardsFrameworkDtos.FrameworkDto;
import org.cpd.goals.rest.StandardsFrameworkDtos.FrameworkPage;
import org.cpd.goals.rest.StandardsFrameworkDtos.FrameworkRequest;
import org.cpd.goals.domain.StandardsFramework;
import org.cpd.goals.service.StandardsService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(StandardsFrameworkResource.PATH)
@Tag(name = "Standards frameworks", description = "Professional standards held as data (the Teachers' Standards are seeded).")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
public class StandardsFrameworkResource {

    static final String PATH = "/api/v1/standards-frameworks";

    @Inject
    StandardsService standards;

    @Inject
    Idempotency idempotency;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listStandardsFrameworks", summary = "List standards frameworks with their standards",
            description = "Cursor-paged, oldest change first; `code` selects one framework.")
    @APIResponse(responseCode = "200", description = "One page of frameworks.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkPage.class)))
    public Response list(@BeanParam PageRequest page, @QueryParam("code") String code) {
        return PageResponses.ok(uriInfo, standards.list(page, code), FrameworkDto::from);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getStandardsFramework", summary = "Read a standards framework", description = "With its standards in their order.")
    @APIResponse(responseCode = "200", description = "The framework and its standards in order.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkDto.class)))
    public Response get(@PathParam("id") UUID id) {
        StandardsFramework f = standards.read(id);
        return Responses.ok(f, FrameworkDto.from(f));
    }

    @POST
    @RolesAllowed(Roles.PARTNERSHIP_ADMIN)
    @Operation(operationId = "createStandardsFramework", summary = "Load another standards framework (partnership admins)",
            description = "Codes are unique: a second framework with the same code is refused (409 framework-exists).")
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FrameworkDto.class)))
    public Response create(@HeaderParam(Idempotency.HEADER) String key, @Valid @NotNull FrameworkRequest body) {
        return idempotency.create("standards-frameworks.create", key, body, () -> {
            StandardsFramework f = standards.create(body.code(), body.name(), body.description(), body.standards().stream()
                    .map(s -> new StandardsService.StandardInput(s.code(), s.title())).toList());
            return Responses.created(PATH, f, FrameworkDto.from(f));
        });
    }
}
