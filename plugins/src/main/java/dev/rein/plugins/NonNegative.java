package dev.rein.plugins;

import dev.rein.api.Regularizer;
import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ParameterBlock;

/**
 * Non-negativity: after every step, negative weights are set to zero (the projection onto {@code w >= 0}).
 *
 * <pre>{@code
 * rein train --data counts.libsvm --spec "non_negative + l2(lambda=1e-4)"
 * }</pre>
 *
 * <p>Keras' {@code constraints.NonNeg()}; useful where a weight's sign is known, e.g. monotone models of counts.
 */
@Regularizer(name = "non_negative", aliases = {"nonneg"},
        description = "Clips negative weights to zero after every step")
public final class NonNegative implements Constraint {
    /** Takes no parameters. */
    public NonNegative() {
    }

    @Override
    public void project(ParameterBlock block) {
        double[] w = block.values();
        for (int i = 0; i < w.length; i++) {
            if (w[i] < 0) {
                w[i] = 0.0;
            }
        }
    }
}
