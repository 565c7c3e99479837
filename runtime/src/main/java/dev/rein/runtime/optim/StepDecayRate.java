package dev.rein.runtime.optim;

import com.oracle.labs.mlrg.olcut.config.Config;

/**
 * Step decay (PyTorch's {@code StepLR} stepped every epoch, Keras' staircase {@code ExponentialDecay}): the rate is
 * multiplied by {@code gamma} after every {@code every} epochs, so in epoch {@code e} (1-based)
 *
 * <pre>
 *   factor = gamma^⌊(e − 1)/every⌋
 * </pre>
 *
 * e.g. {@code every = 10, gamma = 0.5}: the full rate in epochs 1-10, half in 11-20, a quarter in 21-30.
 */
public final class StepDecayRate implements RateSchedule {
    private static final String NAME = "StepDecayRate";

    @Config(description = "Epochs between two decays, at least 1.")
    private int everyEpochs = 10;

    @Config(description = "The factor each decay multiplies the rate by, in (0, 1].")
    private double gamma = 0.5;

    /** For OLCUT. */
    private StepDecayRate() {
    }

    /**
     * @param everyEpochs epochs between two decays, at least 1
     * @param gamma       the factor of each decay, in (0, 1]
     * @throws IllegalArgumentException if a setting is out of range
     */
    public StepDecayRate(int everyEpochs, double gamma) {
        this.everyEpochs = everyEpochs;
        this.gamma = gamma;
        postConfig();
    }

    @Override
    public void postConfig() {
        Settings.positive(NAME, "everyEpochs", everyEpochs);
        Settings.shrinkFactor(NAME, "gamma", gamma);
    }

    @Override
    public double factor(long step, long stepsPerEpoch, long totalSteps) {
        long decays = (RateSchedule.epochOf(step, stepsPerEpoch) - 1) / everyEpochs;
        return Math.max(Math.pow(gamma, decays), Double.MIN_NORMAL);
    }

    @Override
    public String describe() {
        return "step(every=" + everyEpochs + ",gamma=" + gamma + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
