package org.cpd.directory.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;

/**
 * Decodes a staff file as UTF-8, reading any byte that does not start a valid UTF-8 sequence as
 * Windows-1252 instead: MIS exports are one or the other (Excel on Windows saves 1252), and valid
 * multi-byte UTF-8 practically never occurs in 1252 text. A leading UTF-8 byte-order mark is skipped.
 * Streams: holds at most four bytes of lookahead.
 */
final class Utf8OrWindows1252Reader extends Reader {

    private static final char[] WINDOWS_1252 = Charset.forName("windows-1252")
            .decode(ByteBuffer.wrap(allBytes())).array();

    private final PushbackInputStream in;
    private int pendingLowSurrogate = -1;
    private boolean started;

    Utf8OrWindows1252Reader(InputStream in) {
        this.in = new PushbackInputStream(new BufferedInputStream(in, 64 * 1024), 4);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n = 0;
        while (n < length) {
            int c = next();
            if (c < 0) {
                return n == 0 ? -1 : n;
            }
            buffer[offset + n++] = (char) c;
            if (in.available() == 0 && pendingLowSurrogate < 0) {
                break; // hand over what is decoded rather than wait for more of a slow upload
            }
        }
        return n;
    }

    private int next() throws IOException {
        if (pendingLowSurrogate >= 0) {
            int low = pendingLowSurrogate;
            pendingLowSurrogate = -1;
            return low;
        }
        int b = in.read();
        if (!started) {
            started = true;
            if (b == 0xEF && skipRestOfBom()) {
                b = in.read();
            }
        }
        if (b < 0x80) {
            return b; // ASCII, or -1 at the end
        }
        int length = b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
        if (length == 0) {
            return WINDOWS_1252[b];
        }
        byte[] rest = new byte[length - 1];
        int got = 0;
        while (got < rest.length) {
            int r = in.read();
            if (r < 0) {
                break;
            }
            rest[got++] = (byte) r;
            if ((r & 0xC0) != 0x80) {
                break;
            }
        }
        int codePoint = b & (0xFF >> (length + 1));
        boolean valid = got == rest.length;
        for (int i = 0; valid && i < rest.length; i++) {
            if ((rest[i] & 0xC0) != 0x80) {
                valid = false;
            } else {
                codePoint = (codePoint << 6) | (rest[i] & 0x3F);
            }
        }
        valid = valid && codePoint >= (length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000)
                && codePoint <= 0x10FFFF && (codePoint < 0xD800 || codePoint > 0xDFFF);
        if (!valid) {
            in.unread(rest, 0, got); // only the first byte is read as 1252; the rest are decoded afresh
            return WINDOWS_1252[b];
        }
        if (codePoint >= 0x10000) {
            pendingLowSurrogate = Character.lowSurrogate(codePoint);
            return Character.highSurrogate(codePoint);
        }
        return codePoint;
    }

    private boolean skipRestOfBom() throws IOException {
        int second = in.read();
        int third = second < 0 ? -1 : in.read();
        if (second == 0xBB && third == 0xBF) {
            return true;
        }
        if (third >= 0) {
            in.unread(third);
        }
        if (second >= 0) {
            in.unread(second);
        }
        return false;
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
