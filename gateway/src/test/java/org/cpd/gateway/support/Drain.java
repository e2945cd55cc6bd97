package org.cpd.gateway.support;

import java.io.IOException;
import java.io.InputStream;

/**
 * A body read to its end, with when (epoch ms) the first {@code mark} bytes had arrived: what tells a
 * streaming hop from a buffering one.
 */
public record Drain(long total, long markReachedAt) {

    public static Drain of(InputStream body, long mark) throws IOException {
        long reachedAt = -1;
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = body) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                if (reachedAt < 0 && total >= mark) {
                    reachedAt = System.currentTimeMillis();
                }
            }
        }
        return new Drain(total, reachedAt);
    }
}
