package dev.rein.samples.train;

import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.RegularizedOptimiser;
import dev.rein.runtime.tribuo.WeightSummary;
import java.util.OptionalDouble;
import java.util.function.DoubleConsumer;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;

/**
 * Trains Tribuo's linear SGD classifier (logistic loss) with a regularization and measures the result: what
 * {@code rein train} and {@code rein demo} run.
 *
 * <pre>{@code
 * TrainingResult r = TrainingJob.run(train, test, regularization, TrainingSettings.defaults());
 * r.testAccuracy();   // OptionalDouble[0.93]
 * }</pre>
 *
 * <p>With {@link Regularization#none()} the optimiser is Tribuo's own, unwrapped: the baseline is plain Tribuo.
 */
public final class TrainingJob {
    private TrainingJob() {
    }

    /**
     * @param train          training data
     * @param test           test data, or {@code null}
     * @param regularization the bound spec
     * @param settings       epochs, seed, optimiser, learning rate, batch size
     */
    public static TrainingResult run(Dataset<Label> train, Dataset<Label> test, Regularization regularization,
            TrainingSettings settings) {
        return run(train, test, regularization, settings, fraction -> { });
    }

    /** As {@link #run(Dataset, Dataset, Regularization, TrainingSettings)}, reporting the fraction done. */
    public static TrainingResult run(Dataset<Label> train, Dataset<Label> test, Regularization regularization,
            TrainingSettings settings, DoubleConsumer progress) {
        StochasticGradientOptimiser inner = settings.optimiser().create(settings.learningRate());
        StochasticGradientOptimiser regularized = regularization.isEmpty()
                ? inner
                : new RegularizedOptimiser(inner, regularization, settings.batchSize());
        long stepsPerEpoch = (train.size() + settings.batchSize() - 1) / settings.batchSize();
        StochasticGradientOptimiser optimiser = new ProgressReportingOptimiser(regularized,
                stepsPerEpoch * settings.epochs(), progress);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), optimiser, settings.epochs(), -1,
                settings.batchSize(), settings.seed());
        long start = System.nanoTime();
        LinearSGDModel model = trainer.train(train);
        double seconds = (System.nanoTime() - start) / 1e9;

        LabelEvaluator evaluator = new LabelEvaluator();
        double trainAccuracy = evaluator.evaluate(model, train).accuracy();
        OptionalDouble testAccuracy = test == null
                ? OptionalDouble.empty()
                : OptionalDouble.of(evaluator.evaluate(model, test).accuracy());
        WeightSummary weights = WeightSummary.of(model, regularization);
        return new TrainingResult(model, regularization.toSpec(), trainAccuracy, testAccuracy, weights.penalty(),
                weights.weightNorm(), weights.zeroWeights(), weights.totalWeights(), seconds, settings.epochs());
    }
}
