package org.cpd.directory.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The staff file decoder: UTF-8, with any byte that starts no valid sequence read as Windows-1252. */
class Utf8OrWindows1252ReaderTest {

    static String decode(byte[] bytes, int chunk, int readSize) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Reader reader = new Utf8OrWindows1252Reader(new Trickle(bytes, chunk))) {
            char[] buffer = new char[readSize];
            for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
                out.append(buffer, 0, n);
            }
        }
        return out.toString();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @ParameterizedTest(name = "arriving {0} byte(s) at a time")
    @ValueSource(ints = {1, 2, 3, 7, 65536})
    void utf8OfEveryLengthSurvivesAnySplitOfTheUpload(int chunk) throws IOException {
        String text = "Zoë Ångström, naïve café € 漢字 🎓 end";
        assertThat(decode(text.getBytes(StandardCharsets.UTF_8), chunk, 5)).isEqualTo(text);
        assertThat(decode(text.getBytes(StandardCharsets.UTF_8), chunk, 4096)).isEqualTo(text);
    }

    @ParameterizedTest(name = "arriving {0} byte(s) at a time")
    @ValueSource(ints = {1, 3, 65536})
    void windows1252BytesAreReadAsWindows1252(int chunk) throws IOException {
        String text = "Zoë O’Brien – café €5";
        assertThat(decode(text.getBytes("windows-1252"), chunk, 4096)).isEqualTo(text);
    }

    @Test
    void aLeadingByteOrderMarkIsSkippedAndOnlyALeadingOne() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertThat(decode(concat(bom, "a,b".getBytes(StandardCharsets.UTF_8)), 1, 16)).isEqualTo("a,b");
        assertThat(decode(concat("a".getBytes(StandardCharsets.UTF_8), bom), 65536, 16)).isEqualTo("a\uFEFF");
    }

    @Test
    void aTruncatedSequenceAtTheEndIsReadAsWindows1252() throws IOException {
        byte[] euroCut = {'x', (byte) 0xE2, (byte) 0x82};
        assertThat(decode(euroCut, 65536, 16)).isEqualTo("xâ‚");
        // a lead byte followed by ASCII: the lead is 1252, the ASCII decoded afresh
        assertThat(decode(new byte[] {(byte) 0xC3, 'a'}, 1, 16)).isEqualTo("Ãa");
    }

    @Test
    void overlongAndSurrogateEncodingsAreNotUtf8() throws IOException {
        assertThat(decode(new byte[] {(byte) 0xC0, (byte) 0xAF}, 65536, 16)).isEqualTo("À¯");
        assertThat(decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 65536, 16)).isEqualTo("í\u00A0€");
    }

    @Test
    void whatHasArrivedIsHandedOverWithoutWaitingForTheRest() throws IOException {
        Trickle upload = new Trickle("staffId,trn\n".getBytes(StandardCharsets.UTF_8), 5);
        try (Reader reader = new Utf8OrWindows1252Reader(upload)) {
            char[] buffer = new char[4096];
            assertThat(reader.read(buffer, 0, buffer.length)).isEqualTo(5);
            assertThat(upload.reads).isEqualTo(1);
        }
    }

    /** An upload that hands over at most {@code chunk} bytes per read, as a slow client's body arrives. */
    static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final int chunk;
        private int position;
        int reads;

        Trickle(byte[] bytes, int chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= bytes.length) {
                return -1;
            }
            reads++;
            int n = Math.min(Math.min(len, chunk), bytes.length - position);
            System.arraycopy(bytes, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return 0; // like a network stream that cannot tell
        }
    }
}
