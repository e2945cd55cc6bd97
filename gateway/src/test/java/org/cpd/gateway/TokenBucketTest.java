package org.cpd.gateway;

import org.cpd.gateway.ratelimit.TokenBucket;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsTheBurstThenRefusesUntilTokensRefill() {
        TokenBucket bucket = new TokenBucket(2, 4, 0);
        for (int i = 0; i < 4; i++) {
            assertThat(bucket.tryTake(0).allowed()).isTrue();
        }
        TokenBucket.Decision refused = bucket.tryTake(0);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(refused.resetSeconds()).isEqualTo(2);
        assertThat(bucket.tryTake(SECOND / 2).allowed()).isTrue();
        assertThat(bucket.tryTake(SECOND / 2).allowed()).isFalse();
    }

    @Test
    void neverHoldsMoreThanTheBurstAfterALongIdle() {
        TokenBucket bucket = new TokenBucket(10, 3, 0);

        TokenBucket.Decision d = bucket.tryTake(3600 * SECOND);

        assertThat(d.remaining()).isEqualTo(2);
    }
}
