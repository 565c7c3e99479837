package dev.rein.samples.sweep;

import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.rein.runtime.tribuo.TrainingDivergedException;
import dev.rein.runtime.tribuo.WeightSummary;
import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import dev.rein.samples.train.Accuracy;
import dev.rein.samples.train.PluginFailure;
import dev.rein.samples.train.ModelChoice;
import dev.rein.samples.train.TrainingResult;
import dev.rein.samples.train.TrainingSettings;
import dev.rein.samples.train.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.evaluation.CrossValidation;

/**
 * Trains and measures one {@link Trial}: a pure function of (data, spec, settings with their seed), so the same trial
 * gives the same numbers in any thread, process or machine (only the times differ). Each trial gets a fresh trainer
 * (a Tribuo trainer's random state advances with every {@code train} call).
 *
 * <pre>{@code
 * TrialRunner cv = new TrialRunner(ModelChoice.LINEAR, train, null, settings, 5);   // by 5-fold cross-validation
 * TrialRunner held = new TrialRunner(ModelChoice.LINEAR, train, test, settings, 0); // by accuracy on test
 * TrialRunner net = new TrialRunner(ModelChoice.network(new int[] {64}, Activation.RELU), train, test, settings, 0);
 * TrialResult r = cv.run(plan.trials().get(0));
 * }</pre>
 *
 * <p>With folds, training goes through Tribuo's {@code CrossValidation} (its {@code KFoldSplitter}, seeded with the
 * settings' seed); the trial's numbers are means over the folds and {@code train_accuracy},
 * {@code train_examples} and {@code held_out_examples} are {@code null} (Tribuo does not hand out a fold's training
 * part). A trial whose training diverges or whose plugin fails is a result with an {@link TrialResult#error()}, so
 * one bad corner of a grid does not lose the others.
 */
public final class TrialRunner {
    /** The metric trials are ranked by under cross-validation. */
    public static final String CV_ACCURACY = "cv_accuracy";
    /** The metric trials are ranked by without folds. */
    public static final String TEST_ACCURACY = "test_accuracy";

    /** The keys of {@code rein train --json}, which a failed trial carries as {@code null}. */
    private static final List<String> TRAIN_KEYS = List.of("spec", "modes", "train_accuracy", "test_accuracy", "penalty",
            "weight_norm", "zero_weights", "total_weights", "train_seconds", "epochs", "best_epoch", "stop_reason",
            "train_examples", "held_out_examples");

    private final ModelChoice model;
    private final Dataset<Label> train;
    private final Dataset<Label> test;
    private final TrainingSettings settings;
    private final int folds;

    /**
     * @param model the model each trial trains
     * @param test  test data, or {@code null}; needed when {@code folds} is 0
     * @param folds cross-validation folds, or 0 to train once on {@code train} and rank by {@code test}
     */
    public TrialRunner(ModelChoice model, Dataset<Label> train, Dataset<Label> test, TrainingSettings settings, int folds) {
        if (folds == 0 && test == null) {
            throw new IllegalArgumentException("Without folds a trial is ranked on test data, and there is none.");
        }
        this.model = model;
        this.train = train;
        this.test = test;
        this.settings = settings;
        this.folds = folds;
    }

    /** The name of the metric trials are ranked by. */
    public String metric() {
        return folds > 0 ? CV_ACCURACY : TEST_ACCURACY;
    }

    /** Trains and measures {@code trial}. */
    public TrialResult run(Trial trial) {
        long start = System.nanoTime();
        try {
            return folds > 0 ? crossValidate(trial, start) : once(trial, start);
        } catch (UserInputException e) {
            return failed(trial, e.getMessage(), start);
        } catch (TrainingDivergedException e) {
            return failed(trial, e.getMessage(), start);
        } catch (RuntimeException | LinkageError e) {
            String why = PluginFailure.explain(e, trial.regularization()).map(Throwable::getMessage)
                    .orElseGet(() -> e.getClass().getSimpleName() + ": " + e.getMessage());
            return failed(trial, why, start);
        }
    }

    private TrialResult once(Trial trial, long start) {
        TrainingResult r = model.train(trial.regularization(), settings, train, null, test);
        double accuracy = r.testAccuracy().orElseThrow();
        return new TrialResult(trial.index(), trial.params(), metric(), accuracy, Double.NaN,
                r.totalWeights() - r.zeroWeights(), r.weightNorm(), seconds(start), null, r.jsonFields());
    }

    private TrialResult crossValidate(Trial trial, long start) {
        Trainer<Label> trainer = model.trainer(trial.regularization(), settings);
        long trainStart = System.nanoTime();
        List<Pair<LabelEvaluation, Model<Label>>> results =
                new CrossValidation<>(trainer, train, new LabelEvaluator(), folds, settings.seed()).evaluate();
        double trainSeconds = seconds(trainStart);
        double[] accuracy = new double[results.size()];
        Mean penalty = new Mean();
        Mean norm = new Mean();
        Mean zeros = new Mean();
        Mean total = new Mean();
        Mean epochs = new Mean();
        Mean testAccuracy = new Mean();
        Set<String> modes = new LinkedHashSet<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (int f = 0; f < results.size(); f++) {
            accuracy[f] = results.get(f).getA().accuracy();
            Model<Label> trained = results.get(f).getB();
            WeightSummary w = model.summary(trained, trial.regularization());
            penalty.add(w.penalty());
            norm.add(w.weightNorm());
            zeros.add(w.zeroWeights());
            total.add(w.totalWeights());
            TrainingOutcome outcome = TrainingOutcome.of(trained).orElseThrow();
            epochs.add(outcome.epochsRun());
            modes.add(outcome.modes());
            reasons.add(outcome.stopReason());
            if (test != null) {
                testAccuracy.add(Accuracy.of(trained, test));
            }
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("spec", trial.regularization().toSpec());
        fields.put("modes", String.join("; ", modes));
        fields.put("train_accuracy", null);
        fields.put("test_accuracy", test == null ? null : testAccuracy.value());
        fields.put("penalty", penalty.value());
        fields.put("weight_norm", norm.value());
        fields.put("zero_weights", zeros.value());
        fields.put("total_weights", total.value());
        fields.put("train_seconds", trainSeconds);
        fields.put("epochs", epochs.value());
        fields.put("best_epoch", null);
        fields.put("stop_reason", String.join("; ", reasons));
        fields.put("train_examples", null);
        fields.put("held_out_examples", null);
        return new TrialResult(trial.index(), trial.params(), metric(), mean(accuracy), standardDeviation(accuracy),
                total.value() - zeros.value(), norm.value(), seconds(start), null, fields);
    }

    private TrialResult failed(Trial trial, String why, long start) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String key : TRAIN_KEYS) {
            fields.put(key, null);
        }
        fields.put("spec", trial.regularization().toSpec());
        return new TrialResult(trial.index(), trial.params(), metric(), Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, seconds(start), why, fields);
    }

    static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    /** The sample standard deviation (dividing by n - 1); NaN for fewer than two values. */
    static double standardDeviation(double[] xs) {
        if (xs.length < 2) {
            return Double.NaN;
        }
        double m = mean(xs);
        double squares = 0;
        for (double x : xs) {
            squares += (x - m) * (x - m);
        }
        return Math.sqrt(squares / (xs.length - 1));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** A running mean. */
    private static final class Mean {
        private final List<Double> values = new ArrayList<>();

        void add(double v) {
            values.add(v);
        }

        double value() {
            return mean(values.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }
}
