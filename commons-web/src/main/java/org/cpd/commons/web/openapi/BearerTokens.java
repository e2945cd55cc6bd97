package org.cpd.commons.web.openapi;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/** Says how bearer JWTs are checked, as OWASP's API checklist asks of a JWT security scheme. */
final class BearerTokens {

    static final String HOW = "An access token (JWT) from the cpd realm's OpenID provider. Tokens are checked as RFC8725 "
            + "recommends: the signature against the realm's published keys only (no `none`, no symmetric keys), "
            + "issuer and expiry; tokens are short-lived.";

    private BearerTokens() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSecuritySchemes() == null) {
            return;
        }
        for (SecurityScheme scheme : openAPI.getComponents().getSecuritySchemes().values()) {
            boolean jwt = "JWT".equalsIgnoreCase(scheme.getBearerFormat()) || scheme.getType() == SecurityScheme.Type.OAUTH2
                    || scheme.getType() == SecurityScheme.Type.OPENIDCONNECT;
            if (jwt && (scheme.getDescription() == null || !scheme.getDescription().contains("RFC8725"))) {
                scheme.setDescription(HOW);
            }
        }
    }
}
