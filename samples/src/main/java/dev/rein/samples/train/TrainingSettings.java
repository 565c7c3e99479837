package dev.rein.samples.train;

/**
 * The knobs of one training run that a person tunes.
 *
 * <pre>{@code
 * TrainingSettings s = TrainingSettings.defaults().withEpochs(20).withOptimiser(OptimiserChoice.SGD_CONSTANT, 0.05);
 * }</pre>
 *
 * @param epochs          passes over the training data; with a stopping rule in the spec, the most it may run
 * @param seed            fixes shuffling, initialisation and the validation split: same data, spec and seed give
 *                        the same model
 * @param optimiser       the Tribuo optimiser
 * @param learningRate    its learning rate
 * @param batchSize       examples per mini-batch
 * @param validationSplit the share of the training data held out for a stopping rule when no validation file is
 *                        given
 */
public record TrainingSettings(int epochs, long seed, OptimiserChoice optimiser, double learningRate,
        int batchSize, double validationSplit) {
    /** The default {@code --validation-split}. */
    public static final double DEFAULT_VALIDATION_SPLIT = 0.1;

    public TrainingSettings {
        if (epochs < 1) {
            throw new UserInputException("--epochs is " + epochs + "; it must be at least 1.");
        }
        if (batchSize < 1) {
            throw new UserInputException("--batch-size is " + batchSize + "; it must be at least 1.");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new UserInputException("--learning-rate is " + learningRate + "; it must be a positive number.");
        }
        if (!(validationSplit > 0 && validationSplit < 1)) {
            throw new UserInputException("--validation-split is " + validationSplit + "; it must lie strictly between"
                    + " 0 and 1, e.g. 0.1 to hold out a tenth of the training data.");
        }
    }

    /** As the full constructor, holding out {@value #DEFAULT_VALIDATION_SPLIT} for a stopping rule. */
    public TrainingSettings(int epochs, long seed, OptimiserChoice optimiser, double learningRate, int batchSize) {
        this(epochs, seed, optimiser, learningRate, batchSize, DEFAULT_VALIDATION_SPLIT);
    }

    /** 10 epochs, seed 1, AdaGrad at its default rate, mini-batches of 1, a validation split of 0.1. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(10, 1L, OptimiserChoice.ADAGRAD, OptimiserChoice.ADAGRAD.defaultLearningRate(),
                1);
    }

    public TrainingSettings withEpochs(int value) {
        return new TrainingSettings(value, seed, optimiser, learningRate, batchSize, validationSplit);
    }

    public TrainingSettings withSeed(long value) {
        return new TrainingSettings(epochs, value, optimiser, learningRate, batchSize, validationSplit);
    }

    public TrainingSettings withOptimiser(OptimiserChoice choice, double rate) {
        return new TrainingSettings(epochs, seed, choice, rate, batchSize, validationSplit);
    }

    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(epochs, seed, optimiser, learningRate, value, validationSplit);
    }

    public TrainingSettings withValidationSplit(double value) {
        return new TrainingSettings(epochs, seed, optimiser, learningRate, batchSize, value);
    }
}
