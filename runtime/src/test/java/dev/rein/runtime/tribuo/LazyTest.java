package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.TestTerms.cauchy;
import static dev.rein.runtime.tribuo.TestTerms.l1;
import static dev.rein.runtime.tribuo.TestTerms.l1p;
import static dev.rein.runtime.tribuo.TestTerms.l2;
import static dev.rein.runtime.tribuo.TestTerms.l2p;
import static dev.rein.runtime.tribuo.TestTerms.mode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.optim.ReinAdaGrad;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Lazy penalties on sparse data give the model the eager computation gives: the same data, spec, seed and trainer,
 * once lazily and once with the package-private {@code eagerOnly} switch, must agree to {@code 1e-9}.
 */
class LazyTest {
    private static final double TOLERANCE = 1e-9;

    static Stream<Arguments> exactCases() {
        return Stream.of(
                // plain SGD: coupled and proximal, closed form
                Arguments.of("coupled l2, SGD", sgd(0.02), TestTerms.of(l2(0.3)), 1, 30),
                Arguments.of("coupled l2, SGD, b=3", sgd(0.005), TestTerms.of(l2(0.3)), 3, 30),
                Arguments.of("proximal l1, SGD", sgd(0.02), TestTerms.of(l1p(0.05)), 1, 30),
                Arguments.of("proximal l1 + l2, linear decay", (Supplier<StochasticGradientOptimiser>)
                        () -> SGD.getLinearDecaySGD(0.5), TestTerms.of(l1p(0.02), l2p(0.2)), 1, 30),
                Arguments.of("coupled l2 + proximal l1, sqrt decay", (Supplier<StochasticGradientOptimiser>)
                        () -> SGD.getSqrtDecaySGD(0.05), TestTerms.of(l2(0.2), l1p(0.02)), 2, 30),
                // plain SGD: generic replay (features present often enough that no gap exceeds 32 steps)
                Arguments.of("coupled cauchy, SGD", sgd(0.02), TestTerms.of(cauchy(0.2)), 1, 8),
                Arguments.of("coupled l1 subgradient, SGD", sgd(0.02), TestTerms.of(l1(0.01)), 1, 8),
                // decoupled under every optimiser that allows it
                Arguments.of("decoupled l2, AdaGrad", (Supplier<StochasticGradientOptimiser>) () -> new AdaGrad(0.1),
                        TestTerms.of(l2(0.3)), 1, 30),
                Arguments.of("decoupled l2, Adam", (Supplier<StochasticGradientOptimiser>) () -> new Adam(0.001, 1e-8),
                        TestTerms.of(l2(0.3)), 1, 30),
                Arguments.of("decoupled l2, RMSProp", (Supplier<StochasticGradientOptimiser>)
                        () -> new RMSProp(0.01, 0.9, 1e-8, 0.01), TestTerms.of(l2(0.3)), 2, 30),
                Arguments.of("decoupled l2, SGD momentum", (Supplier<StochasticGradientOptimiser>)
                        () -> SGD.getSimpleSGD(0.01, 0.9, SGD.Momentum.STANDARD), TestTerms.of(l2(0.3)), 1, 30),
                Arguments.of("decoupled l1, AdaGrad (replay, stops at zero)", (Supplier<StochasticGradientOptimiser>)
                        () -> new AdaGrad(0.1), TestTerms.of(l1(0.01)), 1, 8),
                Arguments.of("decoupled strong l1, SGD (replay, stops at zero)", (Supplier<StochasticGradientOptimiser>)
                        () -> SGD.getSimpleSGD(0.05), TestTerms.of(mode(l1(0.2), PenaltyMode.DECOUPLED)), 1, 8),
                // proximal in AdaGrad's own metric: each weight's step size, frozen while its feature is absent
                Arguments.of("proximal l1, Tribuo's AdaGrad (run as Rein's)", (Supplier<StochasticGradientOptimiser>)
                        () -> new AdaGrad(0.1), TestTerms.of(l1p(0.05)), 1, 30),
                Arguments.of("proximal l1 + l2, Rein's AdaGrad, b=2", (Supplier<StochasticGradientOptimiser>)
                        () -> new ReinAdaGrad(0.1, 0.1), TestTerms.of(l1p(0.02), l2p(0.2)), 2, 30),
                Arguments.of("decoupled l2 + proximal l1, AdaGrad", (Supplier<StochasticGradientOptimiser>)
                        () -> new AdaGrad(0.2), TestTerms.of(mode(l2(0.3), PenaltyMode.DECOUPLED), l1p(0.03)), 1, 30),
                Arguments.of("proximal l1 on all (bias stepped with the update), SGD",
                        sgd(0.02), TestTerms.of(onAll(l1p(0.05))), 1, 30),
                Arguments.of("strong proximal l2 + l1: the scale folds back to 1 every ~40 steps", sgd(0.1),
                        TestTerms.of(l2p(2.0), l1p(0.01)), 1, 30),
                Arguments.of("strong coupled l2 alone: scale only, no thresholds", sgd(0.1),
                        TestTerms.of(l2(3.0)), 1, 30),
                // max-norm as one scale per row (alone, with L2, two caps), the rows' norms kept incrementally
                Arguments.of("max_norm alone, SGD", sgd(0.05), TestTerms.of(TestTerms.maxNorm(0.3, Target.WEIGHTS)),
                        1, 30),
                Arguments.of("coupled l2 + max_norm, SGD, b=2", sgd(0.02), TestTerms.of(l2(0.1),
                        TestTerms.maxNorm(0.2, Target.WEIGHTS)), 2, 30),
                Arguments.of("proximal l2 + two max_norms (the smaller wins)", sgd(0.05), TestTerms.of(l2p(0.1),
                        TestTerms.maxNorm(0.5, Target.WEIGHTS), TestTerms.maxNorm(0.25, Target.WEIGHTS)), 1, 30),
                Arguments.of("decoupled l2 + max_norm, AdaGrad", (Supplier<StochasticGradientOptimiser>)
                        () -> new AdaGrad(0.1), TestTerms.of(l2(0.1), TestTerms.maxNorm(0.3, Target.WEIGHTS)), 1, 30),
                Arguments.of("decoupled l2 on all, Nesterov", (Supplier<StochasticGradientOptimiser>)
                        () -> SGD.getSimpleSGD(0.01, 0.5, SGD.Momentum.NESTEROV),
                        TestTerms.of(mode(onAll(l2(0.3)), PenaltyMode.DECOUPLED)), 1, 30));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exactCases")
    void lazyMatchesEager(String name, Supplier<StochasticGradientOptimiser> inner, Regularization reg, int b,
            int features) {
        MutableDataset<Regressor> data = sparseRegression(150, features, 3, 21L);
        double[] lazy = train(inner.get(), reg, b, data, false);
        double[] eager = train(inner.get(), reg, b, data, true);
        for (int i = 0; i < lazy.length; i++) {
            assertEquals(eager[i], lazy[i], TOLERANCE, "weight " + i);
        }
        double[] free = train(inner.get(), Regularization.none(), b, data, true);
        assertTrue(maxDifference(free, eager) > 1000 * TOLERANCE, "the penalty must change the model");
    }

    @Test
    void cumulativeL1GivesTheEagerProximalNonZeroPattern() {
        MutableDataset<Regressor> data = sparseRegression(150, 30, 3, 5L);
        Regularization reg = TestTerms.of(l1p(0.08));
        double[] lazy = train(sgd(0.02).get(), reg, 1, data, false);
        double[] eager = train(sgd(0.02).get(), reg, 1, data, true);
        int zeros = 0;
        for (int i = 0; i < lazy.length; i++) {
            assertEquals(eager[i] == 0, lazy[i] == 0, "zero pattern at " + i);
            zeros += lazy[i] == 0 ? 1 : 0;
        }
        assertTrue(zeros >= 5 && zeros < lazy.length - 3, "some weights are exactly zero, not all: " + zeros);
    }

    @Test
    void aMultiOutputClassifierMatchesToo() {
        MutableDataset<Label> data = sparseClassification(150, 25, 3, 8L);
        Regularization reg = TestTerms.of(l1p(0.01), l2p(0.1));
        double[] lazy = classify(reg, data, false);
        double[] eager = classify(reg, data, true);
        for (int i = 0; i < lazy.length; i++) {
            assertEquals(eager[i], lazy[i], TOLERANCE, "weight " + i);
        }
    }

    @Test
    void aWeightThatBlowsUpInTheFusedUpdateIsReportedWithTheStepAndSpec() {
        LinearParameters p = new LinearParameters(new DenseMatrix(1, 5));
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(0.1), TestTerms.of(l1p(0.5)));
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {RegularizedOptimiserStepTest.sparse(new double[][] {{0.2, 0, 0, 0, 0.1}})},
                1.0));
        Tensor[] update = opt.step(new Tensor[] {RegularizedOptimiserStepTest.sparse(
                new double[][] {{0, Double.POSITIVE_INFINITY, 0, 0, 0.1}})}, 1.0);
        assertTrue(opt.isLazy());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> p.update(update));
        assertEquals(2, e.step());
        assertTrue(e.getMessage().contains("weight (0, 1)") && e.getMessage().contains("l1"), e.getMessage());
    }

    @Test
    void catchUpIsIdempotentAndTrainingGoesOnAfterIt() {
        LinearParameters p = new LinearParameters(new DenseMatrix(1, 5));
        DenseMatrix start = p.getWeightMatrix();
        for (int c = 0; c < 4; c++) {
            start.set(0, c, 1.0 + c);
        }
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(0.1), TestTerms.of(l2(0.5)));
        opt.initialise(p);
        double[][] onlyFirst = {{0.2, 0, 0, 0, 0.1}};
        for (int t = 0; t < 3; t++) {
            p.update(opt.step(new Tensor[] {RegularizedOptimiserStepTest.sparse(onlyFirst)}, 1.0));
        }
        opt.catchUp();
        double afterOnce = p.getWeightMatrix().get(0, 3);
        opt.catchUp();
        assertEquals(4.0 * Math.pow(1 - 0.1 * 0.5, 3), afterOnce, 1e-12, "three missed shrinkings");
        assertEquals(afterOnce, p.getWeightMatrix().get(0, 3), 0.0, "a second catch-up changes nothing");
        p.update(opt.step(new Tensor[] {RegularizedOptimiserStepTest.sparse(onlyFirst)}, 1.0));
        opt.finalise();
        assertEquals(4.0 * Math.pow(1 - 0.1 * 0.5, 4), p.getWeightMatrix().get(0, 3), 1e-12);
    }

    @Test
    void replacingTheWeightsMidTrainingStartsFromThem() {
        // A trainer restoring the best epoch sets new tensors: they count as exact, earlier missed steps are dropped.
        double[] lazy = restoreThenTrain(false);
        double[] eager = restoreThenTrain(true);
        for (int c = 0; c < lazy.length; c++) {
            assertEquals(eager[c], lazy[c], 1e-12, "weight " + c);
        }
        assertEquals(7.0 * Math.pow(1 - 0.1 * 0.5, 2), lazy[3], 1e-12, "two shrinkings since the restore");
    }

    @Test
    void theTrainedModelHoldsAPlainDenseMatrix() throws Exception {
        MutableDataset<Regressor> data = sparseRegression(50, 20, 3, 2L);
        var model = new LinearSGDTrainer(new SquaredLoss(), new RegularizedOptimiser(SGD.getSimpleSGD(0.02),
                TestTerms.of(l2(0.3))), 2, -1, 1, 3L).train(data);
        java.lang.reflect.Field field = org.tribuo.common.sgd.AbstractSGDModel.class
                .getDeclaredField("modelParameters");
        field.setAccessible(true);
        Tensor[] tensors = ((org.tribuo.math.Parameters) field.get(model)).get();
        assertEquals(DenseMatrix.class, tensors[0].getClass(), "no Rein class inside a Tribuo model");
    }

    private static double[] restoreThenTrain(boolean eager) {
        LinearParameters p = new LinearParameters(new DenseMatrix(1, 5));
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(0.1), TestTerms.of(l2(0.5)));
        opt.eagerOnly = eager;
        opt.deferSteps = 0;   // the replay itself, exact; steps carried by present weights: DeferredStepsTest
        opt.eagerWhenReplaysCostly = false;   // the lazy path itself, even where replays would switch to eager steps
        opt.initialise(p);
        double[][] onlyFirst = {{0.2, 0, 0, 0, 0.1}};
        for (int t = 0; t < 3; t++) {
            p.update(opt.step(new Tensor[] {RegularizedOptimiserStepTest.sparse(onlyFirst)}, 1.0));
        }
        p.set(new Tensor[] {RegularizedOptimiserStepTest.matrix(new double[][] {{4, 5, 6, 7, 0.5}})});
        for (int t = 0; t < 2; t++) {
            p.update(opt.step(new Tensor[] {RegularizedOptimiserStepTest.sparse(onlyFirst)}, 1.0));
        }
        opt.finalise();
        return flat(p.getWeightMatrix());
    }

    // ---- helpers

    private static Supplier<StochasticGradientOptimiser> sgd(double rate) {
        return () -> SGD.getSimpleSGD(rate);
    }

    private static dev.rein.runtime.spec.BoundTerm onAll(dev.rein.runtime.spec.BoundTerm t) {
        return new dev.rein.runtime.spec.BoundTerm(t.plugin(), t.arguments(), t.hook(),
                dev.rein.runtime.spec.Target.ALL, t.mode(), t.after());
    }

    /** Trains; a lazy run also checks that every update handed to Tribuo was sparse (so lazy mode was on). */
    static double[] train(StochasticGradientOptimiser inner, Regularization reg, int b,
            MutableDataset<Regressor> data, boolean eager) {
        RegularizedOptimiser opt = new RegularizedOptimiser(inner, reg, b);
        opt.eagerOnly = eager;
        opt.deferSteps = 0;   // the replay itself, exact; steps carried by present weights: DeferredStepsTest
        opt.eagerWhenReplaysCostly = false;   // the lazy path itself, even where replays would switch to eager steps
        List<String> updateTypes = new ArrayList<>();
        double[] weights = flat(new LinearSGDTrainer(new SquaredLoss(), new Recorder(opt, updateTypes), 6, -1, b, 3L)
                .train(data).getWeightsCopy());
        if (!eager && !reg.isEmpty()) {
            assertEquals(List.of("DenseSparseMatrix"), updateTypes.stream().distinct().toList(), "lazy updates");
        }
        return weights;
    }

    /** Passes everything to a RegularizedOptimiser and notes the type of each update it returns. */
    static final class Recorder implements StochasticGradientOptimiser {
        private final RegularizedOptimiser inner;
        private final List<String> types;

        Recorder(RegularizedOptimiser inner, List<String> types) {
            this.inner = inner;
            this.types = types;
        }

        public void initialise(org.tribuo.math.Parameters parameters) {
            inner.initialise(parameters);
        }

        public Tensor[] step(Tensor[] gradients, double weight) {
            Tensor[] update = inner.step(gradients, weight);
            types.add(update[0].getClass().getSimpleName());
            return update;
        }

        public void finalise() {
            inner.finalise();
        }

        public void reset() {
            inner.reset();
        }

        public StochasticGradientOptimiser copy() {
            return new Recorder(inner.copy(), types);
        }

        public com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance getProvenance() {
            return inner.getProvenance();
        }
    }

    private static double[] classify(Regularization reg, MutableDataset<Label> data, boolean eager) {
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(0.05), reg, 1);
        opt.eagerOnly = eager;
        opt.deferSteps = 0;   // the replay itself, exact; steps carried by present weights: DeferredStepsTest
        opt.eagerWhenReplaysCostly = false;   // the lazy path itself, even where replays would switch to eager steps
        return flat(new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(), opt, 5, -1, 1, 4L)
                .train(data).getWeightsCopy());
    }

    /** {@code n} examples over {@code features} features, {@code present} of them (random, distinct) in each. */
    static MutableDataset<Regressor> sparseRegression(int n, int features, int present, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("sparse", factory),
                factory);
        for (int i = 0; i < n; i++) {
            List<String> names = new ArrayList<>();
            double[] values = new double[present];
            double target = 0.1 * random.nextGaussian();
            for (int k = 0; k < present; k++) {
                int j;
                do {
                    j = random.nextInt(features);
                } while (names.contains(name(j)));
                names.add(name(j));
                values[k] = random.nextGaussian();
                target += values[k] * (j % 3 == 0 ? 1.5 : j % 3 == 1 ? -0.5 : 0.05);
            }
            data.add(new ArrayExample<>(new Regressor("y", target), names.toArray(new String[0]), values));
        }
        return data;
    }

    static MutableDataset<Label> sparseClassification(int n, int features, int present, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("sparse", factory),
                factory);
        for (int i = 0; i < n; i++) {
            List<String> names = new ArrayList<>();
            double[] values = new double[present];
            double score = 0;
            for (int k = 0; k < present; k++) {
                int j;
                do {
                    j = random.nextInt(features);
                } while (names.contains(name(j)));
                names.add(name(j));
                values[k] = random.nextGaussian();
                score += values[k] * (j % 2 == 0 ? 1 : -1);
            }
            String label = score > 0.5 ? "a" : score < -0.5 ? "b" : "c";
            data.add(new ArrayExample<>(new Label(label), names.toArray(new String[0]), values));
        }
        return data;
    }

    private static String name(int j) {
        return String.format("f%03d", j);
    }

    static double[] flat(DenseMatrix m) {
        double[] out = new double[m.getDimension1Size() * m.getDimension2Size()];
        for (int r = 0; r < m.getDimension1Size(); r++) {
            for (int c = 0; c < m.getDimension2Size(); c++) {
                out[r * m.getDimension2Size() + c] = m.get(r, c);
            }
        }
        return out;
    }

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
