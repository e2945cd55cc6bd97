package org.cpd.goals.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.cpd.goals.service.PortfolioService;
import org.cpd.goals.service.PortfolioService.Portfolio;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/portfolios")
@Tag(name = "Portfolios", description = "A learner's goals, evidence and reviews for assessment and accreditation.")
@Authenticated
public class PortfolioResource {

    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @Inject
    PortfolioService portfolios;

    @GET
    @Path("/{learnerId}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(operationId = "getPortfolio", summary = "A learner's portfolio",
            description = "Contains only what the caller may see (the learner sees all; a supporter what is shared with an "
                    + "ACTIVE relationship; a school lead what is shared with their school). Private evidence never appears "
                    + "to anyone but the learner. 404 when the caller may see nothing of this learner. Ask for text/html "
                    + "to get the printable version.")
    @APIResponse(responseCode = "200", description = "The portfolio.",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PortfolioDto.class)),
                    @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class))})
    public Response get(@PathParam("learnerId") UUID learnerId, @Context HttpHeaders headers) {
        Portfolio portfolio = portfolios.of(learnerId);
        Response.ResponseBuilder response = asksForHtml(headers.getAcceptableMediaTypes())
                ? Response.ok(Templates.portfolio(portfolio,
                        portfolio.selfDirection().learnerShare() == null ? 0 : Math.round(portfolio.selfDirection().learnerShare() * 100)).render(), HTML)
                : Response.ok(PortfolioDto.from(portfolio), MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    /**
     * JSON is the default: HTML only when the client names it ({@code text/html} or {@code text/*})
     * and ranks it above JSON; a bare wildcard or no Accept header gets JSON.
     */
    static boolean asksForHtml(List<MediaType> acceptable) {
        double html = 0;
        double json = 0;
        int htmlSpecificity = -1;
        int jsonSpecificity = -1;
        for (MediaType range : acceptable) {
            double q = quality(range);
            int specificity = (range.isWildcardType() ? 0 : 1) + (range.isWildcardSubtype() ? 0 : 1);
            if (range.isCompatible(MediaType.TEXT_HTML_TYPE) && specificity > htmlSpecificity) {
                htmlSpecificity = specificity;
                html = specificity == 0 ? 0 : q; // a bare wildcard is no request for HTML
            }
            if (range.isCompatible(MediaType.APPLICATION_JSON_TYPE) && specificity > jsonSpecificity) {
                jsonSpecificity = specificity;
                json = q;
            }
        }
        return html > 0 && html > json;
    }

    private static double quality(MediaType range) {
        String q = range.getParameters().get("q");
        if (q == null) {
            return 1;
        }
        try {
            return Double.parseDouble(q);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
