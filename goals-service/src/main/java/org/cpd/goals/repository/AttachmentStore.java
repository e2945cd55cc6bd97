package org.cpd.goals.repository;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where attachment bytes live, behind one interface so the storage can change (ADR 0031).
 * Both methods stream: neither ever holds a whole file in memory. Both run in the caller's
 * transaction, so a failed upload leaves nothing behind.
 */
public interface AttachmentStore {

    /** What was stored: the reference to read it back, its size and SHA-256 (lower-case hex). */
    record Stored(long ref, long size, String sha256) {
    }

    /**
     * Stores everything {@code in} yields.
     *
     * @throws TooLargeException once more than {@code maxBytes} were read (the caller's rollback removes the partial object)
     */
    Stored store(InputStream in, long maxBytes) throws IOException;

    void copyTo(long ref, OutputStream out) throws IOException;

    void delete(long ref);

    /** The stream held more bytes than allowed. */
    class TooLargeException extends IOException {
        public TooLargeException(long maxBytes) {
            super("More than " + maxBytes + " bytes");
        }
    }
}
