package dev.rein.api.hook;

import java.util.List;

/**
 * A normalization layer with learned parameters and running state: batch normalization and its relatives.
 *
 * <p>The trainer calls {@link #initialise(int)} once with the layer width, optimises the arrays of
 * {@link #learnedParameters()} with the gradients {@link #backward} leaves in {@link #learnedGradients()} (same
 * names, same order), and saves {@link #state()} with the model so that prediction after loading matches
 * prediction before saving.
 *
 * <pre>{@code
 * // y = gamma * (x - mean) / sqrt(var + eps) + beta, per column, mean and var over the batch (TRAIN)
 * // or the running averages (EVAL).
 * public List<NamedArray> learnedParameters() {
 *     return List.of(new NamedArray("gamma", Role.NORMALIZATION_SCALE, gamma),
 *                    new NamedArray("beta", Role.NORMALIZATION_SHIFT, beta));
 * }
 * }</pre>
 */
public interface Normalization {
    /** Allocates the arrays for a layer of {@code width} units. Called once, before any other method. */
    void initialise(int width);

    /** The parameters the trainer optimises. */
    List<NamedArray> learnedParameters();

    /** The gradients of {@link #learnedParameters()}, in the same order, filled by {@link #backward}. */
    List<NamedArray> learnedGradients();

    /** Running state that is saved and loaded with the model but not optimised (may be empty). */
    List<NamedArray> state();

    /** Writes the normalized output of a {@code batch × width} mini-batch into {@code out}. */
    void forward(double[] in, double[] out, int batch, int width, Phase phase);

    /**
     * Writes the gradient with respect to the last {@code forward}'s input into {@code gradIn} and overwrites
     * {@link #learnedGradients()} with the gradients of the learned parameters.
     */
    void backward(double[] gradOut, double[] gradIn, int batch, int width);
}
