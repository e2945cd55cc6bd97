package org.cpd.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the gateway is told from outside: where the services are and how hard to protect them. */
@ConfigMapping(prefix = "cpd.gateway")
public interface GatewayConfig {

    /** Keyed by service name (e.g. {@code directory}); each owns the first path segments it lists. */
    Map<String, Route> routes();

    /** Time allowed to open a connection to a backend; short, so a dead backend fails fast. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Time a backend may stay silent (no headers or body bytes) before the exchange is abandoned. */
    @WithDefault("30s")
    Duration responseTimeout();

    /** Pooled connections per backend. */
    @WithDefault("50")
    int maxConnectionsPerBackend();

    RateLimit rateLimit();

    /**
     * The address clients use, for links the services write with their own ({@code Location}, {@code Link}).
     * Used when no trusted proxy says where the request came in; without it, the request's own scheme and host.
     */
    Optional<URI> publicBaseUrl();

    /**
     * Addresses (IPs or CIDR ranges) of the proxies in front of the gateway whose {@code Forwarded} /
     * {@code X-Forwarded-Proto/Host/Port/Prefix} headers are believed. Anyone else's are ignored.
     */
    Optional<List<String>> trustedProxies();

    Limits limits();

    Me me();

    Audit audit();

    Insight insight();

    Privacy privacy();

    OpenApi openapi();

    interface Route {
        URI url();

        List<String> segments();

        /** Whether the service's OpenAPI document is merged into /api/v1/openapi.json. */
        @WithDefault("true")
        boolean openapi();

        /**
         * Where the service's management interface answers ({@code /q/openapi}); in prod it is not the
         * API address. Defaults to {@link #url()}, where it is when no management interface is enabled.
         */
        Optional<URI> managementUrl();
    }

    /**
     * What the gateway's HTTP layer accepts, kept at or below the services' (Quarkus defaults: a 4096-byte
     * request line, 20 KiB of headers) so a request the gateway lets through is not refused by a service
     * with a bare status. The server's own limits are set higher, so these answer with a problem.
     */
    interface Limits {
        /** Longest request target (path and query) in characters: longer is 414. */
        @WithDefault("4000")
        int maxUriLength();

        /** Most header bytes (names and values) a request may carry: more is 431. Leaves room for X-Forwarded-*. */
        @WithDefault("19456")
        int maxHeaderBytes();
    }

    interface RateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Limits for clients not listed under {@code clients}. */
        @WithName("default")
        Limit defaults();

        /** Per client id (the token's {@code azp}), e.g. MIS integrations get a larger bulk allowance. */
        Map<String, Limit> clients();

        /** Buckets idle this long are forgotten (they would be full again anyway). */
        @WithDefault("10m")
        Duration idleEviction();
    }

    interface Limit {
        /** Sustained rate: tokens added per second to each caller's bucket. */
        double requestsPerSecond();

        /** Bucket size: the most requests a caller can make at once after being idle. */
        int burst();
    }

    interface Me {
        /** Each part of /api/v1/me gets this long; a slower part is reported unavailable. */
        @WithDefault("3s")
        Duration timeout();
    }

    interface Insight {
        /** Each service's part of /api/v1/insight gets this long; a slower part is reported unavailable. */
        @WithDefault("10s")
        Duration timeout();
    }

    interface Audit {
        /** Each service's part of /api/v1/audit gets this long; a slower service is reported unavailable. */
        @WithDefault("5s")
        Duration timeout();

        /** The routed services that keep an audit (every service built on commons serves its own). */
        @WithDefault("directory,relationships,goals")
        List<String> services();
    }

    interface Privacy {
        /** Each service's part of a subject access export gets this long; a slower service is reported unavailable. */
        @WithDefault("10s")
        Duration timeout();

        /** The routed services that hold a part of a person's data; the first owns the person's record. */
        @WithDefault("directory,relationships,goals")
        List<String> services();
    }

    interface OpenApi {
        /** How long a complete merged document is reused. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long a document missing a service is reused (short: the service may be back soon). */
        @WithDefault("5s")
        Duration degradedCacheTtl();

        @WithDefault("3s")
        Duration fetchTimeout();

        /** The gateway's address named in {@code servers}; without it, the address each caller used. */
        Optional<String> serverUrl();

        /**
         * Where a person signs in to try the API from Swagger UI (authorization code with PKCE). Without it
         * the served document offers only the bearer scheme (paste a token), like the committed one.
         */
        Login login();
    }

    interface Login {
        /** The realm's issuer as browsers reach it, e.g. {@code https://auth.example.org/realms/cpd}. */
        Optional<URI> issuer();

        /** The public client Swagger UI signs in with (authorization code + PKCE). */
        @WithDefault("cpd-portal")
        String clientId();
    }
}
