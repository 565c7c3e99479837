package dev.rein.plugins;

import dev.rein.api.Param;
import dev.rein.api.Regularizer;
import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.Phase;
import java.util.random.RandomGenerator;

/**
 * Inverted dropout: in training each activation is zeroed with probability {@code p} (the <em>drop</em>
 * probability, as in Keras and PyTorch, not the keep probability of Srivastava et al.) and the survivors are
 * multiplied by {@code 1 / (1 - p)}, so that an activation's expected value is unchanged and prediction passes the
 * activations through untouched.
 *
 * <pre>{@code
 * rein train --model mlp --layers 256,128 --data fashion-mnist/ --spec "dropout(p=0.2)"         // after every hidden layer
 * rein train --model mlp --layers 256,128 --data fashion-mnist/ --spec "dropout(p=0.5, after=1)" // after the first only
 * }</pre>
 */
@Regularizer(name = "dropout", description = "Zeroes each activation with probability p in training (inverted dropout)")
public final class Dropout implements ActivationRegularizer {
    private final double p;
    private double[] mask = new double[0];
    /** Whether the last forward dropped anything; after a prediction forward the gradient passes unchanged. */
    private boolean masked;

    /** @param p the probability that an activation is dropped, in [0, 1) */
    public Dropout(@Param(defaultValue = "0.5", min = 0, max = 1, exclusiveMax = true,
            description = "Probability that an activation is dropped in training") double p) {
        this.p = p;
    }

    @Override
    public void forward(double[] in, double[] out, int batch, int width, Phase phase, RandomGenerator random) {
        int n = batch * width;
        masked = phase == Phase.TRAIN;
        if (!masked) {
            System.arraycopy(in, 0, out, 0, n);
            return;
        }
        if (mask.length < n) {
            mask = new double[n];
        }
        double keep = 1.0 / (1.0 - p);
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextDouble() < p ? 0.0 : keep;
            out[i] = in[i] * mask[i];
        }
    }

    @Override
    public void backward(double[] gradOut, double[] gradIn, int batch, int width) {
        for (int i = 0, n = batch * width; i < n; i++) {
            gradIn[i] = masked ? gradOut[i] * mask[i] : gradOut[i];
        }
    }
}
