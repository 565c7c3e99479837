package dev.rein.runtime.optim;

/**
 * An optimiser that tells, coordinate by coordinate, the step size its last {@code step} used: what a proximal
 * step in the optimiser's own metric needs (Duchi, Hazan and Singer 2011). The step size {@code s} of a coordinate
 * is the factor between what the optimiser moves along and the move:
 * <ul>
 *   <li>SGD, AdaGrad, RMSProp: {@code u = weight · s · g}, {@code g} the gradient entry and {@code weight} the
 *       {@code weight} argument of {@code step} (the mini-batch's mean example weight);</li>
 *   <li>Adam: {@code u = s · m̂}, {@code m̂} the bias-corrected first moment; the weight is ignored.</li>
 * </ul>
 * Tribuo adds {@code u} to the parameter ({@code w ← w + u}; it climbs the log-likelihood). An L1 term
 * {@code λ|w|} taken proximally in the same metric then thresholds each coordinate at {@code λ·s}:
 *
 * <pre>{@code
 * ReinAdaGrad adagrad = new ReinAdaGrad(0.5, 0.1);
 * adagrad.initialise(parameters);
 * Tensor[] u = adagrad.step(gradients, 1.0);            // tensor 0 is the weight matrix
 * double s = adagrad.stepSize(0, 2, 7);                 // 0.5 / (0.1 + √G) for weight (2, 7)
 * double w = weights.get(2, 7) + ((Matrix) u[0]).get(2, 7);
 * w = Math.signum(w) * Math.max(0, Math.abs(w) - lambda * s);   // prox of λ|w| with step s
 * }</pre>
 *
 * <h2>Which coordinate</h2>
 * {@code tensor} indexes the array {@code step} receives (the order of {@code Parameters.get()}); a matrix
 * coordinate is {@code (row, column)}; a vector is one row: {@code (0, index)}. A coordinate is <em>present</em> in
 * a step when the gradient tensor stores it (every entry of a dense tensor, the stored entries of a sparse one, a
 * stored zero included) and <em>absent</em> otherwise.
 *
 * <h2>The step size of an absent coordinate</h2>
 * {@code stepSize} is one formula of the coordinate's state after the last step and of that step's index
 * {@code t}, whether or not the coordinate was present. For an absent coordinate it is therefore the step size it
 * would have had, had it been present with a zero gradient (the state evolves the same either way):
 * <table class="striped">
 *   <caption>Step size after step t</caption>
 *   <thead><tr><th>optimiser</th><th>{@code s}</th><th>an absent coordinate's state</th>
 *   <th>{@link #absentStateFrozen()}</th></tr></thead>
 *   <tbody>
 *   <tr><td>SGD (Tribuo's; for comparison)</td><td>{@code η_t}</td><td>none</td><td>true</td></tr>
 *   <tr><td>{@link ReinAdaGrad}</td><td>{@code η / (ε + √G)}</td><td>{@code G} unchanged</td><td>true</td></tr>
 *   <tr><td>{@link ReinRMSProp}</td><td>{@code η_t / (ε + √v)}, {@code η_t = η/(1 + decay·(t-1))}</td>
 *       <td>{@code v ← ρ·v}</td><td>false</td></tr>
 *   <tr><td>{@link ReinAdam}</td><td>{@code α / (√(v/(1-β₂ᵗ)) + ε)}</td>
 *       <td>{@code m ← β₁·m}, {@code v ← β₂·v}</td><td>false</td></tr>
 *   </tbody>
 * </table>
 * With a frozen state and a constant rate, a coordinate absent from steps {@code t₀+1 .. t₁} had the same step
 * size in each of them, the one {@code stepSize} gives at any point in between: a lazy engine catches it up with
 * {@code (t₁ - t₀)} steps of that size. When the state is not frozen the step size of an absent coordinate changes
 * every step (under RMSProp {@code v} of step {@code t₀ + k} is {@code ρᵏ·v_{t₀}}), and a lazy engine must rebuild
 * each missed step's size or run eagerly.
 *
 * <p>The values are those of the last step until the next {@code step}, {@code initialise} or {@code reset}.
 */
public interface PerCoordinateStep {
    /**
     * The number of {@code step} calls since {@code initialise}: the 1-based index {@code t} of the step that
     * {@link #stepSize} describes. 0 before the first step and after {@code reset}.
     */
    long steps();

    /**
     * The step size coordinate {@code (row, column)} of tensor {@code tensor} had in the last step, or, if it was
     * absent from that step, would have had with a zero gradient (see the table above).
     *
     * @throws IllegalStateException     before the first step after {@code initialise}
     * @throws IndexOutOfBoundsException if there is no such coordinate
     */
    double stepSize(int tensor, int row, int column);

    /**
     * Writes {@code stepSize(tensor, row, c)} into {@code into[c]} for every column {@code c} of the row;
     * {@code into.length} must be the number of columns (a vector's size). O(columns), no allocation.
     *
     * @throws IllegalStateException     before the first step after {@code initialise}
     * @throws IndexOutOfBoundsException if there is no such row or {@code into} is longer than the row
     */
    default void stepSizes(int tensor, int row, double[] into) {
        for (int c = 0; c < into.length; c++) {
            into[c] = stepSize(tensor, row, c);
        }
    }

    /**
     * Writes {@code stepSize(tensor, row, columns[k])} into {@code into[k]} for {@code k < count}: the step sizes
     * of a sparse row's entries (the indices of a Tribuo {@code SparseVector}), O(count).
     *
     * @throws IllegalStateException     before the first step after {@code initialise}
     * @throws IndexOutOfBoundsException if a column does not exist or an array is shorter than {@code count}
     */
    default void stepSizes(int tensor, int row, int[] columns, int count, double[] into) {
        for (int k = 0; k < count; k++) {
            into[k] = stepSize(tensor, row, columns[k]);
        }
    }

    /**
     * Whether a coordinate absent from a step keeps its state exactly (AdaGrad), so that its step size changes only
     * when the rate does; false when the state of every coordinate decays each step (RMSProp, Adam).
     */
    boolean absentStateFrozen();
}
