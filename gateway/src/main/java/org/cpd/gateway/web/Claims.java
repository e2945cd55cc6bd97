package org.cpd.gateway.web;

import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** String claims read the same way whether the JWT library hands back a String or a JsonString. */
public final class Claims {

    private Claims() {
    }

    public static String string(JsonWebToken jwt, String name) {
        Object v = jwt.getClaim(name);
        if (v instanceof JsonString s) {
            v = s.getString();
        }
        if (v == null) {
            return null;
        }
        String s = v.toString();
        return s.isBlank() ? null : s;
    }
}
