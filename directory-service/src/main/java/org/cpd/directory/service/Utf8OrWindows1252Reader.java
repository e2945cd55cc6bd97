package org.cpd.directory.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;

/**
 * Decodes a staff file as UTF-8, reading any byte that does not start a valid UTF-8 sequence as
 * Windows-1252 instead: MIS exports are one or the other (Excel on Windows saves 1252), and valid
 * multi-byte UTF-8 practically never occurs in 1252 text. A leading UTF-8 byte-order mark is skipped.
 * Streams: decodes from a 64 KB buffer of what has arrived.
 */
final class Utf8OrWindows1252Reader extends Reader {

    private static final char[] WINDOWS_1252 = Charset.forName("windows-1252")
            .decode(ByteBuffer.wrap(allBytes())).array();

    private final InputStream in;
    // bytes arrived and not yet decoded: buffer[position, limit)
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean ended;
    private int pendingLowSurrogate = -1;
    private boolean started;

    Utf8OrWindows1252Reader(InputStream in) {
        this.in = in;
    }

    /**
     * Decodes what has arrived: it waits for the upload only when nothing is left to decode (or in the middle
     * of a character), so a slow upload is handed over as it comes.
     */
    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        int n = 0;
        if (pendingLowSurrogate >= 0) {
            chars[offset + n++] = (char) pendingLowSurrogate;
            pendingLowSurrogate = -1;
        }
        if (n == 0 && position == limit && !fill()) {
            return -1;
        }
        while (n < length && position < limit) {
            int b = buffer[position] & 0xFF;
            if (b < 0x80) { // ASCII: most of any staff file
                chars[offset + n++] = (char) b;
                position++;
                continue;
            }
            int codePoint = decodeSequence(b);
            if (codePoint >= 0x10000) {
                chars[offset + n++] = Character.highSurrogate(codePoint);
                if (n < length) {
                    chars[offset + n++] = Character.lowSurrogate(codePoint);
                } else {
                    pendingLowSurrogate = Character.lowSurrogate(codePoint);
                }
            } else {
                chars[offset + n++] = (char) codePoint;
            }
        }
        return n;
    }

    /**
     * The character that starts at {@code position} with lead byte {@code b}, which it consumes: a valid UTF-8
     * sequence, or else the lead byte alone read as Windows-1252 (the bytes after it are decoded afresh).
     */
    private int decodeSequence(int b) throws IOException {
        int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (length == 0 || !available(length)) {
            position++;
            return WINDOWS_1252[b];
        }
        int codePoint = b & (0xFF >> (length + 1));
        for (int i = 1; i < length; i++) {
            int next = buffer[position + i] & 0xFF;
            if ((next & 0xC0) != 0x80) {
                position++;
                return WINDOWS_1252[b];
            }
            codePoint = (codePoint << 6) | (next & 0x3F);
        }
        boolean valid = codePoint >= (length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000)
                && codePoint <= 0x10FFFF && (codePoint < 0xD800 || codePoint > 0xDFFF);
        if (!valid) {
            position++;
            return WINDOWS_1252[b];
        }
        position += length;
        return codePoint;
    }

    /**
     * Whether {@code count} bytes from {@code position} are in the buffer, reading more of the upload when the
     * rest of a started character is still to come; false only at the end of the upload.
     */
    private boolean available(int count) throws IOException {
        while (limit - position < count) {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                position = 0;
            }
            if (ended || !readMore()) {
                return false;
            }
        }
        return true;
    }

    /** Reads more of the upload into an empty buffer; false at its end. */
    private boolean fill() throws IOException {
        position = 0;
        limit = 0;
        return !ended && readMore();
    }

    private boolean readMore() throws IOException {
        int got = in.read(buffer, limit, buffer.length - limit);
        if (got < 0) {
            ended = true;
            return false;
        }
        limit += got;
        return true;
    }

    private void skipByteOrderMark() throws IOException {
        if (available(3) && (buffer[position] & 0xFF) == 0xEF && (buffer[position + 1] & 0xFF) == 0xBB
                && (buffer[position + 2] & 0xFF) == 0xBF) {
            position += 3;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private static byte[] allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < 256; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }
}
