package org.cpd.gateway.support;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.eclipse.microprofile.config.ConfigProvider;

/** WireMock clients for the stubbed services (talking to the stub servers over their admin API). */
public final class Backends {

    private Backends() {
    }

    public static WireMock directory() {
        return of("directory");
    }

    public static WireMock relationships() {
        return of("relationships");
    }

    public static WireMock goals() {
        return of("goals");
    }

    /** The service's management interface (where its OpenAPI document is). */
    public static WireMock management(String service) {
        return of(service + "-management");
    }

    public static void resetAll() {
        for (WireMock w : new WireMock[]{directory(), relationships(), goals(),
                management("directory"), management("relationships"), management("goals")}) {
            w.resetMappings();
            w.resetRequests();
        }
    }

    private static WireMock of(String service) {
        int port = ConfigProvider.getConfig().getValue("test.backend." + service + ".port", Integer.class);
        return new WireMock("localhost", port);
    }
}
