package org.cpd.gateway.openapi;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.cpd.gateway.config.GatewayConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Swagger UI at {@code /api/docs/} on the public port, over the merged document, in every profile. The
 * person signs in through the portal client (authorization code with PKCE) when the served document has the
 * sign-in scheme ({@code cpd.gateway.openapi.login.issuer}). Served here rather than by quarkus-swagger-ui,
 * which follows the gateway's own OpenAPI onto the management interface. The page runs no inline script,
 * so its Content-Security-Policy allows scripts from the gateway only.
 */
@Singleton
public class SwaggerUi {

    public static final String PATH = "/api/docs/";
    private static final String FILES = "META-INF/resources/openapi-ui/";
    /** Swagger UI's own files that the page loads; nothing else of the package is served. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon.ico", "image/x-icon");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL);

    @Inject
    GatewayConfig config;

    private final Map<String, Buffer> assets = new LinkedHashMap<>();
    private Buffer redirectPage;
    private String redirectPolicy;
    private String pagePolicy;

    void register(@Observes Router router) {
        ASSETS.keySet().forEach(name -> assets.put(name, Buffer.buffer(resource(name))));
        byte[] redirect = resource("oauth2-redirect.html");
        redirectPage = Buffer.buffer(redirect);
        // Swagger UI's redirect page is one inline script: allowed by its hash, nothing else.
        Matcher script = INLINE_SCRIPT.matcher(new String(redirect, StandardCharsets.UTF_8));
        String hashes = "";
        while (script.find()) {
            hashes += " 'sha256-" + sha256(script.group(1)) + "'";
        }
        redirectPolicy = "default-src 'none'; script-src" + hashes + "; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";
        String tokenOrigin = config.openapi().login().issuer().map(SwaggerUi::origin).orElse("");
        pagePolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self'" + (tokenOrigin.isEmpty() ? "" : " " + tokenOrigin)
                + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

        // Vert.x matches "/api/docs" for "/api/docs/" too: only the bare path is redirected.
        router.getWithRegex("/api/docs").handler(ctx -> ctx.response().setStatusCode(301).putHeader("Location", PATH).end());
        router.get(PATH).handler(ctx -> send(ctx, "text/html; charset=utf-8", Buffer.buffer(page()), pagePolicy));
        router.get(PATH + "index.html").handler(ctx -> send(ctx, "text/html; charset=utf-8", Buffer.buffer(page()), pagePolicy));
        router.get(PATH + "init.js").handler(ctx -> send(ctx, "text/javascript; charset=utf-8", Buffer.buffer(init()), null));
        router.get(PATH + "oauth2-redirect.html").handler(ctx -> send(ctx, "text/html; charset=utf-8", redirectPage, redirectPolicy));
        ASSETS.forEach((name, type) -> router.get(PATH + name).handler(ctx -> send(ctx, type, assets.get(name), null)));
    }

    private static void send(RoutingContext ctx, String type, Buffer body, String policy) {
        var response = ctx.response().putHeader("Content-Type", type);
        if (policy != null) {
            response.putHeader("Content-Security-Policy", policy);
        }
        response.end(body);
    }

    private static String page() {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="UTF-8">
                  <title>CPD Partnership Suite API</title>
                  <link rel="stylesheet" type="text/css" href="swagger-ui.css">
                  <link rel="icon" href="favicon.ico" type="image/x-icon">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="swagger-ui-bundle.js" charset="UTF-8"></script>
                  <script src="swagger-ui-standalone-preset.js" charset="UTF-8"></script>
                  <script src="init.js" charset="UTF-8"></script>
                </body>
                </html>
                """;
    }

    /** Swagger UI's settings: the merged document, and sign-in through the portal client with PKCE. */
    String init() {
        return """
                window.addEventListener('load', function () {
                  var base = window.location.pathname.replace(/\\/api\\/docs\\/.*$/, '');
                  window.ui = SwaggerUIBundle({
                    url: base + '/api/v1/openapi.json',
                    dom_id: '#swagger-ui',
                    deepLinking: true,
                    displayOperationId: true,
                    persistAuthorization: false,
                    oauth2RedirectUrl: window.location.origin + base + '/api/docs/oauth2-redirect.html',
                    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                    layout: 'StandaloneLayout'
                  });
                  window.ui.initOAuth({
                    clientId: '%s',
                    scopes: 'openid',
                    usePkceWithAuthorizationCodeGrant: true
                  });
                });
                """.formatted(config.openapi().login().clientId()
                .replaceAll("[^A-Za-z0-9._-]", ""));
    }

    private static byte[] resource(String name) {
        try (InputStream in = SwaggerUi.class.getClassLoader().getResourceAsStream(FILES + name)) {
            if (in == null) {
                throw new IllegalStateException("Swagger UI file missing from the classpath: " + FILES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
