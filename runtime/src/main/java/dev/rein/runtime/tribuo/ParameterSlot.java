package dev.rein.runtime.tribuo;

import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.hook.Role;
import dev.rein.runtime.optim.GradientRows;
import dev.rein.runtime.optim.PerCoordinateStep;
import java.util.Objects;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Matrix;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.Tensor;

/**
 * Where one role-tagged block lives inside a Tribuo {@code Tensor[]}: a run of columns of a matrix, or a whole
 * vector (read as a column). The same slot reads the live parameters, a gradient or an update, because all three
 * have the parameters' shapes.
 *
 * <pre>{@code
 * // A linear model's [outputs x (features + 1)] matrix: the weights are the first columns, the bias the last.
 * ParameterSlot weights = ParameterSlot.columns("weights", Role.WEIGHT, 0, outputs, 0, features);
 * ParameterSlot bias = ParameterSlot.columns("bias", Role.BIAS, 0, outputs, features, 1);
 * ParameterBlock w = weights.read(parameters.get());   // a copy, outputs x features, row-major
 * }</pre>
 */
public final class ParameterSlot {
    private final String name;
    private final Role role;
    private final int tensorIndex;
    private final int rows;
    private final int firstColumn;
    private final int columns;
    private final boolean vector;

    private ParameterSlot(String name, Role role, int tensorIndex, int rows, int firstColumn, int columns,
            boolean vector) {
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        if (tensorIndex < 0 || rows < 0 || firstColumn < 0 || columns < 0) {
            throw new IllegalArgumentException(
                    TribuoMessages.negativeSlot(name, tensorIndex, rows, firstColumn, columns).toString());
        }
        this.tensorIndex = tensorIndex;
        this.rows = rows;
        this.firstColumn = firstColumn;
        this.columns = columns;
        this.vector = vector;
    }

    /** Columns {@code firstColumn .. firstColumn + columns - 1} of the matrix at {@code tensorIndex}. */
    public static ParameterSlot columns(String name, Role role, int tensorIndex, int rows, int firstColumn,
            int columns) {
        return new ParameterSlot(name, role, tensorIndex, rows, firstColumn, columns, false);
    }

    /** The whole vector at {@code tensorIndex}, as a block of {@code length} rows and one column. */
    public static ParameterSlot vector(String name, Role role, int tensorIndex, int length) {
        return new ParameterSlot(name, role, tensorIndex, length, 0, 1, true);
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    /** The index of the tensor in {@code Parameters.get()}. */
    public int tensorIndex() {
        return tensorIndex;
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /**
     * The columns the slot spans as an optimiser sees its tensor, {@code [first, count]}: a vector is one row, so a
     * vector slot spans its {@code rows()} entries as columns.
     */
    public int[] optimiserColumns() {
        return vector ? new int[] {0, rows} : new int[] {firstColumn, columns};
    }

    /** {@code rows() * columns()}. */
    public int size() {
        return rows * columns;
    }

    /** A copy of the slot's values as a block (row-major); changing the block leaves the tensor alone. */
    public ParameterBlock read(Tensor[] tensors) {
        return new ParameterBlock(name, role, rows, columns, readValues(tensors));
    }

    /** A copy of the slot's values, row-major. Works on dense and sparse tensors. */
    public double[] readValues(Tensor[] tensors) {
        Tensor t = tensors[tensorIndex];
        double[] out = new double[size()];
        double[][] stored = GradientRows.storedRows(t);
        if (stored != null) {
            for (int r = 0; r < (vector ? 1 : rows); r++) {
                System.arraycopy(stored[r], vector ? 0 : firstColumn, out, r * columns, vector ? rows : columns);
            }
        } else if (vector) {
            SGDVector v = (SGDVector) t;
            for (int r = 0; r < rows; r++) {
                out[r] = v.get(r);
            }
        } else {
            Matrix m = (Matrix) t;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    out[r * columns + c] = m.get(r, firstColumn + c);
                }
            }
        }
        return out;
    }

    /**
     * Each element's step size in the optimiser's last step times {@code scale}, row-major like
     * {@link #readValues}: {@code b²·s_i}, the size of a proximal step in the optimiser's own metric.
     */
    public double[] stepSizes(PerCoordinateStep optimiser, double scale) {
        double[] out = new double[size()];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                out[r * columns + c] = scale * (vector ? optimiser.stepSize(tensorIndex, 0, r)
                        : optimiser.stepSize(tensorIndex, r, firstColumn + c));
            }
        }
        return out;
    }

    /** Adds {@code scale * values} to the slot; the tensor must be dense ({@link #dense} makes it so). */
    public void add(Tensor[] tensors, double[] values, double scale) {
        Tensor t = tensors[tensorIndex];
        double[][] stored = GradientRows.storedRows(t);
        if (stored != null) {
            for (int r = 0; r < (vector ? 1 : rows); r++) {
                double[] row = stored[r];
                int from = vector ? 0 : firstColumn;
                int base = r * columns;
                for (int c = 0; c < (vector ? rows : columns); c++) {
                    row[from + c] += scale * values[base + c];
                }
            }
        } else if (vector) {
            DenseVector v = (DenseVector) t;
            for (int r = 0; r < rows; r++) {
                v.add(r, scale * values[r]);
            }
        } else {
            DenseMatrix m = (DenseMatrix) t;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    m.add(r, firstColumn + c, scale * values[r * columns + c]);
                }
            }
        }
    }

    /** Overwrites the slot with {@code values}; the tensor must be dense ({@link #dense} makes it so). */
    public void write(Tensor[] tensors, double[] values) {
        Tensor t = tensors[tensorIndex];
        double[][] stored = GradientRows.storedRows(t);
        if (stored != null) {
            for (int r = 0; r < (vector ? 1 : rows); r++) {
                System.arraycopy(values, r * columns, stored[r], vector ? 0 : firstColumn, vector ? rows : columns);
            }
        } else if (vector) {
            DenseVector v = (DenseVector) t;
            for (int r = 0; r < rows; r++) {
                v.set(r, values[r]);
            }
        } else {
            DenseMatrix m = (DenseMatrix) t;
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    m.set(r, firstColumn + c, values[r * columns + c]);
                }
            }
        }
    }

    /**
     * Replaces {@code tensors[tensorIndex()]} by a dense copy when it is sparse, so that every element can be
     * written. A sparse gradient only holds the features an example has; a penalty or a projection touches all.
     */
    public void dense(Tensor[] tensors) {
        tensors[tensorIndex] = Tensors.dense(tensors[tensorIndex]);
    }

    @Override
    public String toString() {
        return name + " (" + role + ", " + rows + " x " + columns + ", tensor " + tensorIndex
                + (vector ? "" : ", columns from " + firstColumn) + ")";
    }
}
