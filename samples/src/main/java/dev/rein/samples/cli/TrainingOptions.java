package dev.rein.samples.cli;

import dev.rein.runtime.tribuo.RegularizedOptimiser;
import dev.rein.samples.train.ModelChoice;
import dev.rein.samples.train.OptimiserChoice;
import dev.rein.samples.train.TrainingSettings;
import dev.rein.samples.train.UserInputException;
import picocli.CommandLine.Option;

/**
 * The training options {@code rein train}, {@code rein sweep} and {@code rein compare} share, with the same names
 * and defaults, so that a trial trains exactly as {@code rein train} would with its spec. The optimiser, learning
 * rate and batch size default by model ({@link ModelChoice}): AdaGrad and mini-batches of 1 for the linear model,
 * Adam at 0.001 and mini-batches of 128 for the network.
 *
 * <pre>{@code
 * rein sweep --data train.csv --spec "l2(lambda=1e-4..1 log 5)" --optimiser sgd --learning-rate 0.05 --epochs 20
 * }</pre>
 */
public final class TrainingOptions {
    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Random seed for shuffling, initialisation, splits and folds (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--optimiser", paramLabel = "NAME",
            description = "sgd, sgd-linear-decay, sgd-sqrt-decay, adagrad (default for linear, as Tribuo's; with l1 or"
                    + " elastic_net, mode=auto trains in its FTRL-Proximal form for exact zeros), adagrad-rda, adadelta,"
                    + " adam (default for mlp), rmsprop, ftrl (FTRL-Proximal; --learning-rate is its alpha), pegasos.")
    String optimiser;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "The step on the mean gradient of a mini-batch, the same at every --batch-size (default: the"
                    + " optimiser's: 0.25 for adagrad and ftrl, chosen by measurement, 0.1 for sgd; 0.001 for adam with"
                    + " --model mlp).")
    Double learningRate;

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Examples per mini-batch (default 1 for linear, 128 for mlp).")
    Integer batchSize;

    @Option(names = "--validation-split", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Share of the training data held out to validate a stopping rule (e.g. early_stopping) when"
                    + " no validation data is given (default ${DEFAULT-VALUE}); only used when the spec has one.")
    double validationSplit;

    @Option(names = "--lr-schedule", paramLabel = "SCHEDULE", defaultValue = "none",
            description = "With --model mlp: the learning rate over the run, multiplying --learning-rate at each step:"
                    + " none (default), cosine (annealed to min times the rate over all --epochs: cosine(min=0.0)),"
                    + " step(every=10,gamma=0.5) (times gamma every few epochs) or exponential(gamma=0.95) (times"
                    + " gamma every epoch).")
    String rateSchedule;

    @Option(names = "--exact",
            description = "Linear model: take every penalty step at every weight on every step, as the penalty's"
                    + " definition says (no lazy catch-up, carried steps or dense windows): slower, for checking the"
                    + " fast path's result against it. The same as java -Drein.exact=true.")
    boolean exact;

    @Option(names = "--label-column", paramLabel = "NAME", defaultValue = "label",
            description = "The CSV column holding the label (default ${DEFAULT-VALUE}).")
    String labelColumn;

    /** The settings for {@code model}, checked. */
    TrainingSettings settings(ModelChoice model) {
        if (!model.isNetwork() && !rateSchedule.trim().equalsIgnoreCase("none")) {
            throw new UserInputException("--lr-schedule schedules the network's optimiser and goes only with --model"
                    + " mlp; add --model mlp, or leave --lr-schedule out to train the linear model.");
        }
        if (exact && model.isNetwork()) {
            throw new UserInputException("--exact turns off the linear model's lazy penalty steps; the network takes"
                    + " every step at every weight already. Leave --exact out with --model mlp.");
        }
        if (exact) {
            // read by every RegularizedOptimiser created from here on, the trainers' own copies included
            System.setProperty(RegularizedOptimiser.EXACT_PROPERTY, "true");
        }
        OptimiserChoice choice = optimiser == null ? model.defaultOptimiser() : OptimiserChoice.parse(optimiser);
        return new TrainingSettings(epochs, seed, choice,
                learningRate == null ? model.defaultLearningRate(choice) : learningRate,
                batchSize == null ? model.defaultBatchSize() : batchSize, validationSplit, rateSchedule);
    }
}
