package dev.rein.samples.train;

import dev.rein.runtime.network.Activation;
import dev.rein.runtime.network.FeedForwardModel;
import dev.rein.runtime.network.FeedForwardTrainer;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.TrainingDivergedException;
import dev.rein.runtime.tribuo.WeightSummary;
import dev.rein.runtime.tribuo.trainer.EpochListener;
import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import java.util.Optional;
import java.util.OptionalDouble;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * Trains Rein's feed-forward network ({@link FeedForwardTrainer}) with a regularization and measures it as
 * {@link TrainingJob} measures a linear model, so that {@code rein train --model mlp} prints and writes the same
 * fields: the penalty, weight norm and exact zeros are over every layer's weights (biases and normalization
 * parameters excluded).
 *
 * <pre>{@code
 * var job = NetworkTrainingJob.prepare(regularization, settings, new int[] {256, 128}, Activation.RELU);
 * TrainingResult r = job.run(train, null, test, report -> System.out.println(report));
 * }</pre>
 *
 * <p>The settings' learning rate goes to the optimiser as it is: the network steps on the mean gradient of each
 * mini-batch.
 */
public final class NetworkTrainingJob {
    private final Regularization regularization;
    private final FeedForwardTrainer trainer;
    private final double validationSplit;
    private final long seed;

    private NetworkTrainingJob(Regularization regularization, FeedForwardTrainer trainer, double validationSplit,
            long seed) {
        this.regularization = regularization;
        this.trainer = trainer;
        this.validationSplit = validationSplit;
        this.seed = seed;
    }

    /**
     * Builds the trainer, which checks the settings and the spec (a refused mode, a layer position that does not
     * exist) before any data is read.
     *
     * @throws UserInputException with the trainer's message if a check fails
     */
    public static NetworkTrainingJob prepare(Regularization regularization, TrainingSettings settings, int[] layers,
            Activation activation) {
        try {
            FeedForwardTrainer trainer = new FeedForwardTrainer(layers, activation,
                    settings.optimiser().create(settings.learningRate()), regularization, settings.epochs(),
                    settings.batchSize(), settings.seed()).withValidationSplit(settings.validationSplit())
                    .withLearningRateSchedule(settings.schedule().orElse(null));
            return new NetworkTrainingJob(regularization, trainer, settings.validationSplit(), settings.seed());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /**
     * The trainer this job built (fresh, so its random state is untouched), for a caller that trains through Tribuo's
     * own tools, e.g. {@code new CrossValidation<>(job.trainer(), data, new LabelEvaluator(), 5, seed)}.
     */
    public FeedForwardTrainer trainer() {
        return trainer;
    }

    /**
     * Trains and measures, telling {@code listener} about each epoch.
     *
     * @param validation validation data for a stopping rule, or {@code null} to split it off {@code train}
     * @throws UserInputException if training diverges or a plugin fails
     */
    public TrainingResult run(Dataset<Label> train, Dataset<Label> validation, Dataset<Label> test,
            EpochListener listener) {
        long start = System.nanoTime();
        FeedForwardModel model;
        try {
            model = trainer.train(train, validation, listener);
        } catch (TrainingDivergedException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            Optional<UserInputException> plugin = PluginFailure.explain(e, regularization);
            if (plugin.isPresent()) {
                throw plugin.get();
            }
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        boolean split = validation == null && !regularization.terms(dev.rein.api.spi.Kind.STOPPING_RULE).isEmpty();
        Iterable<Example<Label>> trainedOn = split
                ? dev.rein.runtime.tribuo.trainer.ValidationSplit.of(list(train), validationSplit, seed).training()
                : train;
        int trainedCount = split ? ((java.util.List<Example<Label>>) trainedOn).size() : train.size();
        double trainAccuracy = Accuracy.of(model, trainedOn);
        OptionalDouble testAccuracy = test == null ? OptionalDouble.empty() : OptionalDouble.of(Accuracy.of(model, test));
        WeightSummary weights = WeightSummary.ofBlocks(model.parameterBlocks(), regularization);
        TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
        return new TrainingResult(model, regularization.toSpec(), outcome.modes(), trainAccuracy, testAccuracy,
                weights.penalty(), weights.weightNorm(), weights.zeroWeights(), weights.totalWeights(), seconds,
                outcome.epochsRun(), outcome.bestEpoch(),
                outcome.stopReason(), trainedCount, train.size() - trainedCount);
    }

    private static java.util.List<Example<Label>> list(Dataset<Label> data) {
        java.util.List<Example<Label>> out = new java.util.ArrayList<>(data.size());
        data.forEach(out::add);
        return out;
    }
}
