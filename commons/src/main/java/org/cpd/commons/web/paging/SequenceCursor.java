package org.cpd.commons.web.paging;

import java.time.Instant;

/** Keyset position in an append-only log ordered by (time, sequence), e.g. the audit; encoded like {@link Cursor}. */
public record SequenceCursor(Instant time, long sequence) {

    public String encode() {
        return Cursor.encode(time, Long.toString(sequence));
    }

    public static SequenceCursor decode(String value) {
        return Cursor.decode(value, (time, key) -> {
            long sequence = Long.parseLong(key);
            if (sequence < 1) {
                throw new IllegalArgumentException("not a sequence");
            }
            return new SequenceCursor(time, sequence);
        });
    }
}
