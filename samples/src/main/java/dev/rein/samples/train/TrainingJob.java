package dev.rein.samples.train;

import dev.rein.api.spi.Kind;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.TrainingDivergedException;
import dev.rein.runtime.tribuo.WeightSummary;
import dev.rein.runtime.tribuo.trainer.EpochListener;
import dev.rein.runtime.tribuo.trainer.RegularizedLinearClassificationTrainer;
import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import dev.rein.runtime.tribuo.trainer.ValidationSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleConsumer;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.objectives.LogMulticlass;

/**
 * Trains a linear SGD classifier (logistic loss) with a regularization through Rein's
 * {@link RegularizedLinearClassificationTrainer} and measures the result: what {@code rein train} and
 * {@code rein demo} run.
 *
 * <pre>{@code
 * TrainingJob job = TrainingJob.prepare(regularization, TrainingSettings.defaults());   // checks, before any data
 * TrainingResult r = job.run(train, null, test, fraction -> { });
 * r.testAccuracy();   // OptionalDouble[0.93]
 * r.stopReason();     // "completed all epochs", or why early_stopping ended the run
 *
 * TrainingJob.run(train, test, regularization, TrainingSettings.defaults());   // both steps in one
 * }</pre>
 *
 * <p>The settings' learning rate is the step on the mean gradient of a mini-batch at any batch size
 * ({@link OptimiserChoice#create(double, int)}). With {@link Regularization#none()} the model is bit-identical to
 * plain Tribuo's {@code LinearSGDTrainer} with the optimiser so built and the same seed: the baseline is plain
 * Tribuo. With a stopping rule in the spec, each epoch is scored on the validation data (or on a seeded
 * {@link TrainingSettings#validationSplit()} of the training data, which is then not trained on: the training
 * accuracy is measured on the examples trained on) and {@link TrainingSettings#epochs()} is the most the run may
 * take.
 */
public final class TrainingJob {
    private final Regularization regularization;
    private final TrainingSettings settings;
    private final RegularizedLinearClassificationTrainer trainer;

    private TrainingJob(Regularization regularization, TrainingSettings settings,
            RegularizedLinearClassificationTrainer trainer) {
        this.regularization = regularization;
        this.settings = settings;
        this.trainer = trainer;
    }

    /**
     * Builds the trainer, which checks the settings and the spec against the optimiser (a mode it refuses, a
     * stopping metric that does not fit a classifier), so that such a problem is found before any data is read.
     *
     * @throws UserInputException with the trainer's message if a check fails
     */
    public static TrainingJob prepare(Regularization regularization, TrainingSettings settings) {
        try {
            return new TrainingJob(regularization, settings, new RegularizedLinearClassificationTrainer(
                    new LogMulticlass(), settings.optimiser().create(settings.learningRate(), settings.batchSize()),
                    regularization, settings.epochs(), settings.batchSize(), settings.seed(),
                    settings.validationSplit()));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }

    /**
     * @param train          training data
     * @param test           test data, or {@code null}
     * @param regularization the bound spec
     * @param settings       epochs, seed, optimiser, learning rate, batch size, validation split
     */
    public static TrainingResult run(Dataset<Label> train, Dataset<Label> test, Regularization regularization,
            TrainingSettings settings) {
        return prepare(regularization, settings).run(train, null, test, fraction -> { });
    }

    /** As {@link #run(Dataset, Dataset, Regularization, TrainingSettings)}, reporting the fraction done. */
    public static TrainingResult run(Dataset<Label> train, Dataset<Label> test, Regularization regularization,
            TrainingSettings settings, DoubleConsumer progress) {
        return prepare(regularization, settings).run(train, null, test, progress);
    }

    /**
     * The trainer this job built (fresh, so its random state is untouched), for a caller that trains through Tribuo's
     * own tools, e.g. {@code new CrossValidation<>(job.trainer(), data, new LabelEvaluator(), 5, seed)}.
     */
    public RegularizedLinearClassificationTrainer trainer() {
        return trainer;
    }

    /** Whether the spec has a stopping rule, which needs validation data. */
    public boolean hasStoppingRule() {
        return !regularization.terms(Kind.STOPPING_RULE).isEmpty();
    }

    /**
     * Trains and measures, reporting the share of {@code --epochs} done after each epoch.
     *
     * @param validation validation data for a stopping rule, or {@code null} to split it off {@code train}
     * @throws UserInputException if the model would not fit in memory, training diverges, or a plugin fails
     */
    public TrainingResult run(Dataset<Label> train, Dataset<Label> validation, Dataset<Label> test,
            DoubleConsumer progress) {
        return run(train, validation, test, progress, EpochListener.NONE);
    }

    /** As {@link #run(Dataset, Dataset, Dataset, DoubleConsumer)}, telling {@code epochs} about each epoch too. */
    public TrainingResult run(Dataset<Label> train, Dataset<Label> validation, Dataset<Label> test,
            DoubleConsumer progress, EpochListener epochs) {
        ModelSize.of(train, settings, hasStoppingRule()).check(Runtime.getRuntime());
        if (settings.batchSize() > train.size()) {
            throw new UserInputException("--batch-size " + settings.batchSize() + " is larger than the " + train.size()
                    + " training examples: every mini-batch would be a partial one, whose penalty Rein scales as for a"
                    + " full batch (up to (b/n)² too strong). Use --batch-size " + train.size() + " or less.");
        }
        long start = System.nanoTime();
        LinearSGDModel model;
        try {
            model = trainer.train(train, validation,
                    report -> {
                        progress.accept(report.epoch() / (double) report.maxEpochs());
                        epochs.epochEnded(report);
                    });
        } catch (TrainingDivergedException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (RuntimeException | LinkageError e) {
            Optional<UserInputException> plugin = PluginFailure.explain(e, regularization);
            if (plugin.isPresent()) {
                throw plugin.get();
            }
            if (e instanceof IllegalArgumentException && ReinMessage.tagOf(e).isPresent()) {
                throw new UserInputException(e.getMessage(), e);   // Rein refused the data as it stands
            }
            throw e;
        }
        progress.accept(1.0);
        double seconds = (System.nanoTime() - start) / 1e9;

        Dataset<Label> trainedOn = trainedOn(train, validation);
        double trainAccuracy = Accuracy.of(model, trainedOn);
        OptionalDouble testAccuracy = test == null ? OptionalDouble.empty() : OptionalDouble.of(Accuracy.of(model, test));
        WeightSummary weights = WeightSummary.of(model, regularization);
        TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
        return new TrainingResult(model, regularization.toSpec(), outcome.modes(), trainAccuracy, testAccuracy,
                weights.penalty(), weights.weightNorm(), weights.zeroWeights(), weights.totalWeights(), seconds,
                outcome.epochsRun(), outcome.bestEpoch(), outcome.stopReason(), trainedOn.size(),
                train.size() - trainedOn.size());
    }

    /**
     * The examples of {@code train} the model was trained on: all of them, or, when a stopping rule validates on a
     * split of them, the part the trainer kept (the same seeded split it made).
     */
    private Dataset<Label> trainedOn(Dataset<Label> train, Dataset<Label> validation) {
        if (!hasStoppingRule() || validation != null) {
            return train;
        }
        List<Example<Label>> all = new ArrayList<>(train.size());
        train.forEach(all::add);
        List<Example<Label>> kept = ValidationSplit.of(all, settings.validationSplit(), settings.seed()).training();
        MutableDataset<Label> out = new MutableDataset<>(train.getProvenance(), train.getOutputFactory());
        kept.forEach(out::add);
        return out;
    }
}
