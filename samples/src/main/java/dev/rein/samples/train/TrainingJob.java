package dev.rein.samples.train;

import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.WeightSummary;
import dev.rein.runtime.tribuo.trainer.RegularizedLinearClassificationTrainer;
import dev.rein.runtime.tribuo.TrainingDivergedException;
import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import java.util.OptionalDouble;
import java.util.function.DoubleConsumer;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.objectives.LogMulticlass;

/**
 * Trains a linear SGD classifier (logistic loss) with a regularization through Rein's
 * {@link RegularizedLinearClassificationTrainer} and measures the result: what {@code rein train} and
 * {@code rein demo} run.
 *
 * <pre>{@code
 * TrainingResult r = TrainingJob.run(train, test, regularization, TrainingSettings.defaults());
 * r.testAccuracy();   // OptionalDouble[0.93]
 * r.stopReason();     // "completed all epochs", or why early_stopping ended the run
 * }</pre>
 *
 * <p>With {@link Regularization#none()} the model is bit-identical to plain Tribuo's {@code LinearSGDTrainer}
 * with the same optimiser and seed: the baseline is plain Tribuo. With a stopping rule in the spec, each epoch is
 * scored on the validation data (or on a seeded {@link TrainingSettings#validationSplit()} of the training data)
 * and {@link TrainingSettings#epochs()} is the most the run may take.
 */
public final class TrainingJob {
    private TrainingJob() {
    }

    /**
     * @param train          training data
     * @param test           test data, or {@code null}
     * @param regularization the bound spec
     * @param settings       epochs, seed, optimiser, learning rate, batch size, validation split
     */
    public static TrainingResult run(Dataset<Label> train, Dataset<Label> test, Regularization regularization,
            TrainingSettings settings) {
        return run(train, null, test, regularization, settings, fraction -> { });
    }

    /** As {@link #run(Dataset, Dataset, Regularization, TrainingSettings)}, reporting the fraction done. */
    public static TrainingResult run(Dataset<Label> train, Dataset<Label> test, Regularization regularization,
            TrainingSettings settings, DoubleConsumer progress) {
        return run(train, null, test, regularization, settings, progress);
    }

    /**
     * Trains and measures, reporting the share of {@code --epochs} done after each epoch.
     *
     * @param validation validation data for a stopping rule, or {@code null} to split it off {@code train}
     * @throws UserInputException if the spec does not fit the trainer (e.g. a regression metric for early
     *                            stopping) or training diverges
     */
    public static TrainingResult run(Dataset<Label> train, Dataset<Label> validation, Dataset<Label> test,
            Regularization regularization, TrainingSettings settings, DoubleConsumer progress) {
        RegularizedLinearClassificationTrainer trainer;
        try {
            trainer = new RegularizedLinearClassificationTrainer(new LogMulticlass(),
                    settings.optimiser().create(settings.learningRate()), regularization, settings.epochs(),
                    settings.batchSize(), settings.seed(), settings.validationSplit());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        long start = System.nanoTime();
        LinearSGDModel model;
        try {
            model = trainer.train(train, validation,
                    report -> progress.accept(report.epoch() / (double) report.maxEpochs()));
        } catch (TrainingDivergedException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        progress.accept(1.0);
        double seconds = (System.nanoTime() - start) / 1e9;

        LabelEvaluator evaluator = new LabelEvaluator();
        double trainAccuracy = evaluator.evaluate(model, train).accuracy();
        OptionalDouble testAccuracy = test == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(evaluator.evaluate(model, test).accuracy());
        WeightSummary weights = WeightSummary.of(model, regularization);
        TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
        return new TrainingResult(model, regularization.toSpec(), outcome.modes(), trainAccuracy, testAccuracy,
                weights.penalty(), weights.weightNorm(), weights.zeroWeights(), weights.totalWeights(), seconds,
                outcome.epochsRun(), outcome.bestEpoch(), outcome.stopReason());
    }
}
