package com.example.rein;

import dev.rein.api.Param;
import dev.rein.api.Regularizer;
import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.Phase;
import java.util.random.RandomGenerator;

/**
 * Gaussian dropout (Srivastava et al., 2014): in training each activation is multiplied by its own draw of
 * {@code N(1, rate / (1 - rate))}, the noise whose variance matches dropout at drop probability {@code rate};
 * prediction passes activations through. A layer plugin: in Rein's network it sits after every hidden layer, or
 * after the one {@code after=k} names.
 *
 * <pre>{@code
 * rein train --model mlp --layers 64 --data train.csv --plugins my-plugins --spec "gaussian_dropout(rate=0.2)"
 * }</pre>
 */
@Regularizer(name = "gaussian_dropout",
        description = "Multiplies each activation by N(1, rate/(1-rate)) noise in training")
public final class GaussianDropout implements ActivationRegularizer {
    private final double stddev;
    private double[] factors = new double[0];
    private boolean noisy;

    /** @param rate the drop probability of the dropout whose variance the noise matches, in [0, 1) */
    public GaussianDropout(@Param(defaultValue = "0.2", min = 0, max = 1, exclusiveMax = true,
            description = "Drop probability of the dropout whose noise variance this matches") double rate) {
        this.stddev = Math.sqrt(rate / (1 - rate));
    }

    @Override
    public void forward(double[] in, double[] out, int batch, int width, Phase phase, RandomGenerator random) {
        int n = batch * width;
        noisy = phase == Phase.TRAIN;
        if (!noisy) {
            System.arraycopy(in, 0, out, 0, n);
            return;
        }
        if (factors.length < n) {
            factors = new double[n];
        }
        for (int i = 0; i < n; i++) {
            factors[i] = 1 + stddev * random.nextGaussian();
            out[i] = in[i] * factors[i];
        }
    }

    @Override
    public void backward(double[] gradOut, double[] gradIn, int batch, int width) {
        for (int i = 0, n = batch * width; i < n; i++) {
            gradIn[i] = noisy ? gradOut[i] * factors[i] : gradOut[i];
        }
    }
}
