package org.cpd.commons.web.audit;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.audit.AuditCatalogue;
import org.cpd.commons.audit.AuditTrail;
import org.cpd.commons.web.InputBounds;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.Problems;
import org.cpd.commons.web.paging.PageRequest;
import org.cpd.commons.web.paging.PageResponses;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The service's own audit entries, one resource for every service (the query is commons' {@link AuditTrail});
 * the gateway merges the three services' pages into the one {@code /api/v1/audit} clients call.
 */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read or changed protected data (append-only)")
@Authenticated
public class AuditResource {

    static final int MAX_ACTOR_LENGTH = 255;

    @Inject
    AuditTrail trail;

    @ConfigProperty(name = "quarkus.application.name", defaultValue = "service")
    String service;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(operationId = "listAuditEntries", summary = "Read the audit",
            description = "This service's audit entries the caller may read, oldest first in (occurredAt, sequence) order, "
                    + "cursor-paged. A partnership admin reads their partnerships' entries; `subject=me` gives anyone the "
                    + "entries about their own records (who read my notes, my private evidence); any other caller gets an "
                    + "empty page. To follow the audit (a SIEM), page with the cursor, and resume with `updatedSince` set a "
                    + "few minutes before the last entry seen, skipping sequences already seen: an entry becomes visible "
                    + "when its request's transaction commits. Reading the audit is not itself audited.")
    @APIResponse(responseCode = "200", description = "A page of audit entries",
            content = @Content(examples = @ExampleObject(name = "page", value = AuditExamples.PAGE)))
    public Response list(@BeanParam PageRequest page,
                         @Parameter(description = "Only entries about this practitioner (their id), or `me` for the caller's own.",
                                 schema = @Schema(maxLength = 36, pattern = "^(me|[0-9a-fA-F-]{36})$"))
                         @QueryParam("subject") String subject,
                         @Parameter(description = "Only entries by this caller: token subject or practitioner id.",
                                 schema = @Schema(maxLength = MAX_ACTOR_LENGTH))
                         @QueryParam("actor") String actor,
                         @Parameter(description = "Only this kind of record.", schema = @Schema(enumeration = {
                                 "practitioner", "line-management", "cpd-record", "appointment", "account", "staff",
                                 "relationship", "conversation", "partnership-setting", "goal", "evidence", "attachment",
                                 "portfolio"}))
                         @QueryParam("resourceType") String resourceType,
                         @Parameter(description = "Only this action.", schema = @Schema(enumeration = {
                                 "read", "create", "update", "delete", "deactivate", "appoint", "end", "resend-invitation",
                                 "reconcile", "import", "revise", "status", "attach", "review", "link",
                                 "override-conflict-of-interest"}))
                         @QueryParam("action") String action,
                         @Parameter(description = "Only entries at or after this instant (ISO-8601).", schema = @Schema(format = "date-time"))
                         @QueryParam("from") String from,
                         @Parameter(description = "Only entries before this instant (ISO-8601).", schema = @Schema(format = "date-time"))
                         @QueryParam("to") String to) {
        AuditTrail.Filter filter = filter(subject, actor, resourceType, action, from, to);
        return PageResponses.ok(uriInfo, trail.read(page, filter), e -> AuditEntryView.of(service, e));
    }

    /** Every filter checked up front, each bad one named in the 400. */
    static AuditTrail.Filter filter(String subject, String actor, String resourceType, String action,
                                    String from, String to) {
        List<Problem.FieldError> errors = new ArrayList<>();
        boolean ownView = "me".equals(trimmed(subject));
        UUID subjectPerson = null;
        if (!ownView && trimmed(subject) != null) {
            try {
                subjectPerson = UUID.fromString(trimmed(subject));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("subject", "must be me or a practitioner id"));
            }
        }
        if (trimmed(actor) != null && actor.length() > MAX_ACTOR_LENGTH) {
            errors.add(new Problem.FieldError("actor", "must be at most " + MAX_ACTOR_LENGTH + " characters"));
        }
        if (trimmed(resourceType) != null && !AuditCatalogue.RESOURCE_TYPES.contains(resourceType.trim())) {
            errors.add(new Problem.FieldError("resourceType", "is not a resource type the audit records"));
        }
        if (trimmed(action) != null && !AuditCatalogue.ACTIONS.contains(action.trim())) {
            errors.add(new Problem.FieldError("action", "is not an action the audit records"));
        }
        Instant fromTime = instant("from", from, errors);
        Instant toTime = instant("to", to, errors);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            errors.add(new Problem.FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return new AuditTrail.Filter(ownView, trimmed(actor), subjectPerson, trimmed(resourceType), trimmed(action),
                fromTime, toTime);
    }

    private static Instant instant(String field, String value, List<Problem.FieldError> errors) {
        if (trimmed(value) == null) {
            return null;
        }
        try {
            Instant instant = Instant.parse(value.trim());
            if (InputBounds.storable(instant)) {
                return instant;
            }
            errors.add(new Problem.FieldError(field, InputBounds.TIME_RANGE));
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO-8601 instant such as 2026-09-01T00:00:00Z"));
        }
        return null;
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
