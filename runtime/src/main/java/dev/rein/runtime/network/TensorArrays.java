package dev.rein.runtime.network;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/**
 * The arrays inside Tribuo's dense tensors, so that a layer computes on the very arrays the optimiser updates:
 * {@code DenseMatrix} keeps a {@code double[][]} (a row per unit) and {@code DenseVector} a {@code double[]}, both in
 * protected fields without bulk access ({@code getRow} copies). Reading the fields costs nothing per step, where
 * copying the network's parameters to flat arrays and back would cost two passes over them.
 *
 * <pre>{@code
 * DenseMatrix w = new DenseMatrix(256, 784);
 * double[][] rows = TensorArrays.rows(w);   // rows[j][k] is w.get(j, k), live
 * }</pre>
 */
final class TensorArrays {
    private static final VarHandle MATRIX_VALUES = field(DenseMatrix.class, "values", double[][].class);
    private static final VarHandle VECTOR_ELEMENTS = field(DenseVector.class, "elements", double[].class);

    private TensorArrays() {
    }

    /** The live rows of {@code m}. */
    static double[][] rows(DenseMatrix m) {
        if (MATRIX_VALUES == null) {
            throw new IllegalStateException(NetworkMessages.tensorFields().toString());
        }
        return (double[][]) MATRIX_VALUES.get(m);
    }

    /** The live elements of {@code v}. */
    static double[] elements(DenseVector v) {
        if (VECTOR_ELEMENTS == null) {
            throw new IllegalStateException(NetworkMessages.tensorFields().toString());
        }
        return (double[]) VECTOR_ELEMENTS.get(v);
    }

    private static VarHandle field(Class<?> owner, String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;   // renamed in a future Tribuo or closed by a module: reported when first used
        }
    }
}
