package org.cpd.testsupport;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import org.cpd.commons.web.security.VerifiedTokens;

/**
 * What commons-web's cache of verified tokens has counted ({@link VerifiedTokens#METRIC}, by {@code result}: hit or
 * miss), read in a {@code @QuarkusTest} from the application's own registry. Other tests add to the same counters,
 * so a test takes the count before and compares the difference.
 */
public final class TokenCacheCounts {

    private TokenCacheCounts() {
    }

    public static double of(String result) {
        MeterRegistry metrics = Arc.container().instance(MeterRegistry.class).get();
        return metrics.get(VerifiedTokens.METRIC).tag("result", result).counter().count();
    }
}
