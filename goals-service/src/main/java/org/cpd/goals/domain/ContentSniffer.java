package org.cpd.goals.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Recognises the allowed attachment types from their first bytes, because a client's
 * Content-Type header is only a claim. Allowed: PDF, PNG, JPEG, GIF, WebP, HEIC/HEIF (phone photos
 * of pupil work).
 */
public final class ContentSniffer {

    /** Bytes needed to recognise every allowed type. */
    public static final int PREFIX_BYTES = 16;

    private ContentSniffer() {
    }

    public static Optional<String> sniff(byte[] head, int length) {
        byte[] b = Arrays.copyOf(head, Math.max(length, 0));
        if (startsWith(b, 0, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (startsWith(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0, 'G', 'I', 'F', '8')) {
            return Optional.of("image/gif");
        }
        if (startsWith(b, 0, 'R', 'I', 'F', 'F') && startsWith(b, 8, 'W', 'E', 'B', 'P')) {
            return Optional.of("image/webp");
        }
        if (startsWith(b, 4, 'f', 't', 'y', 'p')
                && (startsWith(b, 8, 'h', 'e', 'i', 'c') || startsWith(b, 8, 'h', 'e', 'i', 'x')
                || startsWith(b, 8, 'm', 'i', 'f', '1') || startsWith(b, 8, 'h', 'e', 'v', 'c'))) {
            return Optional.of(startsWith(b, 8, 'm', 'i', 'f', '1') ? "image/heif" : "image/heic");
        }
        return Optional.empty();
    }

    /**
     * The type to store: the sniffed one, when the declared header is absent, generic, or agrees
     * with it. Empty means refuse (unknown content, or a declared type that contradicts the bytes).
     */
    public static Optional<String> accept(String declared, byte[] head, int length) {
        Optional<String> sniffed = sniff(head, length);
        if (sniffed.isEmpty()) {
            return Optional.empty();
        }
        String d = declared == null ? "" : declared.split(";")[0].trim().toLowerCase();
        if (d.isEmpty() || d.equals("application/octet-stream") || d.equals(sniffed.get())
                || (d.equals("image/jpg") && sniffed.get().equals("image/jpeg"))
                || (d.startsWith("image/hei") && sniffed.get().startsWith("image/hei"))) {
            return sniffed;
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int offset, int... expected) {
        if (b.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((b[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
