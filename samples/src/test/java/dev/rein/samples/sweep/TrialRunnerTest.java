package dev.rein.samples.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.tribuo.WeightSummary;
import dev.rein.samples.train.OptimiserChoice;
import dev.rein.samples.train.TrainingJob;
import dev.rein.samples.train.TrainingResult;
import dev.rein.samples.train.ModelChoice;
import dev.rein.samples.train.TrainingSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.evaluation.LabelEvaluation;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.evaluation.CrossValidation;

class TrialRunnerTest {
    private static final TrainingSettings SETTINGS = TrainingSettings.defaults().withEpochs(3).withSeed(7);

    @TempDir
    static Path dir;

    static MutableDataset<Label> train;
    static MutableDataset<Label> test;

    @BeforeAll
    static void data() throws Exception {
        train = SweepData.load(SweepData.csv(dir.resolve("train.csv"), 120, 1));
        test = SweepData.load(SweepData.csv(dir.resolve("test.csv"), 60, 2));
    }

    @Test
    void withoutFoldsATrialIsRankedByTheTestAccuracyOfTrainingOnce() {
        Trial trial = plan("l1(lambda=[0.02])").trials().get(0);
        TrialResult r = new TrialRunner(ModelChoice.LINEAR, train, test, SETTINGS, 0).run(trial);
        TrainingResult direct = TrainingJob.run(train, test, trial.regularization(), SETTINGS);
        assertEquals(TrialRunner.TEST_ACCURACY, r.metric());
        assertEquals(direct.testAccuracy().getAsDouble(), r.mean());
        assertTrue(Double.isNaN(r.spread()));
        assertEquals(direct.totalWeights() - direct.zeroWeights(), r.nonZeros());
        assertEquals(direct.weightNorm(), r.weightNorm());
        assertEquals(direct.jsonFields().keySet(), r.train().keySet(), "each trial carries the keys of train");
    }

    @Test
    void withFoldsATrialIsTheMeanAndSpreadOfTribuosCrossValidation() {
        Trial trial = plan("l1(lambda=[0.02])").trials().get(0);
        TrialResult r = new TrialRunner(ModelChoice.LINEAR, train, null, SETTINGS, 4).run(trial);

        // Written out: Tribuo's CrossValidation with a fresh trainer and the seed, then mean and sample deviation.
        List<Pair<LabelEvaluation, Model<Label>>> folds = new CrossValidation<>(
                TrainingJob.prepare(trial.regularization(), SETTINGS).trainer(), train, new LabelEvaluator(), 4,
                SETTINGS.seed()).evaluate();
        double[] accuracy = folds.stream().mapToDouble(f -> f.getA().accuracy()).toArray();
        double mean = (accuracy[0] + accuracy[1] + accuracy[2] + accuracy[3]) / 4;
        double squares = 0;
        double nonZeros = 0;
        for (int f = 0; f < 4; f++) {
            squares += (accuracy[f] - mean) * (accuracy[f] - mean);
            WeightSummary w = WeightSummary.of((LinearSGDModel) folds.get(f).getB(), trial.regularization());
            nonZeros += (w.totalWeights() - w.zeroWeights()) / 4.0;
        }
        assertEquals(TrialRunner.CV_ACCURACY, r.metric());
        assertEquals(mean, r.mean(), 1e-15);
        assertEquals(Math.sqrt(squares / 3), r.spread(), 1e-15);
        assertEquals(nonZeros, r.nonZeros(), 1e-12);
        assertNull(r.train().get("train_accuracy"), "Tribuo does not hand out a fold's training part");
    }

    @Test
    void sampleStandardDeviationHasItsTextbookValue() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squares 32, sample variance 32/7
        assertEquals(Math.sqrt(32.0 / 7), TrialRunner.standardDeviation(new double[] {2, 4, 4, 4, 5, 5, 7, 9}),
                1e-15);
        assertTrue(Double.isNaN(TrialRunner.standardDeviation(new double[] {1})));
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        List<Trial> trials = plan("l1(lambda=1e-3..1e-1 log 3) + max_norm(c=[1, 3])").trials();
        TrialRunner runner = new TrialRunner(ModelChoice.LINEAR, train, null, SETTINGS, 3);
        List<Integer> progress = new ArrayList<>();
        List<TrialResult> one = Sweep.run(trials, runner::run, 1, progress::add);
        List<TrialResult> two = Sweep.run(trials, runner::run, 2, done -> { });
        assertEquals(List.of(1, 2, 3, 4, 5, 6), progress);
        assertEquals(6, two.size());
        for (int i = 0; i < 6; i++) {
            assertEquals(i, two.get(i).index());
            assertEquals(withoutTimes(one.get(i)), withoutTimes(two.get(i)), "trial " + i);
        }
    }

    @Test
    void aDivergedTrialIsAFailedResultThatNeverWins() {
        TrainingSettings wild = SETTINGS.withOptimiser(OptimiserChoice.SGD_CONSTANT, 1e300);
        List<Trial> trials = plan("l2(lambda=[1e-3])").trials();
        TrialResult r = new TrialRunner(ModelChoice.LINEAR, train, test, wild, 0).run(trials.get(0));
        assertFalse(r.succeeded());
        assertTrue(r.error().contains("epoch"), r.error());
        assertTrue(Sweep.best(List.of(r)).isEmpty());
        assertEquals(r.train().keySet(), TrainingJob.run(train, test, trials.get(0).regularization(), SETTINGS)
                .jsonFields().keySet());
    }

    @Test
    void theBestIsTheHighestMetricThenTheFewestNonZeros() {
        TrialResult a = result(0, 0.8, 10);
        TrialResult b = result(1, 0.9, 10);
        TrialResult c = result(2, 0.9, 4);
        TrialResult d = result(3, 0.9, 4);
        assertEquals(2, Sweep.best(List.of(a, b, c, d)).orElseThrow().index());
    }

    private static TrialResult result(int index, double metric, double nonZeros) {
        return new TrialResult(index, Map.of(), "cv_accuracy", metric, 0, nonZeros, 1, 1, null, Map.of());
    }

    private static Map<String, Object> withoutTimes(TrialResult r) {
        Map<String, Object> json = new LinkedHashMap<>(r.toJson());
        json.remove("seconds");
        json.remove("train_seconds");
        return json;
    }

    private static SweepPlan plan(String spec) {
        return SweepPlan.of(SweepSpec.parse(spec), PluginRegistry.shared(), ModelChoice.LINEAR, SETTINGS);
    }
}
