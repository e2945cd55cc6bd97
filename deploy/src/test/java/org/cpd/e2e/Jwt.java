package org.cpd.e2e;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads the claims of a token as a client would see them (no signature check: Keycloak issued it just now). */
final class Jwt {

    private Jwt() {
    }

    static JsonPath claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWS compact token: " + parts.length + " parts");
        }
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }
}
