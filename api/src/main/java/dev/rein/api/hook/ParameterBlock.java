package dev.rein.api.hook;

import java.util.Objects;

/**
 * A block of parameters as a hook sees it: a flat row-major {@code double[]} with its shape, name and role.
 * Row {@code r} holds the incoming weights of unit {@code r}, so element {@code (r, c)} is
 * {@code values()[r * columns() + c]}.
 *
 * <pre>{@code
 * // A constraint capping each row's L2 norm at c, written against this view:
 * for (int r = 0; r < block.rows(); r++) {
 *     double norm = Math.sqrt(block.rowSquaredNorm(r));
 *     if (norm > c) block.scaleRow(r, c / norm);
 * }
 * }</pre>
 *
 * <p>Hooks may change {@link #values()} in place (constraints, proximal steps); Rein writes the changes back to
 * the model. A block is not safe for use by several threads at once.
 */
public final class ParameterBlock {
    private final String name;
    private final Role role;
    private final int rows;
    private final int columns;
    private final double[] values;

    /**
     * Wraps {@code values} without copying.
     *
     * @throws IllegalArgumentException if the shape is negative or does not match {@code values.length}
     */
    public ParameterBlock(String name, Role role, int rows, int columns, double[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.role = Objects.requireNonNull(role, "role");
        Objects.requireNonNull(values, "values");
        if (rows < 0 || columns < 0 || (long) rows * columns != values.length) {
            throw new IllegalArgumentException("Block '" + name + "' has shape " + rows + " x " + columns
                    + " but " + values.length + " values; a block holds exactly rows * columns values");
        }
        this.rows = rows;
        this.columns = columns;
        this.values = values;
    }

    /** A name for messages, e.g. {@code "weights"} or {@code "layer2.weights"}. */
    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    /** The number of units (rows). */
    public int rows() {
        return rows;
    }

    /** The number of inputs per unit (columns). */
    public int columns() {
        return columns;
    }

    /** The live values, row-major, length {@code rows() * columns()}. */
    public double[] values() {
        return values;
    }

    /** The element at row {@code r}, column {@code c}. */
    public double get(int r, int c) {
        return values[r * columns + c];
    }

    /** The squared L2 norm of row {@code r}. */
    public double rowSquaredNorm(int r) {
        double sum = 0;
        for (int i = r * columns, end = i + columns; i < end; i++) {
            sum += values[i] * values[i];
        }
        return sum;
    }

    /** Multiplies every element of row {@code r} by {@code factor}. */
    public void scaleRow(int r, double factor) {
        for (int i = r * columns, end = i + columns; i < end; i++) {
            values[i] *= factor;
        }
    }

    @Override
    public String toString() {
        return name + " (" + role + ", " + rows + " x " + columns + ")";
    }
}
