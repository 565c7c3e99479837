package dev.rein.api.hook;

/**
 * A projection applied to the weights after every optimiser step: max-norm, non-negativity, unit norm.
 *
 * <pre>{@code
 * @Regularizer(name = "non_negative", description = "Clips negative weights to zero")
 * public final class NonNegative implements Constraint {
 *     public void project(ParameterBlock block) {
 *         double[] w = block.values();
 *         for (int i = 0; i < w.length; i++) if (w[i] < 0) w[i] = 0;
 *     }
 * }
 * }</pre>
 *
 * <p>Constraints run in spec order after each step. A projection should be idempotent: projecting twice gives
 * the same as projecting once ({@code rein check} verifies this).
 */
public interface Constraint {
    /** Moves the block's values, in place, to the nearest point of the allowed set. */
    void project(ParameterBlock block);
}
