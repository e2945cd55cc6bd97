package org.cpd.commons.web.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.cpd.commons.web.InputBounds;
import org.cpd.commons.web.Problems;

/** Opaque keyset position: the (updatedAt, id) of the last item of a page, base64url encoded. */
public record Cursor(Instant updatedAt, UUID id) {

    public String encode() {
        String raw = updatedAt.toString() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Longer than any cursor {@link #encode} makes (an instant of at most 30 characters, a bar and a UUID). */
    static final int MAX_LENGTH = 128;

    public static Cursor decode(String value) {
        Cursor cursor;
        try {
            if (value.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            cursor = new Cursor(Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw Problems.invalidField("cursor", "is not a cursor this API issued");
        }
        if (!InputBounds.storable(cursor.updatedAt())) {
            throw Problems.invalidField("cursor", "is not a cursor this API issued");
        }
        return cursor;
    }
}
