package org.cpd.gateway.routing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.util.Map;
import org.cpd.gateway.config.GatewayConfig;

/**
 * What every view the gateway builds from the services' own answers has (/me, /audit, /insight, /privacy, the
 * merged OpenAPI document): its settings (which services, how long to wait), the calls to the services, and the
 * mapper that reads their bodies.
 */
public abstract class ServiceComposer {

    /** A body read as one JSON object. */
    protected static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    @Inject
    protected GatewayConfig config;
    @Inject
    protected ServiceCalls calls;
    @Inject
    protected ObjectMapper mapper;
}
