package org.cpd.gateway.openapi;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import org.cpd.gateway.config.GatewayConfig;
import org.cpd.gateway.routing.PublicBaseUrl;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Tag(name = "openapi", description = "The merged API description of the whole suite.")
public class OpenApiResource {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Inject
    MergedOpenApi merged;
    @Inject
    GatewayConfig config;

    private volatile PublicBaseUrl publicBaseUrl;

    /** The gateway's address as this caller reached it (through trusted proxies), for {@code servers}. */
    private String publicBase(HttpServerRequest request) {
        PublicBaseUrl resolver = publicBaseUrl;
        if (resolver == null) {
            resolver = new PublicBaseUrl(config.trustedProxies().orElse(List.of()), config.publicBaseUrl());
            publicBaseUrl = resolver;
        }
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        HostAndPort authority = request.authority();
        return resolver.resolve(remote, request.headers(), request.scheme(),
                authority != null ? authority.toString() : request.getHeader("Host"));
    }

    @GET
    @Path("/openapi.json")
    @Produces("application/json")
    @Operation(operationId = "getMergedOpenApiJson", summary = "Merged OpenAPI document (JSON)",
            description = "The gateway's and every service's OpenAPI documents merged into one. Components whose "
                    + "names clash with different content are prefixed with the service name. When a service is "
                    + "down, its paths are missing and `x-cpd-warnings` says so. Open: no token needed.")
    @APIResponse(responseCode = "200", description = "The merged document.",
            content = @Content(mediaType = "application/json"))
    public Uni<Response> json(@Context HttpServerRequest request) {
        return merged.document(publicBase(request)).map(doc -> Response.ok(doc.toString(), "application/json").build());
    }

    @GET
    @Path("/openapi.yaml")
    @Produces("application/yaml")
    @Operation(operationId = "getMergedOpenApiYaml", summary = "Merged OpenAPI document (YAML)",
            description = "The same document as /api/v1/openapi.json, in YAML. Open: no token needed.")
    @APIResponse(responseCode = "200", description = "The merged document.",
            content = @Content(mediaType = "application/yaml"))
    public Uni<Response> yaml(@Context HttpServerRequest request) {
        return merged.document(publicBase(request)).map(doc -> {
            try {
                return Response.ok(YAML.writeValueAsString(doc), "application/yaml").build();
            } catch (Exception e) {
                throw new IllegalStateException("YAML rendering failed", e);
            }
        });
    }
}
