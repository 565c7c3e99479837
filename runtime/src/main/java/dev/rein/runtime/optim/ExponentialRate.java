package dev.rein.runtime.optim;

import com.oracle.labs.mlrg.olcut.config.Config;

/**
 * Exponential decay per epoch (PyTorch's {@code ExponentialLR} stepped every epoch): in epoch {@code e} (1-based)
 * {@code factor = gamma^(e − 1)}, e.g. {@code gamma = 0.95} leaves 0.95⁵⁹ ≈ 0.049 of the rate in epoch 60.
 */
public final class ExponentialRate implements RateSchedule {
    private static final String NAME = "ExponentialRate";

    @Config(description = "The factor each epoch multiplies the rate by, in (0, 1].")
    private double gamma = 0.95;

    /** For OLCUT. */
    private ExponentialRate() {
    }

    /**
     * @param gamma the factor of each epoch, in (0, 1]
     * @throws IllegalArgumentException if {@code gamma} is not in (0, 1]
     */
    public ExponentialRate(double gamma) {
        this.gamma = gamma;
        postConfig();
    }

    @Override
    public void postConfig() {
        Settings.shrinkFactor(NAME, "gamma", gamma);
    }

    @Override
    public double factor(long step, long stepsPerEpoch, long totalSteps) {
        return Math.max(Math.pow(gamma, RateSchedule.epochOf(step, stepsPerEpoch) - 1), Double.MIN_NORMAL);
    }

    @Override
    public String describe() {
        return "exponential(gamma=" + gamma + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
