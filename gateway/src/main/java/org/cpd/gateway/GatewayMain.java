package org.cpd.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway with Quarkus' own URI check turned off: that check answers a malformed request
 * target (a bad percent-escape) with a bare 400 before any handler runs. The gateway makes the same
 * check itself, first of all its handlers, and answers it with a problem document
 * ({@link org.cpd.gateway.web.HttpLayerProblems}). The property is read when the HTTP server starts,
 * so it is set here, before Quarkus starts; the gateway's tests set it in the Surefire configuration.
 */
@QuarkusMain
public final class GatewayMain {

    static final String DISABLE_URI_VALIDATION = "vertx.disableURIValidation";

    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty(DISABLE_URI_VALIDATION, "true");
        Quarkus.run(args);
    }
}
