package org.cpd.goals.domain;

/**
 * A domain rule refused a change. Carries the HTTP status and problem slug the API reports, so the
 * rule and its error stay together; the API layer turns it into a problem response.
 */
public class RuleViolation extends RuntimeException {
    private final int status;
    private final String slug;

    public RuleViolation(int status, String slug, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
    }

    public static RuleViolation conflict(String slug, String detail) {
        return new RuleViolation(409, slug, detail);
    }

    public static RuleViolation badRequest(String slug, String detail) {
        return new RuleViolation(400, slug, detail);
    }

    public static RuleViolation unprocessable(String slug, String detail) {
        return new RuleViolation(422, slug, detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }
}
