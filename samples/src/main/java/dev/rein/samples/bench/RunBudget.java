package dev.rein.samples.bench;

import java.util.function.DoubleConsumer;

/**
 * Stops a training run that would take too long, so that a benchmark of a slow configuration still finishes: it
 * listens to the fraction of steps done and throws {@link Exceeded} once {@code seconds} have passed. The time the
 * whole run would have taken is then extrapolated from the fraction done, and reported as such.
 *
 * <pre>{@code
 * RunBudget budget = RunBudget.start(60);
 * try {
 *     TrainingJob.run(train, test, reg, settings, budget);
 * } catch (RunBudget.Exceeded e) {
 *     e.extrapolatedSeconds();   // e.g. 812.4, from 7.4% of the steps in 60 s
 * }
 * }</pre>
 */
public final class RunBudget implements DoubleConsumer {
    private final double seconds;
    private final long startNanos;

    private RunBudget(double seconds, long startNanos) {
        this.seconds = seconds;
        this.startNanos = startNanos;
    }

    /** A budget of {@code seconds} from now; {@code 0} or less means no limit. */
    public static RunBudget start(double seconds) {
        return new RunBudget(seconds, System.nanoTime());
    }

    @Override
    public void accept(double fractionDone) {
        if (seconds <= 0) {
            return;
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        if (elapsed > seconds && fractionDone < 1) {
            throw new Exceeded(elapsed, fractionDone);
        }
    }

    /** Thrown out of training when the budget is spent. */
    public static final class Exceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final double elapsedSeconds;
        private final double fractionDone;

        Exceeded(double elapsedSeconds, double fractionDone) {
            super(String.format(java.util.Locale.ROOT, "stopped after %.1f s with %.2f%% of the steps done",
                    elapsedSeconds, 100 * fractionDone));
            this.elapsedSeconds = elapsedSeconds;
            this.fractionDone = fractionDone;
        }

        public double elapsedSeconds() {
            return elapsedSeconds;
        }

        public double fractionDone() {
            return fractionDone;
        }

        /** The whole run's time at the pace measured so far. */
        public double extrapolatedSeconds() {
            return fractionDone > 0 ? elapsedSeconds / fractionDone : Double.POSITIVE_INFINITY;
        }
    }
}
