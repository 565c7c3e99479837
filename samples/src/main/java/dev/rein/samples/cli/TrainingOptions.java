package dev.rein.samples.cli;

import dev.rein.samples.train.OptimiserChoice;
import dev.rein.samples.train.TrainingSettings;
import picocli.CommandLine.Option;

/**
 * The training options {@code rein sweep} and {@code rein compare} share with {@code rein train}, with the same names
 * and defaults, so that a trial trains exactly as {@code rein train} would with its spec.
 *
 * <pre>{@code
 * rein sweep --data train.csv --spec "l2(lambda=1e-4..1 log 5)" --optimiser sgd --learning-rate 0.05 --epochs 20
 * }</pre>
 */
public final class TrainingOptions {
    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Random seed for training and the folds (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--optimiser", paramLabel = "NAME", defaultValue = "adagrad",
            description = "sgd, sgd-linear-decay, sgd-sqrt-decay, adagrad (default), adagrad-rda, adadelta, adam,"
                    + " rmsprop, pegasos.")
    String optimiser;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "The step on the mean gradient of a mini-batch (default: the optimiser's).")
    Double learningRate;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1",
            description = "Examples per mini-batch (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--validation-split", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Share of the training data a stopping rule validates on (default ${DEFAULT-VALUE}).")
    double validationSplit;

    @Option(names = "--label-column", paramLabel = "NAME", defaultValue = "label",
            description = "The CSV column holding the label (default ${DEFAULT-VALUE}).")
    String labelColumn;

    /** The settings, checked. */
    TrainingSettings settings() {
        OptimiserChoice choice = OptimiserChoice.parse(optimiser);
        return new TrainingSettings(epochs, seed, choice, learningRate == null ? choice.defaultLearningRate()
                : learningRate, batchSize, validationSplit);
    }
}
