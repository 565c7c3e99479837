package dev.rein.runtime.optim;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.la.VectorTuple;

/**
 * Hands the stored entries of Tribuo gradient tensors to an optimiser one row at a time, to be rewritten in place
 * into the update: the only place this package touches Tribuo's tensor types. A row is {@code (columns, values,
 * count)}: entry {@code k < count} is column {@code columns[k]}, or column {@code k} when {@code columns} is
 * {@code null} (a dense row, every column present).
 *
 * <pre>{@code
 * int[][] shapes = GradientRows.shapes(parameters.getEmptyCopy(), "ReinAdaGrad");
 * GradientRows.rewrite(gradients, shapes, "ReinAdaGrad", (tensor, row, columns, values, count) -> {
 *     for (int k = 0; k < count; k++) {
 *         int c = columns == null ? k : columns[k];
 *         values[k] *= 0.5;   // the update of coordinate (row, c) of that tensor
 *     }
 * });
 * }</pre>
 *
 * <p>Tribuo keeps a tensor's arrays in protected fields and offers no bulk access ({@code DenseMatrix.getRow} copies);
 * they are read and written directly where the fields can be opened, and copied through the public API otherwise (a
 * future Tribuo, a closed module), with the same result. Public only for {@link #storedRows}, which Rein's parameter
 * slots use for the same reason.
 */
public final class GradientRows {
    /** One row of a gradient, rewritten in place. */
    @FunctionalInterface
    interface RowRewrite {
        /**
         * Turns the gradient entries {@code values[0 .. count)} of row {@code row} of tensor {@code tensor} into
         * their updates; entry {@code k} is column {@code columns[k]}, or {@code k} when {@code columns} is null.
         */
        void rewrite(int tensor, int row, int[] columns, double[] values, int count);
    }

    private static final VarHandle MATRIX_VALUES = field(DenseMatrix.class, "values", double[][].class);
    private static final VarHandle VECTOR_ELEMENTS = field(DenseVector.class, "elements", double[].class);
    private static final VarHandle SPARSE_INDICES = field(SparseVector.class, "indices", int[].class);
    private static final VarHandle SPARSE_VALUES = field(SparseVector.class, "values", double[].class);

    private GradientRows() {
    }

    /**
     * The {@code {rows, columns}} of each tensor (a vector is one row), from the tensors {@code initialise} sees.
     *
     * @throws IllegalArgumentException if a tensor is neither a matrix nor a vector
     */
    static int[][] shapes(Tensor[] tensors, String owner) {
        int[][] shapes = new int[tensors.length][];
        for (int t = 0; t < tensors.length; t++) {
            int[] shape = tensors[t].getShape();
            if (shape.length == 1) {
                shapes[t] = new int[] {1, shape[0]};
            } else if (shape.length == 2) {
                shapes[t] = new int[] {shape[0], shape[1]};
            } else {
                throw new IllegalArgumentException(OptimMessages.tensorRank(owner, t, shape.length).toString());
            }
        }
        return shapes;
    }

    /** A zero array for each tensor of {@code shapes}: one optimiser accumulator. */
    static double[][][] zeros(int[][] shapes) {
        double[][][] out = new double[shapes.length][][];
        for (int t = 0; t < shapes.length; t++) {
            out[t] = new double[shapes[t][0]][shapes[t][1]];
        }
        return out;
    }

    /**
     * Calls {@code rewrite} on every row of every tensor of {@code gradients}, sparse rows with their stored
     * entries only, and leaves the rewritten values in the tensors.
     *
     * @throws IllegalArgumentException if the gradients do not match {@code shapes} or a tensor type is not one of
     *                                  {@code DenseMatrix}, {@code DenseSparseMatrix}, {@code DenseVector},
     *                                  {@code SparseVector}
     */
    static void rewrite(Tensor[] gradients, int[][] shapes, String owner, RowRewrite rewrite) {
        if (gradients.length != shapes.length) {
            throw new IllegalArgumentException(
                    OptimMessages.gradientCount(owner, shapes.length, gradients.length).toString());
        }
        for (int t = 0; t < gradients.length; t++) {
            Tensor g = gradients[t];
            requireShape(g, t, shapes[t], owner);
            if (g instanceof DenseSparseMatrix) {
                DenseSparseMatrix m = (DenseSparseMatrix) g;
                for (int r = 0; r < shapes[t][0]; r++) {
                    sparseRow(m.getRow(r), t, r, rewrite);
                }
            } else if (g instanceof DenseMatrix) {
                denseMatrix((DenseMatrix) g, t, shapes[t], rewrite);
            } else if (g instanceof SparseVector) {
                sparseRow((SparseVector) g, t, 0, rewrite);
            } else if (g instanceof DenseVector) {
                denseVector((DenseVector) g, t, rewrite);
            } else {
                throw new IllegalArgumentException(
                        OptimMessages.gradientType(owner, g.getClass().getName(), t).toString());
            }
        }
    }

    /**
     * The rows of a parameter tensor as the arrays it stores them in, to read in place: a vector is one row. Null
     * when the arrays cannot be reached (a subclass, a closed module); then read through the public API.
     */
    public static double[][] storedRows(Tensor t) {
        if (MATRIX_VALUES != null && t.getClass() == DenseMatrix.class) {
            return (double[][]) MATRIX_VALUES.get(t);
        }
        if (VECTOR_ELEMENTS != null && t.getClass() == DenseVector.class) {
            return new double[][] {(double[]) VECTOR_ELEMENTS.get(t)};
        }
        return null;
    }

    private static void requireShape(Tensor g, int t, int[] shape, String owner) {
        int[] s = g.getShape();
        boolean fits = s.length == 2 ? s[0] == shape[0] && s[1] == shape[1]
                : s.length == 1 && shape[0] == 1 && s[0] == shape[1];
        if (!fits) {
            throw new IllegalArgumentException(OptimMessages.gradientShape(owner, t, java.util.Arrays.toString(s),
                    shape[0], shape[1]).toString());
        }
    }

    private static void denseMatrix(DenseMatrix m, int t, int[] shape, RowRewrite rewrite) {
        int columns = shape[1];
        if (MATRIX_VALUES != null && m.getClass() == DenseMatrix.class) {
            double[][] values = (double[][]) MATRIX_VALUES.get(m);
            for (int r = 0; r < shape[0]; r++) {
                rewrite.rewrite(t, r, null, values[r], columns);
            }
            return;
        }
        double[] row = new double[columns];
        for (int r = 0; r < shape[0]; r++) {
            for (int c = 0; c < columns; c++) {
                row[c] = m.get(r, c);
            }
            rewrite.rewrite(t, r, null, row, columns);
            for (int c = 0; c < columns; c++) {
                m.set(r, c, row[c]);
            }
        }
    }

    private static void denseVector(DenseVector v, int t, RowRewrite rewrite) {
        if (VECTOR_ELEMENTS != null && v.getClass() == DenseVector.class) {
            rewrite.rewrite(t, 0, null, (double[]) VECTOR_ELEMENTS.get(v), v.size());
            return;
        }
        double[] row = v.toArray();
        rewrite.rewrite(t, 0, null, row, row.length);
        for (int i = 0; i < row.length; i++) {
            v.set(i, row[i]);
        }
    }

    private static void sparseRow(SparseVector v, int t, int r, RowRewrite rewrite) {
        int n = v.numActiveElements();
        if (SPARSE_INDICES != null && SPARSE_VALUES != null && v.getClass() == SparseVector.class) {
            rewrite.rewrite(t, r, (int[]) SPARSE_INDICES.get(v), (double[]) SPARSE_VALUES.get(v), n);
            return;
        }
        int[] columns = new int[n];
        double[] values = new double[n];
        int k = 0;
        for (VectorTuple tuple : v) {
            columns[k] = tuple.index;
            values[k] = tuple.value;
            k++;
        }
        rewrite.rewrite(t, r, columns, values, n);
        int[] next = {0};
        v.foreachIndexedInPlace((index, old) -> values[next[0]++]);   // visits the stored entries in order
    }

    private static VarHandle field(Class<?> owner, String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;   // renamed in a future Tribuo, or closed by a module: use the public API
        }
    }
}
