package dev.rein.runtime.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.runtime.check.TestHooks;
import dev.rein.runtime.plan.PenaltyTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.SGD;

/**
 * Penalty steps a present weight carries ({@link ReplayEngine#DEFER_STEPS}): a known answer on one weight, the bound
 * the class comment states, the hook calls saved, and training against eager steps where every feature is seen every
 * other step (the case deferral is for) for penalties of different curvature.
 */
class DeferredStepsTest {
    private static final double LAMBDA = 0.01;
    private static final double H = 0.01;

    /**
     * A linear decay {@code G(w) = λw} (a user's hook, so replayed, not recognised): with {@code K} steps deferred the
     * weight is {@code (w₀ + Σδ)·(1 - hλ)^K} after the K-th update's penalty and before its own {@code δ}, where
     * the steps one by one give {@code w₀(1 - hλ)^K + Σ δ_t (1 - hλ)^(K-t)}.
     */
    @Test
    void aPresentWeightCarriesItsStepsAndTheyComeDueAsTheFlowOfTheirSum() {
        int[] calls = new int[1];
        ElementwisePenalty linear = TestHooks.penalty(w -> LAMBDA * w * w / 2, w -> {
            calls[0]++;
            return LAMBDA * w;
        }, null);
        int k = 16;
        ReplayEngine engine = new ReplayEngine(1, 1, LazyTerms.of(List.of(new PenaltyTerm(
                FlowPenalties.term("user", linear, PenaltyMode.COUPLED), PenaltyMode.COUPLED))),
                LazyTerms.of(List.of()), "test").deferringUpTo(k);
        calls[0] = 0;   // the flow's slope table was fitted to the hook when the engine was built
        double[][] values = {{2.0, 0.0}};
        double eager = 2.0;
        double sumDelta = 0;
        double shrink = 1 - H * LAMBDA;
        for (int t = 1; t < k; t++) {
            double delta = 0.01 * (t % 3 - 1);
            step(engine, values, delta);
            eager = eager * shrink + delta;
            sumDelta += delta;
            assertEquals(2.0 + sumDelta, values[0][0], 1e-15, "step " + t + ": the update alone");
        }
        assertEquals(0, calls[0], "no hook call while the steps are carried (the stiffness check where the window"
                + " starts reads the slope table too)");
        double read = engine.weight(values, 0, 0);
        assertEquals((2.0 + sumDelta) * Math.pow(shrink, k - 1), read, 1e-6 * Math.abs(read),
                "a read of the model applies what is carried");
        double delta = 0.005;
        step(engine, values, delta);
        eager = eager * shrink + delta;
        double expected = (2.0 + sumDelta) * Math.pow(shrink, k) + delta;
        assertEquals(expected, values[0][0], 1e-6 * Math.abs(expected) + 1e-9, "the K-th step");
        assertTrue(calls[0] <= 6, "a few calls for 16 steps: " + calls[0]);
        // the stated bound: S·max|R''|·D, S = kh the carried step size, D how far the updates moved the weight
        double bound = k * H * LAMBDA * maxDistance(k);
        double gap = Math.abs(values[0][0] - eager);
        assertTrue(gap > 0 && gap <= bound, "deferral moved the weight by " + gap + ", bound " + bound);
    }

    /** Training: penalties of different curvature, each feature present in every other example. */
    static Stream<Arguments> penalties() {
        Supplier<StochasticGradientOptimiser> sgd = () -> SGD.getSimpleSGD(0.02);
        Supplier<StochasticGradientOptimiser> adagrad = () -> new AdaGrad(0.05);
        return Stream.of(
                Arguments.of("log-cosh (smooth), SGD", sgd, FlowPenalties.logCosh(5e-3), PenaltyMode.COUPLED),
                Arguments.of("quartic (nearly flat near zero), SGD", sgd, FlowPenalties.quartic(2e-2),
                        PenaltyMode.COUPLED),
                Arguments.of("pseudo-Huber width 0.01 (steep near zero), SGD", sgd, FlowPenalties.steep(5e-3, 0.01),
                        PenaltyMode.COUPLED),
                Arguments.of("cauchy (bounded), SGD", sgd, FlowPenalties.cauchy(5e-3), PenaltyMode.COUPLED),
                Arguments.of("log-cosh, AdaGrad (decoupled)", adagrad, FlowPenalties.logCosh(5e-3),
                        PenaltyMode.DECOUPLED),
                Arguments.of("pseudo-Huber width 0.01, AdaGrad (decoupled)", adagrad,
                        FlowPenalties.steep(5e-3, 0.01), PenaltyMode.DECOUPLED),
                Arguments.of("cauchy, AdaGrad (decoupled)", adagrad, FlowPenalties.cauchy(5e-3),
                        PenaltyMode.DECOUPLED));
    }

    /**
     * Every weight within {@value DeferralOnRealDataTest#SHARE_OF_EFFECT} of the penalty's largest change to a weight
     * (as on the benchmarks' data, {@link DeferralOnRealDataTest}), test accuracy within 0.1 point, and no more than
     * what the same training without deferral gives away: the steps carried are the only difference.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("penalties")
    void lazyWithCarriedStepsMatchesEager(String name, Supplier<StochasticGradientOptimiser> inner,
            ElementwisePenalty penalty, PenaltyMode mode) {
        MutableDataset<Label> train = LazyTest.sparseClassification(3000, 40, 20, 12L);
        MutableDataset<Label> test = LazyTest.sparseClassification(1000, 40, 20, 13L);
        Regularization reg = TestTerms.of(FlowPenalties.term("user", penalty, mode));
        double[] eager = LazyTest.flat(train(inner.get(), reg, train, true, 0).getWeightsCopy());
        LinearSGDModel carried = train(inner.get(), reg, train, false, ReplayEngine.DEFER_STEPS);
        double[] lazy = LazyTest.flat(carried.getWeightsCopy());
        double[] free = LazyTest.flat(train(inner.get(), Regularization.none(), train, true, 0).getWeightsCopy());
        double effect = maxDifference(free, eager);
        double gap = maxDifference(lazy, eager);
        assertTrue(effect > 1e-3, name + ": the penalty must move the weights, moved " + effect);
        assertTrue(gap > 0, name + ": steps were carried");
        assertTrue(gap <= DeferralOnRealDataTest.SHARE_OF_EFFECT * effect,
                name + ": lazy and eager differ by " + gap + ", the penalty moved a weight by " + effect);
        LinearSGDModel eagerModel = train(inner.get(), reg, train, true, 0);
        assertEquals(accuracy(eagerModel, test), accuracy(carried, test), 0.001, "accuracy (0.001 is 0.1 point)");
    }

    private static double maxDistance(int k) {
        double position = 0;
        double lowest = 0;
        double highest = 0;
        for (int t = 1; t <= k; t++) {
            position += t < k ? 0.01 * (t % 3 - 1) : 0.005;
            lowest = Math.min(lowest, position);
            highest = Math.max(highest, position);
        }
        return highest - lowest + 2.0 * (1 - Math.pow(1 - H * LAMBDA, k));   // the loss's and the penalty's moves
    }

    /** One step of size {@link #H} whose update adds {@code delta} to the single weight. */
    private static void step(ReplayEngine engine, double[][] values, double delta) {
        DenseSparseMatrix update = DenseSparseMatrix.createFromSparseVectors(new SparseVector[] {
            SparseVector.createSparseVector(2, new int[] {0}, new double[] {delta})});
        engine.record(H, update);
        engine.addPending(values, update);
    }

    private static LinearSGDModel train(StochasticGradientOptimiser inner, Regularization reg,
            MutableDataset<Label> data, boolean eager, int defer) {
        return train(inner, reg, data, eager, defer, 2, 4L);
    }

    /** Trains with mini-batches of 1, eagerly or lazily with {@code defer} carried steps. */
    static LinearSGDModel train(StochasticGradientOptimiser inner, Regularization reg, MutableDataset<Label> data,
            boolean eager, int defer, int epochs, long seed) {
        RegularizedOptimiser opt = new RegularizedOptimiser(inner, reg, 1);
        opt.eagerOnly = eager;
        opt.deferSteps = defer;
        return new LinearSGDTrainer(new LogMulticlass(), opt, epochs, -1, 1, seed).train(data);
    }

    static double maxDifference(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    static double accuracy(LinearSGDModel model, MutableDataset<Label> test) {
        int right = 0;
        for (Example<Label> e : test) {
            right += model.predict(e).getOutput().getLabel().equals(e.getOutput().getLabel()) ? 1 : 0;
        }
        return (double) right / test.size();
    }
}
