package org.cpd.gateway.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.cpd.testsupport.OidcResource;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Everything the gateway talks to, in the test JVM: an OIDC provider stub that publishes the signing
 * key of test-support's tokens (tokens are really signed and really validated), one WireMock server per
 * backend service, and a raw HTTP server ("probe") that streams slowly so tests can tell streaming
 * from buffering. Tests reach the stubs through the ports published as test.* config values.
 */
public class GatewayTestStack implements QuarkusTestResourceLifecycleManager {

    public static final String REALM_PATH = "/realms/cpd";
    /** The key id test-support's tokens carry. */
    public static final String KEY_ID = "test";

    private WireMockServer oidc;
    private final Map<String, WireMockServer> backends = new HashMap<>();
    private HttpServer probe;
    private ExecutorService probeThreads;

    @Override
    public Map<String, String> start() {
        try {
            Map<String, String> config = new HashMap<>();
            startOidc(config);
            for (String service : new String[]{"directory", "relationships", "goals"}) {
                WireMockServer server = new WireMockServer(options().dynamicPort().containerThreads(20).gzipDisabled(true));
                server.start();
                backends.put(service, server);
                config.put("cpd.gateway.routes." + service + ".url", server.baseUrl());
                config.put("test.backend." + service + ".port", Integer.toString(server.port()));
                // Its management interface on another address, as in prod: the merged OpenAPI is read there.
                WireMockServer management = new WireMockServer(options().dynamicPort().gzipDisabled(true));
                management.start();
                backends.put(service + "-management", management);
                config.put("cpd.gateway.routes." + service + ".management-url", management.baseUrl());
                config.put("test.backend." + service + "-management.port", Integer.toString(management.port()));
            }
            probeThreads = Executors.newCachedThreadPool();
            probe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            probe.setExecutor(probeThreads);
            StreamingProbe.install(probe);
            probe.start();
            config.put("cpd.gateway.routes.probe.url", "http://127.0.0.1:" + probe.getAddress().getPort());
            config.put("cpd.gateway.routes.probe.segments", "probe");
            config.put("test.probe.url", "http://127.0.0.1:" + probe.getAddress().getPort());
            config.put("cpd.gateway.routes.probe.openapi", "false");
            // A service whose port nobody listens on: "backend down".
            config.put("cpd.gateway.routes.gone.url", "http://127.0.0.1:" + freePort());
            config.put("cpd.gateway.routes.gone.segments", "gone-area");
            config.put("cpd.gateway.routes.gone.openapi", "false");

            config.put("cpd.gateway.response-timeout", "1500ms");
            config.put("cpd.gateway.me.timeout", "1s");
            config.put("cpd.gateway.audit.timeout", "1s");
            config.put("cpd.gateway.privacy.timeout", "1s");
            config.put("cpd.gateway.openapi.cache-ttl", "0s");
            config.put("cpd.gateway.openapi.degraded-cache-ttl", "0s");
            config.put("cpd.gateway.rate-limit.clients.rate-test.requests-per-second", "0.02");
            config.put("cpd.gateway.rate-limit.clients.rate-test.burst", "3");
            config.put("cpd.gateway.rate-limit.clients.bulk-test.requests-per-second", "0.02");
            config.put("cpd.gateway.rate-limit.clients.bulk-test.burst", "8");
            config.put("quarkus.http.cors.origins", "https://portal.example.org");
            // The tests call from this machine, standing in for the ingress in front of the gateway.
            config.put("cpd.gateway.trusted-proxies", "127.0.0.1,::1");
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Test stack failed to start", e);
        }
    }

    /**
     * Discovery and JWKS as Keycloak serves them, publishing the key test-support's {@code Tokens} sign
     * with, under the issuer those tokens name (the endpoints themselves are the stub's).
     */
    private void startOidc(Map<String, String> config) throws Exception {
        byte[] der = Base64.getDecoder().decode(new OidcResource().start().get("quarkus.oidc.public-key"));
        RSAPublicKey pub = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        oidc = new WireMockServer(options().dynamicPort());
        oidc.start();
        String base = oidc.baseUrl() + REALM_PATH;
        oidc.stubFor(WireMock.get(REALM_PATH + "/.well-known/openid-configuration").willReturn(WireMock.okJson("""
                {"issuer":"%2$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "token_endpoint":"%1$s/protocol/openid-connect/token",
                 "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(base, OidcResource.ISSUER))));
        oidc.stubFor(WireMock.get(REALM_PATH + "/protocol/openid-connect/certs").willReturn(WireMock.okJson("""
                {"keys":[{"kty":"RSA","kid":"%s","use":"sig","alg":"RS256","n":"%s","e":"%s"}]}""".formatted(
                KEY_ID, b64(pub.getModulus().toByteArray()), b64(pub.getPublicExponent().toByteArray())))));
        config.put("quarkus.oidc.auth-server-url", base);
    }

    /** Base64url of an unsigned big-endian integer (drops BigInteger's sign byte). */
    private static String b64(byte[] bytes) {
        int start = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        byte[] unsigned = java.util.Arrays.copyOfRange(bytes, start, bytes.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void stop() {
        if (probe != null) {
            probe.stop(0);
            probeThreads.shutdownNow();
        }
        backends.values().forEach(WireMockServer::stop);
        if (oidc != null) {
            oidc.stop();
        }
    }
}
