package dev.rein.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.EpochDecision;
import dev.rein.api.hook.StoppingRule;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.Kind;
import dev.rein.api.spi.RegularizerProvider;
import dev.rein.api.hook.EpochScore;
import dev.rein.runtime.check.PluginChecker;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.trainer.EpochListener;
import dev.rein.runtime.tribuo.trainer.RegularizedLinearRegressionTrainer;
import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/** early_stopping against scripted metric sequences with known answers, the checker, and a real training run. */
class EarlyStoppingTest {
    private static final RegularizerProvider PROVIDER = BuiltInPenaltiesTest.providers().get("early_stopping");

    private static StoppingRule rule(Map<String, ?> args) {
        return (StoppingRule) PROVIDER.create(Arguments.of(args));
    }

    /** Feeds {@code values} as epochs 1, 2, ... and returns the decision of the first stop, or keep-going. */
    private static EpochDecision run(StoppingRule rule, boolean higherIsBetter, double... values) {
        rule.reset();
        for (int e = 1; e <= values.length; e++) {
            EpochDecision d = rule.afterEpoch(new EpochScore(e, rule.metric(), values[e - 1], higherIsBetter));
            if (d.shouldStop()) {
                return d;
            }
        }
        return EpochDecision.keepGoing();
    }

    @Test
    void thePluginCheckerPasses() {
        assertTrue(new PluginChecker().check(PROVIDER).passed());
        assertEquals(Kind.STOPPING_RULE, PROVIDER.descriptor().kind());
    }

    @Test
    void stopsAfterPatienceEpochsWithoutAnImprovementLargerThanMinDelta() {
        // Loss, lower is better. Epoch 2 beats 1.0 by 0.2; 0.78 and 0.79 are within min_delta 0.05 of 0.8.
        StoppingRule r = rule(Map.of("patience", 2, "min_delta", 0.05, "metric", "LOSS", "restore_best", true));
        assertEquals("loss", r.metric());
        EpochDecision d = run(r, false, 1.0, 0.8, 0.78, 0.79, 0.5);
        assertTrue(d.shouldStop());
        assertEquals(2, d.restoreEpoch());
        assertEquals("no improvement in 2 epochs since epoch 2 (best loss 0.8)", d.reason());
    }

    @Test
    void theEpochItMayRestoreIsItsOwnBestSoTheTrainerKeepsThatCopyOnly() {
        StoppingRule r = rule(Map.of("patience", 3, "min_delta", 0.05, "metric", "LOSS", "restore_best", true));
        double[] losses = {1.0, 0.8, 0.78, 0.77};   // epochs 3 and 4 are new lows, but within min_delta of epoch 2
        int[] restorable = {1, 2, 2, 2};
        for (int e = 1; e <= losses.length; e++) {
            r.afterEpoch(new EpochScore(e, "loss", losses[e - 1], false));
            assertEquals(restorable[e - 1], r.restorableEpoch(), "after epoch " + e);
        }
        StoppingRule keepsLast = rule(Map.of("patience", 3, "min_delta", 0.0, "metric", "LOSS",
                "restore_best", false));
        keepsLast.afterEpoch(new EpochScore(1, "loss", 1.0, false));
        assertEquals(StoppingRule.NOTHING_TO_RESTORE, keepsLast.restorableEpoch(), "no copy is needed");
    }

    @Test
    void accuracyImprovesUpwardsAndTiesDoNotCount() {
        StoppingRule r = rule(Map.of("patience", 3, "min_delta", 0.0, "metric", "ACCURACY", "restore_best", true));
        // 0.6 ties 0.6 (no improvement), 0.61 improves at epoch 4; epochs 5, 6, 7 do not: stop at 7.
        assertTrue(!run(r, true, 0.5, 0.6, 0.6, 0.61, 0.59, 0.61).shouldStop());
        EpochDecision d = run(r, true, 0.5, 0.6, 0.6, 0.61, 0.59, 0.61, 0.3, 0.99);
        assertEquals(4, d.restoreEpoch());
        assertEquals("no improvement in 3 epochs since epoch 4 (best accuracy 0.61)", d.reason());
    }

    @Test
    void withoutRestoreBestTheLastWeightsStay() {
        StoppingRule r = rule(Map.of("patience", 1, "min_delta", 0.0, "metric", "RMSE", "restore_best", false));
        EpochDecision d = run(r, false, 2.0, 3.0);
        assertEquals(EpochDecision.KEEP_CURRENT, d.restoreEpoch());
        assertEquals("no improvement in 1 epochs since epoch 1 (best rmse 2.0)", d.reason());
    }

    @Test
    void nanScoresNeverImprove() {
        StoppingRule r = rule(Map.of("patience", 2, "min_delta", 0.0, "metric", "LOSS", "restore_best", true));
        EpochDecision d = run(r, false, Double.NaN, Double.NaN);
        assertEquals("no finite loss in 2 epochs", d.reason());
        assertEquals(EpochDecision.KEEP_CURRENT, d.restoreEpoch());
        assertEquals(3, run(r, false, Double.NaN, 5.0, Double.NaN, 6.0).restoreEpoch() + 1);   // best is epoch 2
    }

    @Test
    void resetForgetsTheLastRun() {
        StoppingRule r = rule(Map.of("patience", 1, "min_delta", 0.0, "metric", "LOSS", "restore_best", true));
        assertEquals(1, run(r, false, 0.1, 0.2).restoreEpoch());
        // Without the reset inside run(), 0.5 would not beat the old best 0.1 and epoch 2 would stop.
        assertTrue(!run(r, false, 0.5, 0.4).shouldStop());
    }

    @Test
    void theSpecFormIsCanonicalAndDefaultsApply() {
        try (PluginRegistry registry = PluginRegistry.standard(List.of())) {
            Regularization r = Regularization.of("early_stop(metric=accuracy)", registry);
            assertEquals("early_stopping(patience=5, min_delta=0.0, metric=accuracy, restore_best=true)",
                    r.toSpec());
            assertEquals("accuracy", r.terms().get(0).hook(StoppingRule.class).metric());
        }
    }

    /**
     * A real run: training data follow y = 2x, validation data y = x, so as plain SGD raises the slope from 0
     * towards 2 the validation loss falls until the slope passes 1, then rises. The run stops 3 epochs after the
     * best one, and the model holds exactly the weights a 3-epochs-shorter run ends with.
     */
    @Test
    void aRealRunStopsWhenTheValidationLossRisesAndRestoresTheBestEpoch() {
        try (PluginRegistry registry = PluginRegistry.standard(List.of())) {
            Regularization spec = Regularization.of("l2(lambda=0.001) + early_stopping(patience=3)", registry);
            MutableDataset<Regressor> train = line(60, 2.0, 1L);
            MutableDataset<Regressor> validation = line(30, 1.0, 2L);
            List<Double> losses = new ArrayList<>();
            LinearSGDModel model = new RegularizedLinearRegressionTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.005),
                    spec, 40, 1, 5L).train(train, validation,
                    report -> losses.add(report.validation().orElseThrow().value()));
            TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
            int best = outcome.bestEpoch().orElseThrow();
            assertEquals(best + 3, outcome.epochsRun());
            assertEquals(best, outcome.modelEpoch());
            assertEquals(losses.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                    losses.get(best - 1), 0.0);
            assertTrue(losses.get(losses.size() - 1) > losses.get(best - 1), "the loss rose after the best epoch");

            Regularization l2 = Regularization.of("l2(lambda=0.001)", registry);
            LinearSGDModel shorter = new RegularizedLinearRegressionTrainer(new SquaredLoss(),
                    SGD.getSimpleSGD(0.005), l2, best, 1, 5L).train(train, null, EpochListener.NONE);
            assertArrayEquals(weights(shorter), weights(model), 0.0);
        }
    }

    private static double[] weights(LinearSGDModel model) {
        DenseMatrix w = model.getWeightsCopy();
        double[] out = new double[w.getDimension2Size()];
        for (int j = 0; j < out.length; j++) {
            out[j] = w.get(0, j);
        }
        return out;
    }

    private static MutableDataset<Regressor> line(int n, double slope, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("line", factory),
                factory);
        for (int i = 0; i < n; i++) {
            double x = 2 * random.nextDouble() - 1;
            data.add(new ArrayExample<>(new Regressor("y", slope * x), new String[] {"x"}, new double[] {x}));
        }
        return data;
    }
}
