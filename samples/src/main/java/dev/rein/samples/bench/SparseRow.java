package dev.rein.samples.bench;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Objects;

/**
 * One example of a libsvm file: a label and its non-zero features, indices 1-based and strictly increasing.
 * Immutable.
 *
 * <pre>{@code
 * SparseRow row = SparseRow.parse("-1 3:0.5 10:1", 1);
 * row.indices();    // [3, 10]
 * row.toLibSvm();   // "-1 3:0.5 10:1"
 * }</pre>
 */
public final class SparseRow {
    private final String label;
    private final int[] indices;
    private final double[] values;

    /**
     * @throws IllegalArgumentException if the arrays differ in length, an index is below 1 or indices do not
     *                                  increase, or a value is not finite
     */
    public SparseRow(String label, int[] indices, double[] values) {
        this.label = Objects.requireNonNull(label, "label");
        if (label.isBlank() || label.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("A libsvm label must be one word, got '" + label + "'");
        }
        if (indices.length != values.length) {
            throw new IllegalArgumentException("A row needs one value per index, got " + indices.length
                    + " indices and " + values.length + " values");
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 1 || (i > 0 && indices[i] <= indices[i - 1])) {
                throw new IllegalArgumentException("Feature indices must be 1-based and strictly increasing, got "
                        + Arrays.toString(indices));
            }
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("Feature " + indices[i] + " has the non-finite value "
                        + values[i]);
            }
        }
        this.indices = indices.clone();
        this.values = values.clone();
    }

    /**
     * Parses one line of a libsvm file ({@code label index:value ...}).
     *
     * @param lineNumber 1-based, for the error message
     * @throws IllegalArgumentException naming the line and what was wrong with it
     */
    public static SparseRow parse(String line, int lineNumber) {
        String[] tokens = line.trim().split("\\s+");
        if (tokens.length == 0 || tokens[0].isEmpty()) {
            throw new IllegalArgumentException("Line " + lineNumber + " is empty; a libsvm line is 'label"
                    + " index:value ...'");
        }
        int[] indices = new int[tokens.length - 1];
        double[] values = new double[tokens.length - 1];
        for (int i = 1; i < tokens.length; i++) {
            int colon = tokens[i].indexOf(':');
            try {
                if (colon < 0) {
                    throw new NumberFormatException("no ':'");
                }
                indices[i - 1] = Integer.parseInt(tokens[i].substring(0, colon));
                values[i - 1] = Double.parseDouble(tokens[i].substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Line " + lineNumber + ": '" + tokens[i] + "' is not"
                        + " index:value (e.g. 12:0.5)");
            }
        }
        try {
            return new SparseRow(tokens[0], indices, values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    public String label() {
        return label;
    }

    /** The 1-based feature indices, increasing (a copy). */
    public int[] indices() {
        return indices.clone();
    }

    /** The values, in the order of {@link #indices()} (a copy). */
    public double[] values() {
        return values.clone();
    }

    /** This row with another label, e.g. for a one-against-the-rest task. */
    public SparseRow withLabel(String newLabel) {
        return new SparseRow(newLabel, indices, values);
    }

    /** {@code Σ_i weights[index_i] · value_i}; indices beyond the array count as weight zero. */
    public double dot(double[] weightsByIndex) {
        double sum = 0;
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < weightsByIndex.length) {
                sum += weightsByIndex[indices[i]] * values[i];
            }
        }
        return sum;
    }

    /** The libsvm line, values in their shortest exact decimal form ({@code 1.0} written as {@code 1}). */
    public String toLibSvm() {
        StringBuilder out = new StringBuilder(label);
        for (int i = 0; i < indices.length; i++) {
            out.append(' ').append(indices[i]).append(':').append(format(values[i]));
        }
        return out.toString();
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String s = Double.toString(value);
        return s.contains("E") ? new BigDecimal(s).stripTrailingZeros().toPlainString() : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseRow r && label.equals(r.label) && Arrays.equals(indices, r.indices)
                && Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, Arrays.hashCode(indices), Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return toLibSvm();
    }
}
