package dev.rein.runtime.network;

import dev.rein.api.hook.Phase;
import java.util.random.RandomGenerator;

/** A hidden layer's {@link Activation} as a step of the network. */
final class ActivationOp implements Op {
    private final Activation activation;
    private final int width;

    ActivationOp(Activation activation, int width) {
        this.activation = activation;
        this.width = width;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public void forward(double[] in, double[] out, int batch, Phase phase, RandomGenerator random) {
        activation.apply(in, out, batch * width);
    }

    @Override
    public void backward(double[] in, double[] out, double[] gradOut, double[] gradIn, int batch) {
        activation.backward(out, gradOut, gradIn, batch * width);
    }
}
