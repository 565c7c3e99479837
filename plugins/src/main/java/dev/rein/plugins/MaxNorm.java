package dev.rein.plugins;

import dev.rein.api.Param;
import dev.rein.api.Regularizer;
import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ParameterBlock;

/**
 * Max-norm: after every step, each unit's incoming weight vector (a row of the block) is scaled down so that its
 * L2 norm is at most {@code c}. Rows already inside the ball are left alone.
 *
 * <pre>{@code
 * rein train --data train.libsvm --spec "max_norm(c=3)"
 * }</pre>
 *
 * <p>This is Keras' {@code constraints.MaxNorm(max_value=c, axis=0)} for a dense layer and the constraint of
 * Srivastava, Hinton et al. (2014) used with dropout ({@code c} of 3 to 4 is typical). Biases are not touched
 * unless the spec says {@code on=all}.
 */
@Regularizer(name = "max_norm", aliases = {"maxnorm"},
        description = "Caps the L2 norm of each unit's incoming weights at c")
public final class MaxNorm implements Constraint {
    private final double c;

    /** @param c the largest allowed L2 norm of a row */
    public MaxNorm(@Param(defaultValue = "3", min = 0, exclusiveMin = true,
            description = "Largest allowed L2 norm of a unit's incoming weights") double c) {
        this.c = c;
    }

    @Override
    public void project(ParameterBlock block) {
        for (int r = 0; r < block.rows(); r++) {
            double norm = Math.sqrt(block.rowSquaredNorm(r));
            if (norm > c) {
                block.scaleRow(r, c / norm);
            }
        }
    }
}
