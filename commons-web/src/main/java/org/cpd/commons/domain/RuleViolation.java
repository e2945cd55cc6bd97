package org.cpd.commons.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business rule refused an action. It names the rule (a stable problem slug, listed in
 * docs/problems.md) and says why, in domain terms: the {@link Kind} says what sort of refusal it
 * is, and the API edge alone decides the HTTP status for it (commons' problem mappers).
 */
public class RuleViolation extends RuntimeException {

    /** What sort of refusal: the edge maps each to one status. */
    public enum Kind {
        /** The request contradicts a rule about its own content. */
        INVALID,
        /** The request is well-formed but the current state forbids it (a lifecycle, a capacity, a duplicate). */
        CONFLICT,
        /** Well-formed and consistent with the state, yet it cannot be carried out as asked. */
        UNPROCESSABLE,
        /** Nothing the caller may see answers to that id (hiding what exists from those who may not see it). */
        NOT_FOUND,
        /** The caller is known to see the thing but may not do this to it. */
        FORBIDDEN,
        /** The content is larger than the rule allows. */
        TOO_LARGE,
        /** The content is of a kind the rule does not accept. */
        UNSUPPORTED_CONTENT,
        /** A change to a shared document that does not say which version it was made against. */
        PRECONDITION_REQUIRED,
        /** A change made against a version that is no longer current. */
        STALE
    }

    private final Kind kind;
    private final String slug;
    private final String field;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    protected RuleViolation(Kind kind, String slug, String detail, String field) {
        super(detail, null, false, false); // an expected outcome: no stack trace to fill
        this.kind = kind;
        this.slug = slug;
        this.field = field;
    }

    public static RuleViolation of(Kind kind, String slug, String detail) {
        return new RuleViolation(kind, slug, detail, null);
    }

    public static RuleViolation conflict(String slug, String detail) {
        return of(Kind.CONFLICT, slug, detail);
    }

    public static RuleViolation invalid(String slug, String detail) {
        return of(Kind.INVALID, slug, detail);
    }

    /** One input field breaks a rule; reported like a validation error on that field. */
    public static RuleViolation invalidField(String field, String message) {
        return new RuleViolation(Kind.INVALID, "validation-failed", message, field);
    }

    public static RuleViolation unprocessable(String slug, String detail) {
        return of(Kind.UNPROCESSABLE, slug, detail);
    }

    public static RuleViolation forbidden(String detail) {
        return of(Kind.FORBIDDEN, "forbidden", detail);
    }

    public static RuleViolation notFound(String what, Object id) {
        return of(Kind.NOT_FOUND, "not-found", "No " + what + " " + id + " that you can see");
    }

    /** Adds a member to the problem body (e.g. {@code currentVersion}), for clients that act on it. */
    public RuleViolation with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String slug() {
        return slug;
    }

    /** The input field at fault, or null when the rule is not about one field. */
    public String field() {
        return field;
    }

    public Map<String, Object> extensions() {
        return java.util.Collections.unmodifiableMap(extensions);
    }
}
