package org.cpd.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

/** For a service too slow to wait for: the gateway gives up on it at its timeout and answers without it. */
public final class Elapsed {

    private Elapsed() {
    }

    /** Makes the request and asserts it was answered in less than {@code bound}. */
    public static void within(Duration bound, Runnable request) {
        long start = System.currentTimeMillis();
        request.run();
        assertThat(System.currentTimeMillis() - start).isLessThan(bound.toMillis());
    }
}
