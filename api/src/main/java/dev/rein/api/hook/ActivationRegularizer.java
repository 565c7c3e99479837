package dev.rein.api.hook;

import java.util.random.RandomGenerator;

/**
 * A layer that regularizes activations during training and passes them through (or rescales them) at
 * prediction time: dropout, Gaussian noise.
 *
 * <p>Activations are a mini-batch as a flat row-major {@code double[]} of {@code batch × width}. The trainer calls
 * {@code forward} then, for the same batch, {@code backward}; an implementation keeps what it needs between the
 * two (a dropout mask) in its own fields. Randomness comes only from the {@code random} argument, so that a seed
 * fixes every run.
 *
 * <pre>{@code
 * public void forward(double[] in, double[] out, int batch, int width, Phase phase, RandomGenerator random) {
 *     if (phase == Phase.EVAL) { System.arraycopy(in, 0, out, 0, in.length); return; }
 *     for (int i = 0; i < in.length; i++) {
 *         mask[i] = random.nextDouble() < p ? 0 : 1 / (1 - p);   // inverted dropout
 *         out[i] = in[i] * mask[i];
 *     }
 * }
 * }</pre>
 */
public interface ActivationRegularizer {
    /** Writes the layer's output for {@code in} into {@code out} (both {@code batch * width} long). */
    void forward(double[] in, double[] out, int batch, int width, Phase phase, RandomGenerator random);

    /**
     * Writes into {@code gradIn} the gradient of the loss with respect to the last {@code forward}'s input, given
     * {@code gradOut}, the gradient with respect to its output.
     */
    void backward(double[] gradOut, double[] gradIn, int batch, int width);
}
