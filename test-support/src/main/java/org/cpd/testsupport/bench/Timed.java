package org.cpd.testsupport.bench;

/** The wall-clock time of a benchmark's set-up step (loading its data), for the line it prints. */
public final class Timed {

    /** A step that may throw, as loading data does. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    private Timed() {
    }

    /** Runs {@code step} and answers how long it took, in milliseconds. */
    public static long millis(Step step) throws Exception {
        long started = System.nanoTime();
        step.run();
        return (System.nanoTime() - started) / 1_000_000;
    }
}
