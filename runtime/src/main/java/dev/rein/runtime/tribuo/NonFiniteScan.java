package dev.rein.runtime.tribuo;

import java.util.Optional;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.Matrix;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.la.VectorTuple;

/**
 * Finds the first NaN or infinite value in Tribuo tensors: the one scan behind the optimiser's per-step check of
 * gradients and updates and the trainers' end-of-epoch check of the weights. The common case (everything finite)
 * costs one tight pass; only a bad tensor is searched element by element.
 *
 * <pre>{@code
 * NonFiniteScan.first(parameters.get()).ifPresent(bad ->
 *         fail("tensor " + bad.tensor() + " " + bad.where() + " is " + bad.value()));   // "at (0, 3)"
 * }</pre>
 */
public final class NonFiniteScan {
    private NonFiniteScan() {
    }

    /**
     * A value that is not finite.
     *
     * @param tensor the index of its tensor
     * @param row    its row, 0 in a vector
     * @param column its column, or its index in a vector
     * @param vector whether the tensor is a vector
     * @param value  NaN or an infinity
     */
    public record Found(int tensor, int row, int column, boolean vector, double value) {
        /** {@code "at (r, c)"} in a matrix, {@code "at i"} in a vector. */
        public String where() {
            return vector ? "at " + column : "at (" + row + ", " + column + ")";
        }
    }

    /** The first non-finite value, in tensor, row, column order. */
    public static Optional<Found> first(Tensor[] tensors) {
        for (int t = 0; t < tensors.length; t++) {
            Optional<Found> found = first(tensors[t], t);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Found> first(Tensor t, int index) {
        if (t instanceof DenseSparseMatrix m) {
            for (int r = 0; r < m.getDimension1Size(); r++) {
                SparseVector row = m.getRow(r);
                if (!SparseRows.allFinite(row)) {
                    for (VectorTuple e : row) {
                        if (!Double.isFinite(e.value)) {
                            return Optional.of(new Found(index, r, e.index, false, e.value));
                        }
                    }
                }
            }
        } else if (t instanceof Matrix m) {
            if (Double.isFinite(m.twoNorm())) {
                return Optional.empty();   // finite entries whose squares overflow the norm are searched below
            }
            for (int r = 0; r < m.getDimension1Size(); r++) {
                for (int c = 0; c < m.getDimension2Size(); c++) {
                    double v = m.get(r, c);
                    if (!Double.isFinite(v)) {
                        return Optional.of(new Found(index, r, c, false, v));
                    }
                }
            }
        } else if (t instanceof SGDVector v) {
            for (VectorTuple e : v) {
                if (!Double.isFinite(e.value)) {
                    return Optional.of(new Found(index, 0, e.index, true, e.value));
                }
            }
        }
        return Optional.empty();
    }
}
