package org.cpd.gateway.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cpd.commons.web.Problems;

/**
 * Where the merged audit stands in each service's log: the service's own cursor of the page being read
 * and how many of that page's entries were already given out ({@code skip}), or {@code done}. Opaque to
 * clients (base64url JSON); no service cursor is ever decoded here, so each service keeps its format.
 */
record CompositeCursor(Map<String, Position> positions) {

    record Position(String cursor, int skip, boolean done) {
        static final Position START = new Position(null, 0, false);
    }

    /** Room for a few services' own cursors (each at most a few hundred characters). */
    static final int MAX_LENGTH = 2048;
    private static final TypeReference<Map<String, Position>> TYPE = new TypeReference<>() {
    };

    Position of(String service) {
        return positions.getOrDefault(service, Position.START);
    }

    String encode(ObjectMapper mapper) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mapper.writeValueAsBytes(positions));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static CompositeCursor start() {
        return new CompositeCursor(Map.of());
    }

    /** The cursor a previous page gave, or a 400 naming {@code cursor}. */
    static CompositeCursor decode(String value, ObjectMapper mapper) {
        if (value == null || value.isBlank()) {
            return start();
        }
        try {
            if (value.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            Map<String, Position> positions = mapper.readValue(
                    new String(Base64.getUrlDecoder().decode(value.trim()), StandardCharsets.UTF_8), TYPE);
            for (Position p : positions.values()) {
                if (p == null || p.skip() < 0 || p.skip() > AuditComposer.MAX_LIMIT) {
                    throw new IllegalArgumentException("bad position");
                }
            }
            return new CompositeCursor(new LinkedHashMap<>(positions));
        } catch (Exception e) {
            throw Problems.invalidField("cursor", "is not a cursor this API issued");
        }
    }
}
