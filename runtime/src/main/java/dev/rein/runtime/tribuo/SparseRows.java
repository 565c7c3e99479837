package dev.rein.runtime.tribuo;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.VectorTuple;

/**
 * Reads the stored entries of Tribuo's sparse vectors (a {@code DenseSparseMatrix} row, a sparse example) as
 * arrays, the hot path of a lazy step. Tribuo keeps them in protected fields and offers no bulk access, and its
 * iterators and {@code get(i)} (a binary search) cost several times the arithmetic Rein does per entry; where the
 * fields cannot be opened (a future Tribuo, a closed module), the arrays are copied through the iterator instead.
 *
 * <pre>{@code
 * int[] index = SparseRows.indices(example);      // read only: Tribuo's own array
 * double[] value = SparseRows.values(example);
 * for (int k = 0; k < example.numActiveElements(); k++) { ... index[k] ... value[k] ... }
 * }</pre>
 */
final class SparseRows {
    /** Handles on Tribuo's protected fields; static final, so the JIT compiles a read into a plain field load. */
    private static final VarHandle VALUES = field("values", double[].class);
    private static final VarHandle INDICES = field("indices", int[].class);

    /** Whether every stored value of {@code v} is finite; one tight loop over Tribuo's array. */
    static boolean allFinite(SparseVector v) {
        int n = v.numActiveElements();
        double[] values = values(v);
        double check = 0;
        for (int k = 0; k < n; k++) {
            check += values[k] * 0;   // NaN or infinite anywhere makes the sum NaN
        }
        return check == 0;
    }

    /**
     * The column indices of {@code v}'s stored entries (the first {@code v.numActiveElements()} are valid): Tribuo's
     * own array, to be read and never written, or a fresh copy where the field cannot be opened.
     */
    static int[] indices(SparseVector v) {
        if (INDICES != null) {
            return (int[]) INDICES.get(v);
        }
        int[] out = new int[v.numActiveElements()];
        int k = 0;
        for (VectorTuple t : v) {
            out[k++] = t.index;
        }
        return out;
    }

    /** The values of {@code v}'s stored entries, in the order of {@link #indices}; read-only, as there. */
    static double[] values(SparseVector v) {
        if (VALUES != null) {
            return (double[]) VALUES.get(v);
        }
        double[] out = new double[v.numActiveElements()];
        int k = 0;
        for (VectorTuple t : v) {
            out[k++] = t.value;
        }
        return out;
    }

    private static VarHandle field(String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(SparseVector.class, MethodHandles.lookup())
                    .findVarHandle(SparseVector.class, name, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;   // a future Tribuo may rename it, or a module may close it: copy through the iterator
        }
    }
}
