package dev.rein.runtime.tribuo;

import java.lang.reflect.Field;
import java.util.Arrays;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.VectorTuple;

/**
 * Reads and writes the present entries of a {@link DenseSparseMatrix} by their position in each row, the hot
 * path of a lazy step. Tribuo's {@code get(r, c)} and {@code set(r, c, v)} binary-search the row for the column on
 * every call; a lazy step touches each present entry three times, so it reads the rows' value arrays directly
 * (Tribuo keeps them in a protected field and offers no bulk access). Where that field cannot be opened, every
 * call falls back to Tribuo's own {@code get}/{@code set}.
 *
 * <pre>{@code
 * SparseRows rows = SparseRows.of(gradient);
 * rows.add(r, k, c, -penaltyGradient);   // entry k of row r, whose column is c
 * }</pre>
 */
final class SparseRows {
    private static final Field VALUES = field("values");
    private static final Field INDICES = field("indices");

    private final DenseSparseMatrix matrix;
    private final double[][] values;

    private SparseRows(DenseSparseMatrix matrix, double[][] values) {
        this.matrix = matrix;
        this.values = values;
    }

    /** A view of {@code matrix}'s rows; positions are those of {@code matrix.getRow(r)}'s entries in order. */
    static SparseRows of(DenseSparseMatrix matrix) {
        if (VALUES == null) {
            return new SparseRows(matrix, null);
        }
        double[][] rows = new double[matrix.getDimension1Size()][];
        try {
            for (int r = 0; r < rows.length; r++) {
                rows[r] = (double[]) VALUES.get(matrix.getRow(r));
            }
        } catch (IllegalAccessException e) {
            return new SparseRows(matrix, null);
        }
        return new SparseRows(matrix, rows);
    }

    /**
     * A view of {@code matrix}'s rows addressed by the positions of {@code pattern}'s entries: direct when both have
     * the same columns in every row, else through Tribuo's {@code get}/{@code set}.
     */
    static SparseRows of(DenseSparseMatrix matrix, DenseSparseMatrix pattern) {
        if (matrix == pattern) {
            return of(matrix);
        }
        if (INDICES == null || matrix.getDimension1Size() != pattern.getDimension1Size()) {
            return new SparseRows(matrix, null);
        }
        try {
            for (int r = 0; r < matrix.getDimension1Size(); r++) {
                int[] a = (int[]) INDICES.get(matrix.getRow(r));
                int[] b = (int[]) INDICES.get(pattern.getRow(r));
                if (a != b && !Arrays.equals(a, 0, matrix.getRow(r).numActiveElements(), b, 0,
                        pattern.getRow(r).numActiveElements())) {
                    return new SparseRows(matrix, null);
                }
            }
        } catch (IllegalAccessException e) {
            return new SparseRows(matrix, null);
        }
        return of(matrix);
    }

    /** The value of entry {@code k} of row {@code r}, whose column is {@code c}. */
    double get(int r, int k, int c) {
        return values != null ? values[r][k] : matrix.get(r, c);
    }

    void set(int r, int k, int c, double value) {
        if (values != null) {
            values[r][k] = value;
        } else {
            matrix.set(r, c, value);
        }
    }

    void add(int r, int k, int c, double delta) {
        if (values != null) {
            values[r][k] += delta;
        } else {
            matrix.add(r, c, delta);
        }
    }

    /**
     * {@code "at (r, c) is v"} for the first NaN or infinite stored value, or null when all are finite; scans the
     * value arrays directly (a tight loop) where it can.
     */
    static String firstNonFinite(DenseSparseMatrix m) {
        SparseRows rows = of(m);
        for (int r = 0; r < m.getDimension1Size(); r++) {
            SparseVector row = m.getRow(r);
            int n = row.numActiveElements();
            if (rows.values != null) {
                double[] v = rows.values[r];
                double check = 0;
                for (int k = 0; k < n; k++) {
                    check += v[k] * 0;   // NaN or infinite anywhere makes the sum NaN
                }
                if (check == 0) {
                    continue;
                }
            }
            for (VectorTuple e : row) {
                if (!Double.isFinite(e.value)) {
                    return "at (" + r + ", " + e.index + ") is " + e.value;
                }
            }
        }
        return null;
    }

    private static Field field(String name) {
        try {
            Field f = SparseVector.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;   // a future Tribuo may rename it, or a module may close it: use get/set
        }
    }
}
