package dev.rein.plugins;

import dev.rein.api.Param;
import dev.rein.api.Regularizer;
import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.Phase;
import java.util.random.RandomGenerator;

/**
 * Additive Gaussian noise: in training each activation gets an independent draw of {@code N(0, stddev²)} added;
 * prediction passes the activations through untouched. This is Keras' {@code GaussianNoise(stddev)}. The noise does
 * not depend on the input, so the gradient passes straight through.
 *
 * <pre>{@code
 * rein train --model mlp --layers 256,128 --data fashion-mnist/ --spec "gaussian_noise(stddev=0.1)"
 * }</pre>
 */
@Regularizer(name = "gaussian_noise", description = "Adds N(0, stddev^2) noise to each activation in training")
public final class GaussianNoise implements ActivationRegularizer {
    private final double stddev;

    /** @param stddev the standard deviation of the noise */
    public GaussianNoise(@Param(defaultValue = "0.1", min = 0,
            description = "Standard deviation of the noise added to each activation") double stddev) {
        this.stddev = stddev;
    }

    @Override
    public void forward(double[] in, double[] out, int batch, int width, Phase phase, RandomGenerator random) {
        int n = batch * width;
        if (phase == Phase.EVAL) {
            System.arraycopy(in, 0, out, 0, n);
            return;
        }
        for (int i = 0; i < n; i++) {
            out[i] = in[i] + stddev * random.nextGaussian();
        }
    }

    @Override
    public void backward(double[] gradOut, double[] gradIn, int batch, int width) {
        System.arraycopy(gradOut, 0, gradIn, 0, batch * width);
    }
}
