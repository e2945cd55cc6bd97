package org.cpd.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signed access tokens shaped like the `cpd` realm's (roles in realm_access.roles, cpd claims). */
public final class Tokens {

    private Tokens() {
    }

    public static String practitioner(UUID practitionerId, String... schoolUrns) {
        return builder().roles("practitioner").practitioner(practitionerId).schools(schoolUrns).build();
    }

    public static String schoolLead(UUID practitionerId, String... schoolUrns) {
        return builder().roles("school-lead", "practitioner").practitioner(practitionerId).schools(schoolUrns).build();
    }

    public static String admin(UUID partnershipId) {
        return builder().roles("partnership-admin").partnerships(partnershipId).build();
    }

    public static String mis(String... schoolUrns) {
        return builder().roles("mis-integration").client("mis-" + String.join("-", schoolUrns)).schools(schoolUrns).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same token with one character of its signature changed: its claims intact, its signature no longer valid. */
    public static String withAlteredSignature(String token) {
        int at = token.lastIndexOf('.') + 20;
        return token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    /** When the token expires (its {@code exp} claim). */
    public static Instant expiry(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)").matcher(claims);
        if (!m.find()) {
            throw new IllegalArgumentException("The token has no exp claim");
        }
        return Instant.ofEpochSecond(Long.parseLong(m.group(1)));
    }

    /** Waits until the token has been expired for {@code margin}. */
    public static void awaitExpiry(String token, Duration margin) throws InterruptedException {
        Instant after = expiry(token).plus(margin);
        while (!Instant.now().isAfter(after)) {
            Thread.sleep(200);
        }
    }

    public static final class Builder {
        private String subject = UUID.randomUUID().toString();
        private final Set<String> roles = new LinkedHashSet<>();
        private UUID practitionerId;
        private List<String> schools = List.of();
        private List<String> partnerships = List.of();
        private String client = "cpd-portal";
        private String issuer = OidcResource.ISSUER;
        private String audience = OidcResource.AUDIENCE;
        private long expiresInSeconds = 300;

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder roles(String... roles) {
            this.roles.addAll(Arrays.asList(roles));
            return this;
        }

        public Builder practitioner(UUID id) {
            this.practitionerId = id;
            return this;
        }

        public Builder schools(String... urns) {
            this.schools = List.of(urns);
            return this;
        }

        public Builder partnerships(UUID... ids) {
            this.partnerships = Arrays.stream(ids).map(UUID::toString).toList();
            return this;
        }

        public Builder client(String clientId) {
            this.client = clientId;
            return this;
        }

        /** For tests of refusal: a token from another issuer. */
        public Builder issuer(String issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        public Builder expiresInSeconds(long seconds) {
            this.expiresInSeconds = seconds;
            return this;
        }

        public String build() {
            JwtClaimsBuilder claims = Jwt.issuer(issuer)
                    .subject(subject)
                    .audience(audience)
                    .claim("azp", client)
                    .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                    .claim("school_urns", schools)
                    .claim("partnership_ids", partnerships)
                    .issuedAt(System.currentTimeMillis() / 1000 - 5)
                    .expiresAt(System.currentTimeMillis() / 1000 + expiresInSeconds);
            if (practitionerId != null) {
                claims.claim("practitioner_id", practitionerId.toString());
                claims.preferredUserName("practitioner-" + practitionerId);
            }
            return claims.jws().keyId("test").sign(OidcResource.KEYS.getPrivate());
        }
    }
}
