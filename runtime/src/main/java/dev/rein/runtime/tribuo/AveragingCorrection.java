package dev.rein.runtime.tribuo;

import java.util.List;
import org.tribuo.math.la.Tensor;

/**
 * Keeps Tribuo's {@code ParameterAveraging} exact when Rein sits inside it. The averaging records the inner
 * optimiser's update before Rein adds a decoupled decay or projects onto a constraint, so its final average misses
 * what Rein added; this class sums {@code t·(what Rein added at step t)} per slot and subtracts it, divided by the
 * number of steps, once the averaging has finished. The average of projected iterates then satisfies convex
 * constraints such as max-norm and non-negativity.
 *
 * <pre>{@code
 * var correction = new AveragingCorrection(layout);
 * correction.record(innerUpdate, actualUpdate);   // after every step, per slot
 * correction.apply(parameters.get());             // after ParameterAveraging.finalise
 * }</pre>
 */
final class AveragingCorrection {
    private final ParameterLayout layout;
    private final double[][] sum;
    private long steps;

    AveragingCorrection(ParameterLayout layout) {
        this.layout = layout;
        List<ParameterSlot> slots = layout.slots();
        this.sum = new double[slots.size()][];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = new double[slots.get(i).size()];
        }
    }

    /** One more step: the inner optimiser proposed {@code inner}, Rein returned {@code actual} (per slot). */
    void record(double[][] inner, double[][] actual) {
        steps++;
        for (int i = 0; i < sum.length; i++) {
            double[] s = sum[i];
            for (int k = 0; k < s.length; k++) {
                s[k] += steps * (actual[i][k] - inner[i][k]);
            }
        }
    }

    /** Completes the average in {@code averaged}, the tensors ParameterAveraging left in the parameters. */
    void apply(Tensor[] averaged) {
        if (steps == 0) {
            return;
        }
        List<ParameterSlot> slots = layout.slots();
        for (int i = 0; i < slots.size(); i++) {
            slots.get(i).add(averaged, sum[i], -1.0 / steps);
        }
    }
}
