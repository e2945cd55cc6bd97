package org.cpd.commons.web;

import org.cpd.commons.domain.RuleViolation;
import org.cpd.commons.domain.Versioned;

/**
 * Strong ETags from the entity version, and the If-Match guard for updates of shared documents.
 * The guard raises a {@link RuleViolation}, so the service layer may call it under its row lock.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(Versioned entity) {
        return of(entity.currentVersion());
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * 428 when the header is missing, 412 when it names another version. {@code *} matches any.
     * A concurrent writer that passes this check at the same time is stopped by the version column.
     */
    public static void requireMatch(String ifMatch, Versioned entity) {
        requireMatch(ifMatch, entity.currentVersion());
    }

    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw RuleViolation.of(RuleViolation.Kind.PRECONDITION_REQUIRED, "precondition-required",
                    "Send the ETag you read as If-Match so concurrent edits are not lost");
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw RuleViolation.of(RuleViolation.Kind.STALE, "precondition-failed",
                "If-Match " + ifMatch + " is not the current version " + current + ": read it again")
                .with("currentETag", current);
    }
}
