package dev.rein.runtime.network;

import dev.rein.api.hook.Phase;
import java.util.random.RandomGenerator;

/**
 * One step of a network's forward pass on a mini-batch, with its backward step: a dense layer, an activation, a
 * layer plugin. Batches are flat row-major {@code double[]}s of {@code batch × width}.
 *
 * <pre>{@code
 * op.forward(in, out, batch, Phase.TRAIN, random);
 * op.backward(in, out, gradOut, gradIn, batch);   // gradIn may be null where no one needs it (the first layer)
 * }</pre>
 */
interface Op {
    /** The width of the output. */
    int width();

    /** Writes the output for {@code in} into {@code out}. */
    void forward(double[] in, double[] out, int batch, Phase phase, RandomGenerator random);

    /**
     * Writes the gradient of the loss with respect to {@code in} into {@code gradIn} (unless it is null), given
     * {@code gradOut}, and leaves the gradients of the op's parameters where its tensors are; {@code in} and
     * {@code out} are the last forward's.
     */
    void backward(double[] in, double[] out, double[] gradOut, double[] gradIn, int batch);
}
