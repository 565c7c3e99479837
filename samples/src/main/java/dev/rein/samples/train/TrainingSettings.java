package dev.rein.samples.train;

import dev.rein.runtime.optim.RateSchedule;
import dev.rein.runtime.optim.RateSchedules;
import java.util.Optional;

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
 * @param rateSchedule    the learning-rate schedule of the network ({@code --lr-schedule}), as
 *                        {@link RateSchedules#parse} reads it: {@code none}, {@code cosine(min=0.0)}, ...
 */
public record TrainingSettings(int epochs, long seed, OptimiserChoice optimiser, double learningRate,
        int batchSize, double validationSplit, String rateSchedule) {
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
        if (rateSchedule == null) {
            rateSchedule = "none";
        }
        try {
            rateSchedule = RateSchedules.describe(RateSchedules.parse(rateSchedule));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("--lr-schedule: " + e.getMessage(), e);
        }
    }

    /** As the full constructor, without a learning-rate schedule. */
    public TrainingSettings(int epochs, long seed, OptimiserChoice optimiser, double learningRate, int batchSize,
            double validationSplit) {
        this(epochs, seed, optimiser, learningRate, batchSize, validationSplit, "none");
    }

    /** The learning-rate schedule, empty for the constant rate. */
    public Optional<RateSchedule> schedule() {
        return RateSchedules.parse(rateSchedule);
    }

    /** Whether a learning-rate schedule is set. */
    public boolean hasSchedule() {
        return !rateSchedule.equals("none");
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
        return new TrainingSettings(value, seed, optimiser, learningRate, batchSize, validationSplit, rateSchedule);
    }

    public TrainingSettings withSeed(long value) {
        return new TrainingSettings(epochs, value, optimiser, learningRate, batchSize, validationSplit, rateSchedule);
    }

    public TrainingSettings withOptimiser(OptimiserChoice choice, double rate) {
        return new TrainingSettings(epochs, seed, choice, rate, batchSize, validationSplit, rateSchedule);
    }

    public TrainingSettings withBatchSize(int value) {
        return new TrainingSettings(epochs, seed, optimiser, learningRate, value, validationSplit, rateSchedule);
    }

    public TrainingSettings withValidationSplit(double value) {
        return new TrainingSettings(epochs, seed, optimiser, learningRate, batchSize, value, rateSchedule);
    }

    public TrainingSettings withRateSchedule(String value) {
        return new TrainingSettings(epochs, seed, optimiser, learningRate, batchSize, validationSplit, value);
    }
}
