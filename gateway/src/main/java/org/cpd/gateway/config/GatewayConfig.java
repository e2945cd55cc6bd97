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

    Me me();

    OpenApi openapi();

    interface Route {
        URI url();

        List<String> segments();

        /** Whether the service's OpenAPI document is merged into /api/v1/openapi.json. */
        @WithDefault("true")
        boolean openapi();
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

    interface OpenApi {
        /** How long a complete merged document is reused. */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How long a document missing a service is reused (short: the service may be back soon). */
        @WithDefault("5s")
        Duration degradedCacheTtl();

        @WithDefault("3s")
        Duration fetchTimeout();

        Optional<String> serverUrl();
    }
}
