package org.cpd.commons.web.audit;

import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cpd.commons.web.InputBounds;
import org.cpd.commons.web.Problem;
import org.cpd.commons.web.Problems;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The audit's filters ({@code @BeanParam AuditFilters filters}), one definition for every service's
 * {@code GET /api/v1/audit} and the gateway's merge of them: same names, documents and checks.
 */
public class AuditFilters {

    public static final int MAX_ACTOR_LENGTH = 255;

    /** The filters once checked; null leaves one out. {@code ownView}: {@code subject=me}. */
    public record Checked(boolean ownView, UUID subjectPerson, String actor, String resourceType, String action,
                          Instant from, Instant to) {
    }

    @QueryParam("subject")
    @Parameter(description = "Only entries about this practitioner (their id), or `me`: the entries about the caller's own records.",
            schema = @Schema(maxLength = 36, pattern = "^(me|[0-9a-fA-F-]{36})$"))
    String subject;

    @QueryParam("actor")
    @Parameter(description = "Only entries by this caller: their principal name (as in `actor`) or practitioner id.",
            schema = @Schema(maxLength = MAX_ACTOR_LENGTH))
    String actor;

    @QueryParam("resourceType")
    @Parameter(description = "Only this kind of record.", schema = @Schema(enumeration = {
            "practitioner", "line-management", "cpd-record", "appointment", "account", "staff",
            "relationship", "conversation", "partnership-setting", "goal", "evidence", "attachment", "portfolio", "audit-entry", "webhook"}))
    String resourceType;

    @QueryParam("action")
    @Parameter(description = "Only this action.", schema = @Schema(enumeration = {
            "read", "create", "update", "delete", "deactivate", "appoint", "end", "resend-invitation",
            "reconcile", "import", "revise", "status", "attach", "review", "link", "override-conflict-of-interest",
            "export", "erase", "merge", "rotate-secret"}))
    String action;

    @QueryParam("from")
    @Parameter(description = "Only entries at or after this instant (ISO-8601).", schema = @Schema(format = "date-time"))
    String from;

    @QueryParam("to")
    @Parameter(description = "Only entries before this instant (ISO-8601).", schema = @Schema(format = "date-time"))
    String to;

    public AuditFilters() {
    }

    /** The filters as given, for passing on unchanged (the gateway to the services); absent ones left out. */
    public java.util.Map<String, String> given() {
        java.util.Map<String, String> given = new java.util.LinkedHashMap<>();
        put(given, "subject", subject);
        put(given, "actor", actor);
        put(given, "resourceType", resourceType);
        put(given, "action", action);
        put(given, "from", from);
        put(given, "to", to);
        return given;
    }

    /** Every filter checked up front, each bad one named in one 400. */
    public Checked check() {
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
        if (trimmed(resourceType) != null && !AuditCatalogue.RESOURCE_TYPES.contains(trimmed(resourceType))) {
            errors.add(new Problem.FieldError("resourceType", "is not a resource type the audit records"));
        }
        if (trimmed(action) != null && !AuditCatalogue.ACTIONS.contains(trimmed(action))) {
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
        return new Checked(ownView, subjectPerson, trimmed(actor), trimmed(resourceType), trimmed(action), fromTime, toTime);
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

    private static void put(java.util.Map<String, String> map, String name, String value) {
        if (value != null && !value.isBlank()) {
            map.put(name, value);
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
