package org.cpd.directory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.cpd.commons.security.Roles;
import org.cpd.commons.web.ETags;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.commons.web.paging.PageResponses;
import org.cpd.directory.domain.WebhookDelivery;
import org.cpd.directory.domain.WebhookSubscription;
import org.cpd.directory.rest.dto.WebhookDtos.WebhookChange;
import org.cpd.directory.rest.dto.WebhookDtos.WebhookDeliveryDetail;
import org.cpd.directory.rest.dto.WebhookDtos.WebhookDeliveryPage;
import org.cpd.directory.rest.dto.WebhookDtos.WebhookDeliveryView;
import org.cpd.directory.rest.dto.WebhookDtos.WebhookInput;
import org.cpd.directory.rest.dto.WebhookDtos.WebhookPage;
import org.cpd.directory.rest.dto.WebhookDtos.WebhookView;
import org.cpd.directory.rest.dto.WebhookDtos.WebhookWithSecret;
import org.cpd.directory.service.WebhookService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks", description = "Signed event deliveries to partnerships' and schools' systems (docs/integrations.md#webhooks)")
@RolesAllowed({Roles.PARTNERSHIP_ADMIN, Roles.SCHOOL_LEAD, Roles.MIS_INTEGRATION})
public class WebhookResource {

    private static final String WHO = "A partnership-scoped subscription is managed by the partnership's admins, a "
            + "school-scoped one by the school's leads and MIS clients; anyone else gets 404.";

    @Inject
    WebhookService service;

    @Context
    UriInfo uriInfo;

    @POST
    @Operation(operationId = "createWebhook", summary = "Register a webhook subscription",
            description = WHO + " The URL is https (http only for an allow-listed host) with a public host; each refusal "
                    + "is a 422 of its own (webhook-url-*, webhook-host-*); an event type not published on the directory or "
                    + "relationships topic is 422 unknown-event-type. The answer carries the signing secret, this once. Audited.")
    @APIResponse(responseCode = "201", description = "Registered; the secret is shown only here", content = @Content(
            schema = @Schema(implementation = WebhookWithSecret.class),
            examples = @ExampleObject(name = "webhook", value = Examples.WEBHOOK_WITH_SECRET)))
    @APIResponse(responseCode = "404", description = "No such partnership or school, or not one the caller manages",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = "The URL or an event type is refused",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response create(@NotNull @Valid WebhookInput input) {
        WebhookService.WithSecret created = service.register(input.registration());
        return Responses.created(uriInfo, "webhooks", created.subscription().id, created.subscription(),
                WebhookWithSecret.from(created));
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List webhook subscriptions",
            description = "The subscriptions of the caller's own partnerships (admins) and schools (leads, MIS clients). "
                    + "Cursor-paged, oldest change first.")
    @APIResponse(responseCode = "200", description = "A page of subscriptions", content = @Content(
            schema = @Schema(implementation = WebhookPage.class),
            examples = @ExampleObject(name = "page", value = Examples.WEBHOOK_PAGE)))
    public Response list(@BeanParam PageRequest page) {
        return PageResponses.ok(uriInfo, service.list(page), WebhookView::from);
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "Read a webhook subscription",
            description = WHO + " Never shows the secret. Its ETag is the version to send as If-Match when changing it.")
    @APIResponse(responseCode = "200", description = "The subscription, with its ETag", content = @Content(
            schema = @Schema(implementation = WebhookView.class), examples = @ExampleObject(name = "webhook", value = Examples.WEBHOOK)))
    public Response get(@PathParam("id") UUID id) {
        WebhookSubscription s = service.get(id);
        return Responses.ok(s, WebhookView.from(s));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "updateWebhook", summary = "Change a webhook subscription",
            description = WHO + " Requires If-Match. The URL and event types are checked as on registration. Audited.")
    @APIResponse(responseCode = "200", description = "Changed", content = @Content(
            schema = @Schema(implementation = WebhookView.class), examples = @ExampleObject(name = "webhook", value = Examples.WEBHOOK)))
    @APIResponse(responseCode = "422", description = "The URL or an event type is refused",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "Problem")))
    public Response update(@PathParam("id") UUID id,
                           @Parameter(description = "ETag of the version being changed") @HeaderParam("If-Match") String ifMatch,
                           @NotNull @Valid WebhookChange input) {
        WebhookSubscription s = service.change(id, ifMatch, input.change());
        return Responses.ok(s, WebhookView.from(s));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook subscription",
            description = WHO + " Its deliveries and their attempts go with it. Audited.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/secret")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a webhook subscription's secret",
            description = WHO + " Answers the new secret, this once. For the grace period (cpd.webhooks.secret-grace-period, "
                    + "24 h by default) deliveries carry two signatures, by the new and the previous secret; then the new one "
                    + "only. Audited.")
    @APIResponse(responseCode = "200", description = "The new secret", content = @Content(
            schema = @Schema(implementation = WebhookWithSecret.class),
            examples = @ExampleObject(name = "webhook", value = Examples.WEBHOOK_WITH_SECRET)))
    public Response rotate(@PathParam("id") UUID id) {
        WebhookService.WithSecret rotated = service.rotateSecret(id);
        return Response.ok(WebhookWithSecret.from(rotated)).header("ETag", ETags.of(rotated.subscription())).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "List a subscription's deliveries",
            description = WHO + " Cursor-paged, oldest change first.")
    @APIResponse(responseCode = "200", description = "A page of deliveries", content = @Content(
            schema = @Schema(implementation = WebhookDeliveryPage.class),
            examples = @ExampleObject(name = "page", value = Examples.WEBHOOK_DELIVERY_PAGE)))
    public Response deliveries(@PathParam("id") UUID id, @BeanParam PageRequest page) {
        return PageResponses.ok(uriInfo, service.deliveries(id, page), WebhookDeliveryView::from);
    }

    @GET
    @Path("{id}/deliveries/{deliveryId}")
    @Operation(operationId = "getWebhookDelivery", summary = "Read a delivery and its attempts",
            description = WHO + " The body as sent and each attempt: when, the status code or error, how long it took.")
    @APIResponse(responseCode = "200", description = "The delivery", content = @Content(
            schema = @Schema(implementation = WebhookDeliveryDetail.class),
            examples = @ExampleObject(name = "delivery", value = Examples.WEBHOOK_DELIVERY_DETAIL)))
    public Response delivery(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        WebhookService.DeliveryWithAttempts d = service.delivery(id, deliveryId);
        return Responses.ok(d.delivery(), WebhookDeliveryDetail.from(d));
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/replay")
    @Operation(operationId = "replayWebhookDelivery", summary = "Send a delivery again",
            description = WHO + " Delivered, failed or pending: the dispatcher sends it again as soon as it runs, a new "
                    + "attempt with the same webhook-id and body (signed anew), with a fresh retry schedule.")
    @APIResponse(responseCode = "202", description = "Queued to be sent again", content = @Content(
            schema = @Schema(implementation = WebhookDeliveryView.class),
            examples = @ExampleObject(name = "delivery", value = Examples.WEBHOOK_DELIVERY)))
    public Response replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        WebhookDelivery d = service.replay(id, deliveryId);
        return Response.accepted(WebhookDeliveryView.from(d)).header("ETag", ETags.of(d)).build();
    }
}
