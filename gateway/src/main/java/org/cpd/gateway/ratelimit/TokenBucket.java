package org.cpd.gateway.ratelimit;

/**
 * A token bucket: holds at most {@code burst} tokens, refilled continuously at {@code ratePerSecond};
 * each request takes one. Synchronised per bucket: contention is per caller, never global.
 */
public final class TokenBucket {

    public record Decision(boolean allowed, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final double ratePerNano;
    private final int burst;
    private double tokens;
    private long lastRefill;
    private volatile long lastUsed;

    public TokenBucket(double ratePerSecond, int burst, long nowNanos) {
        if (ratePerSecond <= 0 || burst <= 0) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.ratePerNano = ratePerSecond / 1_000_000_000d;
        this.burst = burst;
        this.tokens = burst;
        this.lastRefill = nowNanos;
        this.lastUsed = nowNanos;
    }

    public synchronized Decision tryTake(long nowNanos) {
        refill(nowNanos);
        lastUsed = nowNanos;
        if (tokens >= 1d) {
            tokens -= 1d;
            return new Decision(true, (long) Math.floor(tokens), secondsUntil(burst), 0);
        }
        return new Decision(false, 0, secondsUntil(burst), Math.max(1, secondsUntil(1)));
    }

    public int burst() {
        return burst;
    }

    long lastUsed() {
        return lastUsed;
    }

    private void refill(long now) {
        if (now > lastRefill) {
            tokens = Math.min(burst, tokens + (now - lastRefill) * ratePerNano);
            lastRefill = now;
        }
    }

    /** Whole seconds (rounded up) until the bucket holds {@code target} tokens. */
    private long secondsUntil(double target) {
        double missing = target - tokens;
        if (missing <= 0) {
            return 0;
        }
        return (long) Math.ceil(missing / ratePerNano / 1_000_000_000d);
    }
}
