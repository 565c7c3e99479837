package dev.rein.runtime.optim;

import com.oracle.labs.mlrg.olcut.config.Configurable;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenancable;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;

/**
 * A learning-rate schedule over a training run: the factor by which the optimiser's configured rate {@code η₀} is
 * multiplied at each step, {@code η_t = η₀·factor(t)}. A trainer that owns the epoch loop (Rein's
 * {@code FeedForwardTrainer}) knows how many steps an epoch and the run take and asks for the factor before each
 * step; the factor multiplies the optimiser's update and the step size of decoupled and proximal penalties alike
 * (AdamW's convention: the decay follows the scheduled rate).
 *
 * <pre>{@code
 * RateSchedule cosine = new CosineRate(0.0);
 * cosine.factor(1, 100, 1000);      // 1.0: the first step at the full rate
 * cosine.factor(501, 100, 1000);    // 0.5: half-way
 * new StepDecayRate(10, 0.5).factor(1001, 100, 6000);   // 0.5: epoch 11, one decay
 * RateSchedules.parse("cosine(min=0.01)");               // the same schedules from text, as rein train takes them
 * }</pre>
 *
 * <p>Implementations are OLCUT components ({@code @Config} fields, a no-argument constructor, provenance), so a
 * trainer's provenance records the schedule and an OLCUT configuration can set one.
 */
public interface RateSchedule extends Configurable, Provenancable<ConfiguredObjectProvenance> {
    /**
     * The factor for step {@code step} (1-based) of a run of {@code totalSteps} steps of which an epoch is
     * {@code stepsPerEpoch}; epoch {@code e} (1-based) holds steps {@code (e-1)·stepsPerEpoch + 1 ..
     * e·stepsPerEpoch}. Finite and above 0.
     */
    double factor(long step, long stepsPerEpoch, long totalSteps);

    /** The schedule as {@link RateSchedules#parse} reads it, e.g. {@code cosine(min=0.01)}. */
    String describe();

    /** The schedule's {@code @Config} fields, as every OLCUT component records them. */
    @Override
    default ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "RateSchedule");
    }

    /** The epoch (1-based) that step {@code step} (1-based) falls in. */
    static long epochOf(long step, long stepsPerEpoch) {
        return (step - 1) / stepsPerEpoch + 1;
    }
}
