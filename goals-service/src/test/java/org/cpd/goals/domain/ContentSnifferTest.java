package org.cpd.goals.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentSnifferTest {

    static final byte[] PDF = "%PDF-1.7\n%...".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
    static final byte[] HEIC = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0};
    static final byte[] SCRIPT = "#!/bin/sh\nrm -rf /".getBytes(StandardCharsets.US_ASCII);

    @Test
    void recognisesAllowedTypesByTheirBytes() {
        assertThat(ContentSniffer.sniff(PDF, PDF.length)).contains("application/pdf");
        assertThat(ContentSniffer.sniff(PNG, PNG.length)).contains("image/png");
        assertThat(ContentSniffer.sniff(JPEG, JPEG.length)).contains("image/jpeg");
        assertThat(ContentSniffer.sniff(HEIC, HEIC.length)).contains("image/heic");
    }

    @Test
    void refusesBytesOfAnUnknownType() {
        assertThat(ContentSniffer.accept("application/pdf", SCRIPT, SCRIPT.length)).isEmpty();
        assertThat(ContentSniffer.accept(null, new byte[0], 0)).isEmpty();
    }

    @Test
    void refusesAHeaderThatContradictsTheBytes() {
        assertThat(ContentSniffer.accept("image/png", PDF, PDF.length)).isEmpty();
    }

    @Test
    void trustsTheBytesWhenTheHeaderIsGeneric() {
        assertThat(ContentSniffer.accept("application/octet-stream", PNG, PNG.length)).contains("image/png");
        assertThat(ContentSniffer.accept("image/jpg", JPEG, JPEG.length)).contains("image/jpeg");
        assertThat(ContentSniffer.accept("application/pdf; name=x.pdf", PDF, PDF.length)).contains("application/pdf");
    }
}
