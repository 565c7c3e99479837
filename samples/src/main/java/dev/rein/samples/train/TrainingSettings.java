package dev.rein.samples.train;

/**
 * The knobs of one training run that a person tunes.
 *
 * <pre>{@code
 * TrainingSettings s = TrainingSettings.defaults().withEpochs(20).withOptimiser(OptimiserChoice.SGD_CONSTANT, 0.05);
 * }</pre>
 *
 * @param epochs       passes over the training data
 * @param seed         fixes shuffling and initialisation: same data, spec and seed give the same model
 * @param optimiser    the Tribuo optimiser
 * @param learningRate its learning rate
 * @param batchSize    examples per mini-batch
 */
public record TrainingSettings(int epochs, long seed, OptimiserChoice optimiser, double learningRate,
        int batchSize) {
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
    }

    /** 10 epochs, seed 1, AdaGrad at its default rate, mini-batches of 1. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(10, 1L, OptimiserChoice.ADAGRAD, OptimiserChoice.ADAGRAD.defaultLearningRate(),
                1);
    }

    public TrainingSettings withEpochs(int value) {
        return new TrainingSettings(value, seed, optimiser, learningRate, batchSize);
    }

    public TrainingSettings withSeed(long value) {
        return new TrainingSettings(epochs, value, optimiser, learningRate, batchSize);
    }

    public TrainingSettings withOptimiser(OptimiserChoice choice, double rate) {
        return new TrainingSettings(epochs, seed, choice, rate, batchSize);
    }

    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(epochs, seed, optimiser, learningRate, value);
    }
}
