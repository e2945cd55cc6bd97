package org.cpd.goals.api;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.cpd.goals.service.PortfolioService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/portfolios")
@Tag(name = "Portfolios", description = "A learner's goals, evidence and reviews for assessment and accreditation.")
@Authenticated
public class PortfolioResource {

    @Inject
    PortfolioService portfolios;

    @GET
    @Path("/{learnerId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPortfolio", summary = "A learner's portfolio",
            description = "Contains only what the caller may see (the learner sees all; a supporter what is shared with an "
                    + "ACTIVE relationship; a school lead what is shared with their school). Private evidence never appears "
                    + "to anyone but the learner. 404 when the caller may see nothing of this learner. Ask for text/html "
                    + "to get the printable version.")
    @APIResponse(responseCode = "200", description = "The portfolio.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PortfolioDto.class)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class))})
    public PortfolioDto json(@PathParam("learnerId") UUID learnerId) {
        return PortfolioDto.from(portfolios.of(learnerId));
    }

    @GET
    @Path("/{learnerId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public String html(@PathParam("learnerId") UUID learnerId) {
        return PortfolioHtml.render(portfolios.of(learnerId));
    }
}
