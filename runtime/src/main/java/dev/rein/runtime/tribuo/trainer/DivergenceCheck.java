package dev.rein.runtime.tribuo.trainer;

import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.Tensor;

/**
 * Stops a run whose weights or training loss stopped being finite, with a {@link TrainingDivergedException} that
 * names the epoch, the spec and the first bad value.
 *
 * <pre>{@code
 * DivergenceCheck.check(parameters.get(), epochLoss, epoch, "l2(lambda=0.1)", names);
 * }</pre>
 */
final class DivergenceCheck {
    private DivergenceCheck() {
    }

    /**
     * @throws TrainingDivergedException at the first weight (in tensor, row, column order) that is NaN or
     *                                   infinite, else if {@code epochLoss} is not finite
     */
    static void check(Tensor[] tensors, double epochLoss, int epoch, String spec, ParameterNames names) {
        for (int t = 0; t < tensors.length; t++) {
            Tensor tensor = tensors[t];
            if (Double.isFinite(tensor.twoNorm())) {
                continue;   // the common case costs one pass; only a bad tensor is searched element by element
            }
            if (tensor instanceof DenseMatrix m) {
                for (int r = 0; r < m.getDimension1Size(); r++) {
                    for (int c = 0; c < m.getDimension2Size(); c++) {
                        failIfNotFinite(m.get(r, c), epoch, spec, names.name(t, r, c));
                    }
                }
            } else if (tensor instanceof SGDVector v) {
                for (int i = 0; i < v.size(); i++) {
                    failIfNotFinite(v.get(i), epoch, spec, names.name(t, 0, i));
                }
            }
            // Finite elements whose squares overflow the norm: large, but not divergence.
        }
        if (!Double.isFinite(epochLoss)) {
            throw new TrainingDivergedException(epoch, spec, "the epoch's training loss is " + epochLoss);
        }
    }

    private static void failIfNotFinite(double value, int epoch, String spec, String name) {
        if (!Double.isFinite(value)) {
            throw new TrainingDivergedException(epoch, spec, name + " is " + value);
        }
    }
}
