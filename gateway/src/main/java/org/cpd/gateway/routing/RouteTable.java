package org.cpd.gateway.routing;

import org.cpd.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Which service owns which first path segment after {@code /api/v1}. */
public final class RouteTable {

    public static final String API_PREFIX = "/api/v1/";

    /** Segments the gateway answers itself. */
    public static final java.util.Set<String> GATEWAY_SEGMENTS = java.util.Set.of("me", "audit", "insight", "privacy",
            "openapi.json", "openapi.yaml");

    /** Segments anyone may call without a token. */
    public static final java.util.Set<String> OPEN_SEGMENTS = java.util.Set.of("openapi.json", "openapi.yaml");

    public record Backend(String service, URI url) {
    }

    private final Map<String, Backend> bySegment;
    private final Map<String, Backend> byService;

    public RouteTable(Map<String, GatewayConfig.Route> routes) {
        Map<String, Backend> segments = new LinkedHashMap<>();
        Map<String, Backend> services = new LinkedHashMap<>();
        routes.forEach((service, route) -> {
            Backend backend = new Backend(service, route.url());
            services.put(service, backend);
            for (String segment : route.segments()) {
                String s = segment.trim();
                if (GATEWAY_SEGMENTS.contains(s)) {
                    throw new IllegalStateException("Segment '" + s + "' belongs to the gateway itself");
                }
                Backend previous = segments.putIfAbsent(s, backend);
                if (previous != null) {
                    // Two owners for one segment is a deployment mistake; refuse to start rather than guess.
                    throw new IllegalStateException("Segment '" + s + "' is routed to both "
                            + previous.service() + " and " + service);
                }
            }
        });
        this.bySegment = Collections.unmodifiableMap(segments);
        this.byService = Collections.unmodifiableMap(services);
    }

    /** The first segment after /api/v1/ of a path, or empty when the path is not under the API. */
    public static Optional<String> segmentOf(String path) {
        if (path == null || !path.startsWith(API_PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(API_PREFIX.length());
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        return segment.isEmpty() ? Optional.empty() : Optional.of(segment);
    }

    public Optional<Backend> forSegment(String segment) {
        return Optional.ofNullable(bySegment.get(segment));
    }

    public Optional<Backend> service(String name) {
        return Optional.ofNullable(byService.get(name));
    }

    public Map<String, Backend> services() {
        return byService;
    }
}
