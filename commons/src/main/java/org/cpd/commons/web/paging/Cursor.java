package org.cpd.commons.web.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.function.BiFunction;
import org.cpd.commons.web.InputBounds;
import org.cpd.commons.web.Problems;

/** Opaque keyset position: the (updatedAt, id) of the last item of a page, base64url encoded. */
public record Cursor(Instant updatedAt, UUID id) {

    public String encode() {
        return encode(updatedAt, id.toString());
    }

    /** Longer than any cursor {@link #encode} makes (an instant of at most 30 characters, a bar and a UUID). */
    static final int MAX_LENGTH = 128;

    public static Cursor decode(String value) {
        return decode(value, (time, key) -> new Cursor(time, UUID.fromString(key)));
    }

    /** A position of (time, key): the one encoding for every keyset cursor, whatever its key. */
    static String encode(Instant time, String key) {
        String raw = time.toString() + "|" + key;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a position {@link #encode(Instant, String)} made; anything else is a 400 naming {@code cursor}. */
    static <C> C decode(String value, BiFunction<Instant, String, C> reader) {
        Instant time;
        C cursor;
        try {
            if (value.length() > MAX_LENGTH) {
                throw new IllegalArgumentException("too long");
            }
            String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            time = Instant.parse(raw.substring(0, bar));
            cursor = reader.apply(time, raw.substring(bar + 1));
        } catch (RuntimeException e) {
            throw Problems.invalidField("cursor", "is not a cursor this API issued");
        }
        if (!InputBounds.storable(time)) {
            throw Problems.invalidField("cursor", "is not a cursor this API issued");
        }
        return cursor;
    }
}
