package org.cpd.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.cpd.gateway.routing.ServiceComposer;
import org.jboss.logging.Logger;

import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The suite's OpenAPI document: the gateway's own operations plus each service's, fetched from its
 * {@code /q/openapi} (on the service's management interface where one is configured) and cached briefly. A service that does not answer is left out and named in
 * {@code x-cpd-warnings}; the document is then cached for a shorter time.
 */
@Singleton
public class MergedOpenApi extends ServiceComposer {

    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    // Written by quarkus-smallrye-openapi at build time: the gateway's own document.
    private static final String OWN_DOCUMENT = "META-INF/quarkus-generated-openapi-doc.JSON";

    private final AtomicReference<Cached> cache = new AtomicReference<>();

    private record Cached(ObjectNode document, Instant expires) {
    }

    private record Fetched(String service, JsonNode document, String failure) {
    }

    /**
     * The merged document as served to one caller: {@code servers} names the gateway at the address that
     * caller reached it by (configured {@code cpd.gateway.openapi.server-url}, else the public base URL),
     * so Swagger UI and clients generated from the served document call the gateway, never a service.
     */
    public Uni<ObjectNode> document(String publicBase) {
        String url = config.openapi().serverUrl().orElse(publicBase);
        return document().map(doc -> withServer(doc, url));
    }

    /** Swagger UI's sign-in scheme (see {@link PortalLogin}), for the realm whose issuer is given. */
    public static void addPortalLogin(ObjectNode merged, URI issuer) {
        PortalLogin.add(merged, issuer);
    }

    /** A shallow copy with {@code servers} after {@code info}: the cached document stays shared and unchanged. */
    public static ObjectNode withServer(ObjectNode doc, String url) {
        ObjectNode served = doc.objectNode();
        doc.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("servers")) {
                served.set(field.getKey(), field.getValue());
            }
            if (field.getKey().equals("info")) {
                served.putArray("servers").addObject()
                        .put("url", url)
                        .put("description", "The gateway (local, staging or production: the address this document "
                                + "was served from). Every operation is called here, never on a service.")
                        .put("x-internal", false);
            }
        });
        return served;
    }

    /** The merged document without {@code servers} (added per caller by {@link #document(String)}). */
    Uni<ObjectNode> document() {
        Cached cached = cache.get();
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return Uni.createFrom().item(cached.document());
        }
        List<Uni<Fetched>> fetches = new ArrayList<>();
        // Sorted so the merged document is stable from one fetch to the next.
        new TreeMap<>(config.routes()).forEach((service, route) -> {
            if (route.openapi()) {
                fetches.add(fetch(service, route.managementUrl().orElse(route.url())));
            }
        });
        Uni<List<Fetched>> all = fetches.isEmpty() ? Uni.createFrom().item(List.of())
                : Uni.join().all(fetches).andFailFast();
        return all.map(results -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            Map<String, String> missing = new LinkedHashMap<>();
            JsonNode own = ownDocument();
            if (own != null) {
                documents.put(OpenApiMerger.GATEWAY, own);
            }
            for (Fetched f : results) {
                if (f.document() != null) {
                    documents.put(f.service(), f.document());
                } else {
                    missing.put(f.service(), f.failure());
                }
            }
            ObjectNode info = mapper.createObjectNode()
                    .put("title", "CPD Partnership Suite API")
                    .put("version", "1.0.0")
                    .put("description", "All services behind the gateway, merged. Every /api/v1 operation except "
                            + "this document needs a bearer token from the cpd realm.");
            ObjectNode merged = OpenApiMerger.merge(documents, missing, info, null);
            config.openapi().login().issuer().ifPresent(issuer -> PortalLogin.add(merged, issuer));
            var ttl = missing.isEmpty() ? config.openapi().cacheTtl() : config.openapi().degradedCacheTtl();
            cache.set(new Cached(merged, Instant.now().plus(ttl)));
            return merged;
        });
    }

    private Uni<Fetched> fetch(String service, URI base) {
        return calls.get(service, base, "/q/openapi?format=json", config.openapi().fetchTimeout(), null, null)
                .map(reply -> {
                    if (!reply.answered()) {
                        return new Fetched(service, null, reply.failure());
                    }
                    if (reply.status() != 200) {
                        return new Fetched(service, null, "status " + reply.status());
                    }
                    try {
                        return new Fetched(service, mapper.readTree(reply.body()), null);
                    } catch (Exception e) {
                        return new Fetched(service, null, "unreadable document");
                    }
                });
    }

    private JsonNode ownDocument() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(OWN_DOCUMENT)) {
            return in == null ? null : mapper.readTree(in);
        } catch (Exception e) {
            LOG.warn("Own OpenAPI document unreadable", e);
            return null;
        }
    }
}
