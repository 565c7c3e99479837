package dev.rein.runtime.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.SGD;

/**
 * A user's element-wise penalty on sparse data, caught up by its gradient flow ({@link PenaltyFlow} inside
 * {@link ReplayEngine}), trains the model eager steps train: 3 classes, 400 features with 5 in each example, so a
 * feature misses about 80 steps between appearances and most catch-ups run through the flow. Every weight must agree
 * within {@code 1e-4·|w| + 2e-7}: the flow's bound per catch-up is {@code 1e-6·|w| + 1e-9} and a weight is caught up
 * about 150 times in 4 epochs (12,000 steps, a feature in 1 of 80 examples), errors that may add up when they share a
 * sign; test accuracy must agree within 0.1 point.
 */
class FlowCatchUpTest {
    private static final double RELATIVE_TOLERANCE = 1e-4;
    private static final double ABSOLUTE_TOLERANCE = 2e-7;

    static Stream<Arguments> penalties() {
        Supplier<StochasticGradientOptimiser> sgd = () -> SGD.getSimpleSGD(0.05);
        Supplier<StochasticGradientOptimiser> adagrad = () -> new AdaGrad(0.1);
        return Stream.of(
                Arguments.of("log-cosh, SGD (coupled)", sgd, FlowPenalties.logCosh(2e-3), PenaltyMode.COUPLED),
                Arguments.of("quartic (nearly flat near zero), SGD", sgd, FlowPenalties.quartic(5e-3),
                        PenaltyMode.COUPLED),
                Arguments.of("pseudo-Huber width 0.05 (steep near zero), SGD", sgd, FlowPenalties.steep(2e-3, 0.05),
                        PenaltyMode.COUPLED),
                Arguments.of("cauchy (bounded), SGD", sgd, FlowPenalties.cauchy(2e-3), PenaltyMode.COUPLED),
                Arguments.of("log-cosh, AdaGrad (decoupled)", adagrad, FlowPenalties.logCosh(2e-3),
                        PenaltyMode.DECOUPLED),
                Arguments.of("cauchy, AdaGrad (decoupled)", adagrad, FlowPenalties.cauchy(2e-3),
                        PenaltyMode.DECOUPLED),
                Arguments.of("a user's log penalty by its prox, SGD", sgd, FlowPenalties.logL1(2e-4, 0.1),
                        PenaltyMode.PROXIMAL),
                Arguments.of("a user's log penalty by its prox, AdaGrad (each weight's frozen step)", adagrad,
                        FlowPenalties.logL1(2e-4, 0.1), PenaltyMode.PROXIMAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("penalties")
    void lazyMatchesEagerOnEveryWeightAndInAccuracy(String name, Supplier<StochasticGradientOptimiser> inner,
            ElementwisePenalty penalty, PenaltyMode mode) {
        MutableDataset<Label> train = LazyTest.sparseClassification(3000, 400, 5, 12L);
        MutableDataset<Label> test = LazyTest.sparseClassification(1000, 400, 5, 13L);
        Regularization reg = TestTerms.of(FlowPenalties.term("user", penalty, mode));
        LinearSGDModel lazy = train(inner.get(), reg, train, false);
        LinearSGDModel eager = train(inner.get(), reg, train, true);
        double[] lazyWeights = LazyTest.flat(lazy.getWeightsCopy());
        double[] eagerWeights = LazyTest.flat(eager.getWeightsCopy());
        double worst = 0;
        for (int i = 0; i < lazyWeights.length; i++) {
            double allowed = RELATIVE_TOLERANCE * Math.abs(eagerWeights[i]) + ABSOLUTE_TOLERANCE;
            assertEquals(eagerWeights[i], lazyWeights[i], allowed, "weight " + i);
            worst = Math.max(worst, Math.abs(eagerWeights[i] - lazyWeights[i]));
        }
        double lazyAccuracy = DeferredStepsTest.accuracy(lazy, test);
        double eagerAccuracy = DeferredStepsTest.accuracy(eager, test);
        assertEquals(eagerAccuracy, lazyAccuracy, 0.001, "accuracy (fractions: 0.001 is 0.1 point)");
        double[] free = LazyTest.flat(train(inner.get(), Regularization.none(), train, true).getWeightsCopy());
        double moved = 0;
        for (int i = 0; i < free.length; i++) {
            moved = Math.max(moved, Math.abs(free[i] - eagerWeights[i]));
        }
        assertTrue(moved > 1000 * worst && moved > 1e-4, name + ": the penalty moved a weight by " + moved
                + ", lazy and eager differ by at most " + worst);
    }

    @Test
    void aRunWhoseReplaysCostMoreThanEagerStepsSwitchesToThemSaysSoOnceAndMatchesEager() {
        // a strong pseudo-Huber of width 0.001 brings rare weights to zero, where its steps bounce and the flow
        // stops: their catch-ups replay
        assertSwitchesAndMatchesEager(() -> SGD.getSimpleSGD(0.05), TestTerms.of(FlowPenalties.term("user",
                FlowPenalties.steep(2e-2, 0.001), PenaltyMode.COUPLED)));
    }

    private static void assertSwitchesAndMatchesEager(Supplier<StochasticGradientOptimiser> inner,
            Regularization reg) {
        MutableDataset<Label> train = LazyTest.sparseClassification(3000, 400, 5, 12L);
        RegularizedOptimiser opt = new RegularizedOptimiser(inner.get(), reg, 1);
        opt.deferSteps = 0;
        List<String> updateTypes = new ArrayList<>();
        List<String> warnings;
        LinearSGDModel switched;
        try (LogCapture log = LogCapture.of(RegularizedOptimiser.class)) {
            switched = new LinearSGDTrainer(new LogMulticlass(), new LazyTest.Recorder(opt, updateTypes), 4, -1, 1,
                    4L).train(train);
            warnings = log.messages();
        }
        assertEquals(List.of("DenseSparseMatrix", "DenseMatrix"), updateTypes.stream().distinct().toList(),
                "lazy updates first, then eager ones");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("[tribuo-lazy-replays-costly]"), warnings.get(0));
        double[] switchedWeights = LazyTest.flat(switched.getWeightsCopy());
        double[] eagerWeights = LazyTest.flat(train(inner.get(), reg, train, true).getWeightsCopy());
        for (int i = 0; i < eagerWeights.length; i++) {
            double allowed = RELATIVE_TOLERANCE * Math.abs(eagerWeights[i]) + ABSOLUTE_TOLERANCE;
            assertEquals(eagerWeights[i], switchedWeights[i], allowed, "weight " + i);
        }
    }

    /** Trains; a lazy run also checks that every update handed to Tribuo was sparse (so lazy mode was on). */
    private static LinearSGDModel train(StochasticGradientOptimiser inner, Regularization reg,
            MutableDataset<Label> data, boolean eager) {
        RegularizedOptimiser opt = new RegularizedOptimiser(inner, reg, 1);
        opt.eagerOnly = eager;
        opt.deferSteps = 0;   // the flow catch-up of absent weights; steps carried by present weights: DeferredStepsTest
        opt.eagerWhenReplaysCostly = false;   // the lazy path itself, even where its replays cost more than eager steps
        List<String> updateTypes = new ArrayList<>();
        LinearSGDModel model = new LinearSGDTrainer(new LogMulticlass(), new LazyTest.Recorder(opt, updateTypes), 4,
                -1, 1, 4L).train(data);
        if (!eager && !reg.isEmpty()) {
            assertEquals(List.of("DenseSparseMatrix"), updateTypes.stream().distinct().toList(), "lazy updates");
        }
        return model;
    }
}
