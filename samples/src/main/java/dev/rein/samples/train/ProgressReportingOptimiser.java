package dev.rein.samples.train;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import java.util.function.DoubleConsumer;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;

/**
 * Passes every call to the optimiser it wraps and reports the fraction of steps done. Its provenance is the
 * wrapped optimiser's, so a model trained through it records exactly what it would without it.
 *
 * <pre>{@code
 * new ProgressReportingOptimiser(optimiser, epochs * stepsPerEpoch, fraction -> bar.update(fraction));
 * }</pre>
 */
final class ProgressReportingOptimiser implements StochasticGradientOptimiser {
    private final StochasticGradientOptimiser inner;
    private final long totalSteps;
    private final DoubleConsumer progress;
    private long steps;

    ProgressReportingOptimiser(StochasticGradientOptimiser inner, long totalSteps, DoubleConsumer progress) {
        this.inner = inner;
        this.totalSteps = Math.max(1, totalSteps);
        this.progress = progress;
    }

    @Override
    public void initialise(Parameters parameters) {
        steps = 0;
        inner.initialise(parameters);
    }

    @Override
    public Tensor[] step(Tensor[] updates, double weight) {
        Tensor[] out = inner.step(updates, weight);
        steps++;
        progress.accept(steps / (double) totalSteps);
        return out;
    }

    @Override
    public void finalise() {
        inner.finalise();
    }

    @Override
    public void reset() {
        inner.reset();
        steps = 0;
    }

    @Override
    public StochasticGradientOptimiser copy() {
        // Tribuo trains a copy of the optimiser it was given; the copy reports to the same listener.
        return new ProgressReportingOptimiser(inner.copy(), totalSteps, progress);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return inner.getProvenance();
    }

    @Override
    public String toString() {
        return inner.toString();
    }
}
