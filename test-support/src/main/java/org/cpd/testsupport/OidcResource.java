package org.cpd.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * Real token validation without an identity server: tests sign RS256 tokens with a key made per
 * test JVM ({@link Tokens}); quarkus-oidc verifies signature, issuer, audience and expiry with the
 * public half. The end-to-end suite uses real Keycloak instead.
 */
public class OidcResource implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://idp.test/realms/cpd";
    public static final String AUDIENCE = "cpd-api";

    static final KeyPair KEYS = generate();

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "",
                "quarkus.oidc.discovery-enabled", "false",
                "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER,
                "quarkus.oidc.token.audience", AUDIENCE);
    }

    @Override
    public void stop() {
        // nothing to stop
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
