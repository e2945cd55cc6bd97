package org.cpd.gateway;

import io.vertx.core.MultiMap;
import org.cpd.gateway.routing.PublicBaseUrl;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PublicBaseUrlTest {

    private static final MultiMap FORWARDED = MultiMap.caseInsensitiveMultiMap()
            .add("X-Forwarded-Proto", "https").add("X-Forwarded-Host", "evil.example.com");

    @Test
    void believesForwardedHeadersOnlyFromATrustedProxy() {
        PublicBaseUrl base = new PublicBaseUrl(List.of("10.0.0.0/8"), Optional.empty());

        assertThat(base.resolve("10.1.2.3", FORWARDED, "http", "gateway:8080")).isEqualTo("https://evil.example.com");
        assertThat(base.resolve("192.0.2.9", FORWARDED, "http", "gateway:8080")).isEqualTo("http://gateway:8080");
    }

    @Test
    void usesTheConfiguredAddressWhenNoTrustedProxySaysOtherwise() {
        PublicBaseUrl base = new PublicBaseUrl(List.of(), Optional.of(URI.create("https://api.example.org/")));

        assertThat(base.resolve("192.0.2.9", FORWARDED, "http", "gateway:8080")).isEqualTo("https://api.example.org");
        assertThat(base.resolve("192.0.2.9", MultiMap.caseInsensitiveMultiMap(), "http", "gateway:8080"))
                .isEqualTo("https://api.example.org");
    }

    @Test
    void addsANonDefaultForwardedPortAndIgnoresAnUnsafeHost() {
        PublicBaseUrl base = new PublicBaseUrl(List.of("127.0.0.1", "::1"), Optional.empty());
        MultiMap withPort = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-Host", "api.example.org")
                .add("X-Forwarded-Port", "8443").add("X-Forwarded-Proto", "https");
        MultiMap unsafe = MultiMap.caseInsensitiveMultiMap().add("X-Forwarded-Host", "a.org/<script>");

        assertThat(base.resolve("127.0.0.1", withPort, "http", "localhost")).isEqualTo("https://api.example.org:8443");
        assertThat(base.resolve("0:0:0:0:0:0:0:1", unsafe, "http", "localhost:8080")).isEqualTo("http://localhost:8080");
    }
}
