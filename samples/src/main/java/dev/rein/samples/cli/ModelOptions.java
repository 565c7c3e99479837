package dev.rein.samples.cli;

import dev.rein.samples.train.ModelChoice;
import picocli.CommandLine.Option;

/**
 * The model options {@code rein train}, {@code rein sweep} and {@code rein compare} share: which model, and the
 * network's shape.
 *
 * <pre>{@code
 * rein sweep --model mlp --layers 64 --data /usr/share/datasets/fashion-mnist --spec "dropout(p=0.1..0.5 lin 3)"
 * }</pre>
 */
public final class ModelOptions {
    @Option(names = "--model", paramLabel = "KIND", defaultValue = "linear",
            description = "linear (default): Tribuo's linear SGD classifier; mlp: Rein's feed-forward network.")
    String model;

    @Option(names = "--layers", paramLabel = "WIDTHS", split = ",", defaultValue = "256,128",
            description = "With --model mlp: the hidden layers' widths (default ${DEFAULT-VALUE}).")
    int[] layers;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "With --model mlp: relu (default), tanh or sigmoid.")
    String activation;

    /** The model, checked. */
    ModelChoice choice() {
        return ModelChoice.parse(model, layers, activation);
    }
}
