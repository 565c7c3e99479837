package dev.rein.samples.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Runs trials in parallel, one per thread at a time, and returns their results in trial order whatever order they
 * finished in. Each trial is independent (its own trainer, read-only data), so the results do not depend on the
 * number of threads.
 *
 * <pre>{@code
 * List<TrialResult> results = Sweep.run(plan.trials(), runner::run, 2, done -> bar.update(done / 12.0));
 * }</pre>
 */
public final class Sweep {
    private Sweep() {
    }

    /**
     * @param threads  how many trials train at once (at least 1)
     * @param finished hears the number of trials finished so far, from whichever thread finished one
     */
    public static List<TrialResult> run(List<Trial> trials, Function<Trial, TrialResult> runner, int threads,
            IntConsumer finished) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads is " + threads + "; it must be at least 1.");
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, trials.size())), r -> {
            Thread t = new Thread(r, "rein-sweep");
            t.setDaemon(true);   // a trial stuck in a plugin must not keep the JVM alive after an error
            return t;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            List<Future<TrialResult>> futures = new ArrayList<>();
            for (Trial trial : trials) {
                futures.add(pool.submit(() -> {
                    TrialResult r = runner.apply(trial);
                    finished.accept(done.incrementAndGet());
                    return r;
                }));
            }
            List<TrialResult> results = new ArrayList<>();
            for (Future<TrialResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The sweep was interrupted.", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The best trial: the highest metric; among equals the fewest non-zero weights (the simpler model), then the
     * lowest index. Failed trials never win.
     */
    public static Optional<TrialResult> best(List<TrialResult> results) {
        return results.stream().filter(TrialResult::succeeded).min((a, b) -> {
            int byMetric = Double.compare(b.mean(), a.mean());
            if (byMetric != 0) {
                return byMetric;
            }
            int bySize = Double.compare(a.nonZeros(), b.nonZeros());
            return bySize != 0 ? bySize : Integer.compare(a.index(), b.index());
        });
    }
}
