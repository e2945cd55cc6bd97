package org.cpd.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;

/**
 * Adds a sign-in scheme to the served document so Swagger UI can log a person in through the portal
 * client (authorization code with PKCE, configured in Swagger UI) and send their token. It is an
 * alternative beside the bearer scheme on every operation that needs a token, so the operations keep
 * their roles under the bearer scheme. Added only where the realm's public address is configured: the
 * committed documents name no environment.
 */
final class PortalLogin {

    static final String SCHEME = "PortalLogin";
    /** How tokens are checked, in the wording of the services' bearer scheme (commons-web's contract filter). */
    private static final String CHECKS = "Tokens are checked as RFC8725 recommends: the signature against the realm's "
            + "published keys only (no `none`, no symmetric keys), issuer and expiry; tokens are short-lived.";

    private PortalLogin() {
    }

    static void add(ObjectNode merged, URI realm) {
        String issuer = realm.toString().replaceAll("/+$", "");
        ObjectNode components = merged.has("components") ? (ObjectNode) merged.get("components") : merged.putObject("components");
        ObjectNode schemes = components.has("securitySchemes") ? (ObjectNode) components.get("securitySchemes")
                : components.putObject("securitySchemes");
        ObjectNode code = schemes.putObject(SCHEME)
                .put("type", "oauth2")
                .put("description", "Sign in as a person of the cpd realm through the portal client (authorization "
                        + "code with PKCE). " + CHECKS)
                .putObject("flows").putObject("authorizationCode")
                .put("authorizationUrl", issuer + "/protocol/openid-connect/auth")
                .put("tokenUrl", issuer + "/protocol/openid-connect/token")
                .put("refreshUrl", issuer + "/protocol/openid-connect/token");
        code.putObject("scopes").put("openid", "Sign in with OpenID Connect");
        merged.path("paths").forEach(path -> path.forEach(operation -> {
            if (operation.isObject() && operation.path("security").isArray()) {
                ArrayNode security = (ArrayNode) operation.get("security");
                boolean needsToken = false;
                for (JsonNode requirement : security) {
                    needsToken |= requirement.size() > 0;
                }
                if (needsToken) {
                    security.addObject().putArray(SCHEME);
                }
            }
        }));
    }
}
