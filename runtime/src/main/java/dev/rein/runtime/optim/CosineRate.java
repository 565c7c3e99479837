package dev.rein.runtime.optim;

import com.oracle.labs.mlrg.olcut.config.Config;

/**
 * Cosine annealing over the whole run (Loshchilov and Hutter, 2017, without restarts; PyTorch's
 * {@code CosineAnnealingLR} with {@code T_max} the run's steps, stepped every mini-batch): at step {@code t} of
 * {@code T},
 *
 * <pre>
 *   factor(t) = min + (1 − min)·(1 + cos(π·(t − 1)/T))/2
 * </pre>
 *
 * so the first step takes the full rate, step {@code T/2 + 1} half of it (with {@code min = 0}) and the last step
 * about {@code min}. With a stopping rule the run is its most epochs: a run that stops early stops at a higher rate.
 */
public final class CosineRate implements RateSchedule {
    private static final String NAME = "CosineRate";

    @Config(description = "The factor the rate anneals to at the end of the run, a share of the initial rate in"
            + " [0, 1).")
    private double minFactor = 0.0;

    /** For OLCUT. */
    private CosineRate() {
    }

    /**
     * @param minFactor the share of the initial rate reached at the end, in [0, 1)
     * @throws IllegalArgumentException if {@code minFactor} is not in [0, 1)
     */
    public CosineRate(double minFactor) {
        this.minFactor = minFactor;
        postConfig();
    }

    @Override
    public void postConfig() {
        Settings.decayRate(NAME, "minFactor", minFactor);
    }

    @Override
    public double factor(long step, long stepsPerEpoch, long totalSteps) {
        double progress = Math.min(1.0, (double) (step - 1) / totalSteps);
        double cosine = (1 + Math.cos(Math.PI * progress)) / 2;
        return Math.max(minFactor + (1 - minFactor) * cosine, Double.MIN_NORMAL);
    }

    @Override
    public String describe() {
        return "cosine(min=" + minFactor + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
