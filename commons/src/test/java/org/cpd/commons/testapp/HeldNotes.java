package org.cpd.commons.testapp;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A note whose handling waits until the test lets it go: a stuck consumer, on purpose. */
public final class HeldNotes {

    private static volatile CountDownLatch gate = new CountDownLatch(0);

    private HeldNotes() {
    }

    public static void holdNext() {
        gate = new CountDownLatch(1);
    }

    public static void release() {
        gate.countDown();
    }

    static void awaitRelease() {
        try {
            gate.await(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
