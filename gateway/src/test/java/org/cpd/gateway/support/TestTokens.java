package org.cpd.gateway.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import org.eclipse.microprofile.config.ConfigProvider;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Tokens shaped like the cpd realm's, signed with the test OIDC stub's key. */
public final class TestTokens {

    public static final String TEACHER = "30000000-0000-4000-8000-000000000003";

    private TestTokens() {
    }

    public static String practitioner(String client, String practitionerId) {
        return builder(client, UUID.randomUUID().toString())
                .claim("practitioner_id", practitionerId)
                .claim("realm_access", Map.of("roles", List.of("practitioner")))
                .jws().keyId(GatewayTestStack.KEY_ID).sign(privateKey());
    }

    public static String teacher() {
        return practitioner("cpd-portal", TEACHER);
    }

    public static String machine(String client) {
        return builder(client, "service-account-" + client)
                .claim("realm_access", Map.of("roles", List.of("mis-integration")))
                .jws().keyId(GatewayTestStack.KEY_ID).sign(privateKey());
    }

    public static JwtClaimsBuilder builder(String client, String subject) {
        return Jwt.issuer(issuer())
                .subject(subject)
                .audience("cpd-api")
                .claim("azp", client)
                .expiresIn(600);
    }

    public static String sign(JwtClaimsBuilder builder) {
        return builder.jws().keyId(GatewayTestStack.KEY_ID).sign(privateKey());
    }

    public static String issuer() {
        return ConfigProvider.getConfig().getValue("test.oidc.issuer", String.class);
    }

    static PrivateKey privateKey() {
        try {
            byte[] der = Base64.getDecoder().decode(
                    ConfigProvider.getConfig().getValue("test.oidc.private-key", String.class));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
