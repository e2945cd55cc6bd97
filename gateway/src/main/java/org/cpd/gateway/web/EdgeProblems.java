package org.cpd.gateway.web;

import org.cpd.commons.web.Problem;

/** The problems the gateway raises itself; the slugs are listed in docs/problems.md with the services'. */
public final class EdgeProblems {

    private EdgeProblems() {
    }

    /** Same title and detail as commons-web's REST mapper, so a 401 reads alike from any layer. */
    public static Problem unauthenticated() {
        return Problem.of(401, "unauthenticated", "Authentication required")
                .detail("Send a valid bearer token from the partnership's identity provider");
    }

    public static Problem tokensUnverifiable() {
        return Problem.of(503, "service-unavailable", "Service unavailable")
                .detail("Tokens cannot be validated right now.");
    }

    public static Problem forbidden() {
        return Problem.of(403, "forbidden", "Forbidden");
    }
}
