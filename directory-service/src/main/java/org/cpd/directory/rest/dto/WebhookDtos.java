package org.cpd.directory.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cpd.directory.domain.WebhookAttempt;
import org.cpd.directory.domain.WebhookDelivery;
import org.cpd.directory.domain.WebhookDeliveryStatus;
import org.cpd.directory.domain.WebhookSubscription;
import org.cpd.directory.service.WebhookService;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(name = "WebhookInput", description = "A webhook subscription to register: for a partnership (partnershipId) or a "
            + "school (schoolUrn), not both.")
    public record WebhookInput(
            @NotBlank @Size(max = 2048) @Schema(description = "https URL of the receiver; no user info, no fragment, a public host",
                    examples = "https://mis.example.org/cpd/webhooks") String url,
            @NotEmpty @Size(max = 50) @Schema(description = "CloudEvent types to receive (docs/events.md)",
                    examples = "[\"cpd.directory.practitioner-registered.v2\"]") List<@NotBlank @Size(max = 200) String> eventTypes,
            UUID partnershipId,
            @Pattern(regexp = "[0-9]{6}") @Schema(examples = "100001") String schoolUrn,
            @Size(max = 500) String description) {

        public WebhookService.Registration registration() {
            return new WebhookService.Registration(url, eventTypes, partnershipId, schoolUrn, description);
        }
    }

    @Schema(name = "WebhookChange", description = "The new state of a webhook subscription; its scope stays.")
    public record WebhookChange(
            @NotBlank @Size(max = 2048) @Schema(examples = "https://mis.example.org/cpd/webhooks") String url,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 200) String> eventTypes,
            @Size(max = 500) String description,
            @Schema(description = "false pauses deliveries (they wait), true resumes them; absent keeps it") Boolean active) {

        public WebhookService.Change change() {
            return new WebhookService.Change(url, eventTypes, description, active);
        }
    }

    @Schema(name = "Webhook", description = "A webhook subscription. Its secret is shown only when created or rotated.")
    public record WebhookView(UUID id, String url, List<String> eventTypes, UUID partnershipId, String schoolUrn,
                              String description, boolean active, String deliveriesHref, Instant createdAt, Instant updatedAt) {
        public static WebhookView from(WebhookSubscription s) {
            return new WebhookView(s.id, s.url, s.eventTypeList(), s.partnershipId, s.schoolUrn, s.description, s.active,
                    "/api/v1/webhooks/" + s.id + "/deliveries", s.createdAt, s.updatedAt);
        }
    }

    @Schema(name = "WebhookWithSecret", description = "A webhook subscription with its signing secret, shown this once: "
            + "keep it to verify the webhook-signature header (Standard Webhooks).")
    public record WebhookWithSecret(UUID id, String url, List<String> eventTypes, UUID partnershipId, String schoolUrn,
                                    String description, boolean active, String deliveriesHref,
                                    @Schema(description = "whsec_ followed by the base64 of the key", examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                                    String secret,
                                    @Schema(description = "After a rotation: until when the previous secret still signs too")
                                    @JsonInclude(JsonInclude.Include.NON_NULL) Instant previousSecretExpiresAt,
                                    Instant createdAt, Instant updatedAt) {
        public static WebhookWithSecret from(WebhookService.WithSecret w) {
            WebhookSubscription s = w.subscription();
            return new WebhookWithSecret(s.id, s.url, s.eventTypeList(), s.partnershipId, s.schoolUrn, s.description, s.active,
                    "/api/v1/webhooks/" + s.id + "/deliveries", w.secret(), s.previousSecretUntil, s.createdAt, s.updatedAt);
        }
    }

    public record WebhookPage(List<WebhookView> items, String nextCursor) {
    }

    @Schema(name = "WebhookDelivery", description = "One event sent (or to send) to a subscription. webhookId is the "
            + "webhook-id header, the same on every retry and replay.")
    public record WebhookDeliveryView(UUID id, String webhookId, String eventId, String eventType, WebhookDeliveryStatus status,
                                      int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
                                      Instant deliveredAt, Instant createdAt, Instant updatedAt) {
        public static WebhookDeliveryView from(WebhookDelivery d) {
            return new WebhookDeliveryView(d.id, d.webhookId(), d.eventId, d.eventType, d.status, d.attempts, d.nextAttemptAt,
                    d.lastStatus, d.lastError, d.deliveredAt, d.createdAt, d.updatedAt);
        }
    }

    public record WebhookDeliveryPage(List<WebhookDeliveryView> items, String nextCursor) {
    }

    @Schema(name = "WebhookAttempt", description = "One sending of a delivery: the receiver's status code, or the error "
            + "(timeout, refused connection, a host no longer allowed).")
    public record WebhookAttemptView(Instant attemptedAt, Integer statusCode, String error, long durationMs) {
        public static WebhookAttemptView from(WebhookAttempt a) {
            return new WebhookAttemptView(a.attemptedAt, a.statusCode, a.error, a.durationMs);
        }
    }

    @Schema(name = "WebhookDeliveryDetail", description = "A delivery, the body sent and its most recent attempts, oldest first.")
    public record WebhookDeliveryDetail(@NotNull WebhookDeliveryView delivery,
                                        @Schema(description = "The CloudEvent (structured JSON) exactly as signed and sent") String body,
                                        List<WebhookAttemptView> attempts) {
        public static WebhookDeliveryDetail from(WebhookService.DeliveryWithAttempts d) {
            return new WebhookDeliveryDetail(WebhookDeliveryView.from(d.delivery()), d.delivery().body,
                    d.attempts().stream().map(WebhookAttemptView::from).toList());
        }
    }
}
