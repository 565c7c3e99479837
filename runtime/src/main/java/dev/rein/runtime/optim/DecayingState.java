package dev.rein.runtime.optim;

/**
 * One tensor's running average that decays by a factor every step, present coordinates or not, at a cost of
 * O(1) per decay: the values are kept divided by a running factor, and the factor is folded into them once it falls
 * below {@value #FOLD_BELOW}. Tribuo 4.3.2's {@code ShrinkingMatrix} keeps RMSProp's accumulator the same way, with
 * the same arithmetic, so the numbers agree with it to the last bit.
 *
 * <pre>{@code
 * DecayingState v = new DecayingState(2, 3);
 * v.decay(0.9);             // every coordinate: v ← 0.9·v
 * v.add(1, 2, 0.1 * g * g); // one coordinate: v ← v + 0.1·g²
 * double value = v.get(1, 2);
 * }</pre>
 */
final class DecayingState {
    /** Tribuo's {@code ShrinkingTensor.tolerance}. */
    static final double FOLD_BELOW = 1e-6;

    private final double[][] stored;
    private double factor = 1.0;

    DecayingState(int rows, int columns) {
        this.stored = new double[rows][columns];
    }

    /** Multiplies every value by {@code by}. */
    void decay(double by) {
        factor *= by;
        if (Math.abs(factor) < FOLD_BELOW) {
            fold();
        }
    }

    /**
     * Folds the running factor into the values (when it is not 1), so that {@link #row} holds the values
     * themselves until the next {@link #decay}.
     */
    void fold() {
        if (factor != 1.0) {
            for (double[] row : stored) {
                for (int c = 0; c < row.length; c++) {
                    row[c] *= factor;
                }
            }
            factor = 1.0;
        }
    }

    /** Row {@code row}'s stored values, live: the values themselves right after {@link #fold}. */
    double[] row(int row) {
        return stored[row];
    }

    /** The value at {@code (row, column)}. */
    double get(int row, int column) {
        return stored[row][column] * factor;
    }

    /** Adds {@code delta} to the value at {@code (row, column)}. */
    void add(int row, int column, double delta) {
        double value = stored[row][column] * factor + delta;
        stored[row][column] = value / factor;
    }


    /** One state per tensor of {@code shapes} ({@code {rows, columns}} each). */
    static DecayingState[] of(int[][] shapes) {
        DecayingState[] out = new DecayingState[shapes.length];
        for (int t = 0; t < shapes.length; t++) {
            out[t] = new DecayingState(shapes[t][0], shapes[t][1]);
        }
        return out;
    }
}
