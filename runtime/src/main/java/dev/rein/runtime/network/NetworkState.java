package dev.rein.runtime.network;

import java.io.Serial;
import java.io.Serializable;

/**
 * Everything a trained network is, as plain arrays: the shape, the activation, each dense layer's weights and
 * biases, and each layer plugin as a {@link SavedLayer}. A {@link FeedForwardModel} keeps one and rebuilds the
 * network from it for prediction.
 *
 * @param inputs     the number of input features
 * @param hidden     the hidden layers' widths
 * @param outputs    the number of output units (labels, or regression dimensions)
 * @param activation the hidden layers' activation
 * @param weights    per dense layer, {@code [units][inputs]}
 * @param biases     per dense layer, {@code [units]}
 * @param layers     the layer plugins, in network order
 */
record NetworkState(int inputs, int[] hidden, int outputs, Activation activation, double[][][] weights,
        double[][] biases, SavedLayer[] layers) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The widths from input to output: {@code "784-256-128-10"}. */
    String shape() {
        StringBuilder s = new StringBuilder().append(inputs);
        for (int h : hidden) {
            s.append('-').append(h);
        }
        return s.append('-').append(outputs).toString();
    }
}
