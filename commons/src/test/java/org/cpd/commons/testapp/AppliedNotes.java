package org.cpd.commons.testapp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** When the consumer's transaction for a note committed (System.nanoTime), for the latency benchmark. */
public final class AppliedNotes {

    private static final Map<String, Long> COMMITTED_AT = new ConcurrentHashMap<>();

    private AppliedNotes() {
    }

    static void committed(String noteId) {
        if (noteId != null) {
            COMMITTED_AT.putIfAbsent(noteId, System.nanoTime());
        }
    }

    public static Long committedAt(String noteId) {
        return COMMITTED_AT.get(noteId);
    }
}
