package dev.rein.runtime.network;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Splits a loop over rows into chunks run on every core (the common fork-join pool plus the calling thread), or
 * runs it on the calling thread when it is too small for threads to pay: a 10-unit output layer, a gradient check.
 *
 * <pre>{@code
 * Parallel.rows(batch, batch * inputs * units, (from, to) -> { for (int b = from; b < to; b++) ... });
 * }</pre>
 */
final class Parallel {
    /** Below this many multiply-adds a loop stays on one thread (about 50 µs of work). */
    static final long MIN_WORK = 100_000;

    /** A loop body over rows {@code [from, to)}. */
    @FunctionalInterface
    interface Rows {
        void run(int from, int to);
    }

    private Parallel() {
    }

    /** Runs {@code body} over rows {@code [0, rows)}, in chunks on several threads when {@code work} is large. */
    static void rows(int rows, long work, Rows body) {
        int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
        int chunks = Math.min(rows, work < MIN_WORK ? 1 : threads);
        if (chunks <= 1) {
            body.run(0, rows);
            return;
        }
        IntStream.range(0, chunks).parallel().forEach(c -> body.run(
                (int) ((long) rows * c / chunks), (int) ((long) rows * (c + 1) / chunks)));
    }
}
