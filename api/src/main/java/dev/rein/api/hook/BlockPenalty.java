package dev.rein.api.hook;

/**
 * A penalty over a whole parameter block, for what an element-wise function cannot express: group lasso
 * (a norm per row), orthogonality ({@code ‖WWᵀ - I‖²}), and so on.
 *
 * <pre>{@code
 * @Regularizer(name = "group_lasso", description = "Sum of the L2 norms of the rows: drops whole units")
 * public final class GroupLasso implements BlockPenalty {
 *     private final double lambda;
 *     public GroupLasso(@Param(defaultValue = "1e-4", min = 0) double lambda) { this.lambda = lambda; }
 *
 *     public double value(ParameterBlock b) { ... lambda * Σ_r ‖row r‖ ... }
 *     public void addGradient(ParameterBlock b, double[] gradient, double scale) { ... }
 * }
 * }</pre>
 *
 * <p>As for every penalty, {@code value} is {@code R(w)} with its coefficient inside, and the gradient is
 * {@code dR/dw} as mathematics has it.
 */
public interface BlockPenalty {
    /** {@code R(block)}. */
    double value(ParameterBlock block);

    /**
     * Adds {@code scale · dR/dw} to {@code gradient}, which has the block's layout (row-major,
     * {@code rows * columns}).
     */
    void addGradient(ParameterBlock block, double[] gradient, double scale);

    /** Whether {@link #proximal} is implemented. */
    default boolean hasProximal() {
        return false;
    }

    /**
     * Replaces the block's values {@code w} by {@code argmin_x [‖x - w‖² / (2·step) + R(x)]}.
     *
     * @throws UnsupportedOperationException unless {@link #hasProximal()} says true
     */
    default void proximal(ParameterBlock block, double step) {
        throw new UnsupportedOperationException(getClass().getName() + " has no proximal operator");
    }
}
