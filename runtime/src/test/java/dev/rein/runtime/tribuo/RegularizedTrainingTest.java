package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.TestTerms.l2;
import static dev.rein.runtime.tribuo.TestTerms.maxNorm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.Target;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.fm.FMRegressionTrainer;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Training through Tribuo's own trainers, against known answers: hand-computed epochs, the closed-form ridge
 * solution, a max-norm bound.
 *
 * <p>Tolerances. Full-batch training is plain gradient descent on {@code J}, so it reaches the closed form to
 * rounding ({@code 1e-9}). With smaller batches Tribuo reshuffles every epoch and the step size is constant, so
 * the last iterate sits within {@code O(α)} of the minimiser ({@code α = η·b²}, Tribuo's effective step): with
 * {@code α <= 3e-4} the measured distance is below {@code 2e-4}, so {@code 1e-3} holds with room. Each case also
 * checks that ridge and least squares differ by over 20 times the tolerance (0.1 to 0.37 here), so a penalty
 * scaled by a wrong power of {@code b} or of the example weight cannot pass.
 */
class RegularizedTrainingTest {
    private static final double LAMBDA = 0.1;

    @Test
    void fullBatchEpochsMatchTheHandComputedSteps() {
        // One batch of b = n = 4 examples of weight 2 per epoch: w ← w + η·(ω̄·b·Σ g_k - b²·λ·w).
        SyntheticData data = SyntheticData.regression(4, 11L, 0, 2.0);
        double eta = 0.01;
        int b = 4;
        int epochs = 3;
        LinearSGDModel model = new LinearSGDTrainer(new SquaredLoss(),
                new RegularizedOptimiser(SGD.getSimpleSGD(eta), TestTerms.of(l2(LAMBDA)), b), epochs, -1, b, 1L)
                .train(data.dataset);

        int d = data.features();
        double[] w = new double[d + 1];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double[] sum = new double[d + 1];
            for (int k = 0; k < b; k++) {
                double residual = data.y[k] - predict(w, data.x[k]);
                for (int j = 0; j < d; j++) {
                    sum[j] += residual * data.x[k][j];
                }
                sum[d] += residual;
            }
            for (int j = 0; j <= d; j++) {
                double penalty = j < d ? b * b * LAMBDA * w[j] : 0;
                w[j] += eta * (data.exampleWeight * b * sum[j] - penalty);
            }
        }
        assertArrayEquals(w, weights(model, d), 1e-12);
    }

    @Test
    void singleExampleEpochsMatchTheHandComputedSteps() {
        // b = 1 and example weight 2: w ← w + η·(ω·g - λ·w).
        SyntheticData data = SyntheticData.regression(1, 12L, 0, 2.0);
        double eta = 0.05;
        int epochs = 3;
        LinearSGDModel model = new LinearSGDTrainer(new SquaredLoss(),
                new RegularizedOptimiser(SGD.getSimpleSGD(eta), TestTerms.of(l2(LAMBDA))), epochs, -1, 1, 1L)
                .train(data.dataset);

        int d = data.features();
        double[] w = new double[d + 1];
        for (int epoch = 0; epoch < epochs; epoch++) {
            double residual = data.y[0] - predict(w, data.x[0]);
            for (int j = 0; j <= d; j++) {
                double x = j < d ? data.x[0][j] : 1;
                double penalty = j < d ? LAMBDA * w[j] : 0;
                w[j] += eta * (data.exampleWeight * residual * x - penalty);
            }
        }
        assertArrayEquals(w, weights(model, d), 1e-12);
    }

    @ParameterizedTest(name = "b={0}, eta={1}, epochs={2}, drop={3}, example weight={4}")
    @CsvSource({
        // dense data: SGD, mini-batches, full batch (alpha = eta·b² is 1e-4, 3e-4, 0.5)
        "1, 1e-4, 600, 0.0, 1.0, 1e-3",
        "8, 4.6875e-6, 1600, 0.0, 1.0, 1e-3",
        "200, 1.25e-5, 300, 0.0, 1.0, 1e-9",
        // example weights scale the loss, not the penalty: the answer is ridge with lambda / weight
        "8, 4.6875e-6, 1600, 0.0, 2.0, 1e-3",
        // sparse data (DenseSparseMatrix gradients): SGD and full batch
        "1, 3e-4, 850, 0.4, 1.0, 1e-3",
        "200, 1.25e-5, 300, 0.4, 1.0, 1e-9",
    })
    void coupledL2ConvergesToClosedFormRidge(int b, double eta, int epochs, double drop, double exampleWeight,
            double tolerance) {
        SyntheticData data = SyntheticData.regression(200, 7L, drop, exampleWeight);
        double[] ridge = data.ridge(LAMBDA);
        LinearSGDModel model = new LinearSGDTrainer(new SquaredLoss(),
                new RegularizedOptimiser(SGD.getSimpleSGD(eta), TestTerms.of(l2(LAMBDA)), b), epochs, -1, b, 1L)
                .train(data.dataset);

        assertArrayEquals(ridge, weights(model, data.features()), tolerance);
        assertTrue(maxDifference(ridge, data.ridge(0)) > 20 * tolerance,
                "the penalty must matter: ridge and least squares differ by far more than the tolerance");
    }

    @Test
    void withoutThePenaltyTheSameTrainingLandsFarFromRidge() {
        SyntheticData data = SyntheticData.regression(200, 7L, 0, 1.0);
        LinearSGDModel model = new LinearSGDTrainer(new SquaredLoss(),
                new RegularizedOptimiser(SGD.getSimpleSGD(1.25e-5), Regularization.none(), 200), 300, -1, 200, 1L)
                .train(data.dataset);

        double[] w = weights(model, data.features());
        assertArrayEquals(data.ridge(0), w, 1e-9);
        assertTrue(maxDifference(data.ridge(LAMBDA), w) > 0.1);
    }

    @Test
    void maxNormBoundsEveryRowOfATrainedClassifier() {
        double c = 0.5;
        MutableDataset<Label> data = threeClusters();
        var constrained = classifier(TestTerms.of(maxNorm(c, Target.WEIGHTS))).train(data);
        var free = classifier(Regularization.none()).train(data);

        DenseMatrix w = constrained.getWeightsCopy();
        for (int r = 0; r < w.getDimension1Size(); r++) {
            assertTrue(RegularizedOptimiserStepTest.weightRowNorm(w, r) <= c + 1e-9, "row " + r);
        }
        double largest = 0;
        DenseMatrix u = free.getWeightsCopy();
        for (int r = 0; r < u.getDimension1Size(); r++) {
            largest = Math.max(largest, RegularizedOptimiserStepTest.weightRowNorm(u, r));
        }
        assertTrue(largest > 2 * c, "unconstrained rows grow past c, so the bound did work: " + largest);
    }

    @Test
    void sameDataAndSeedGiveBitIdenticalWeights() {
        SyntheticData data = SyntheticData.regression(100, 5L, 0.4, 1.0);
        Regularization reg = TestTerms.of(TestTerms.l1(0.01), l2(LAMBDA), maxNorm(2.0, Target.WEIGHTS));
        double[] first = flat(train(reg, data).getWeightsCopy());
        double[] second = flat(train(reg, data).getWeightsCopy());
        assertArrayEquals(first, second);
    }

    @Test
    void theModelsProvenanceRecordsTheSpec() {
        SyntheticData data = SyntheticData.regression(20, 5L, 0, 1.0);
        LinearSGDModel model = train(TestTerms.of(l2(LAMBDA)), data);
        ConfiguredObjectProvenance optimiser = (ConfiguredObjectProvenance) model.getProvenance()
                .getTrainerProvenance().getConfiguredParameters().get("optimiser");

        assertEquals(RegularizedOptimiser.class.getName(), optimiser.getClassName());
        assertEquals(new StringProvenance("spec", "l2(lambda=0.1)"), optimiser.getConfiguredParameters().get("spec"));
    }

    @Test
    void factorizationMachinesTrainWithAPenaltyOnWeightsAndFactors() {
        SyntheticData data = SyntheticData.regression(100, 9L, 0, 1.0);
        var free = fm(Regularization.none()).train(data.dataset);
        var penalized = fm(TestTerms.of(l2(1.0))).train(data.dataset);

        double freeNorm = WeightSummary.of(free, Regularization.none()).weightNorm();
        double penalizedNorm = WeightSummary.of(penalized, Regularization.none()).weightNorm();
        assertTrue(penalizedNorm < 0.8 * freeNorm, penalizedNorm + " vs " + freeNorm);
    }

    // ---- helpers

    private static FMRegressionTrainer fm(Regularization reg) {
        return new FMRegressionTrainer(new SquaredLoss(), new RegularizedOptimiser(SGD.getSimpleSGD(0.01), reg),
                20, -1, 1, 3L, 2, 0.1, false);
    }

    private static LinearSGDModel train(Regularization reg, SyntheticData data) {
        return new LinearSGDTrainer(new SquaredLoss(), new RegularizedOptimiser(SGD.getSimpleSGD(0.01), reg, 4),
                5, -1, 4, 42L).train(data.dataset);
    }

    private static org.tribuo.classification.sgd.linear.LinearSGDTrainer classifier(Regularization reg) {
        return new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(),
                new RegularizedOptimiser(SGD.getSimpleSGD(0.5), reg), 30, -1, 1, 1L);
    }

    private static MutableDataset<Label> threeClusters() {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("clusters", factory),
                factory);
        SplittableRandom random = new SplittableRandom(17);
        double[][] centres = {{4, 0}, {0, 4}, {-4, -4}};
        String[] names = {"a", "b", "c"};
        for (int i = 0; i < 90; i++) {
            double[] centre = centres[i % 3];
            Example<Label> e = new ArrayExample<>(new Label(names[i % 3]), new String[] {"x", "y"},
                    new double[] {centre[0] + random.nextGaussian(), centre[1] + random.nextGaussian()});
            data.add(e);
        }
        return data;
    }

    /** The model's weights by feature name, then the bias. */
    static double[] weights(LinearSGDModel model, int features) {
        DenseMatrix m = model.getWeightsCopy();
        double[] out = new double[features + 1];
        for (int j = 0; j < features; j++) {
            out[j] = m.get(0, model.getFeatureIDMap().getID(SyntheticData.featureName(j)));
        }
        out[features] = m.get(0, m.getDimension2Size() - 1);
        return out;
    }

    private static double predict(double[] w, double[] x) {
        double p = w[x.length];
        for (int j = 0; j < x.length; j++) {
            p += w[j] * x[j];
        }
        return p;
    }

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static double[] flat(DenseMatrix m) {
        double[] out = new double[m.getDimension1Size() * m.getDimension2Size()];
        for (int r = 0; r < m.getDimension1Size(); r++) {
            for (int c = 0; c < m.getDimension2Size(); c++) {
                out[r * m.getDimension2Size() + c] = m.get(r, c);
            }
        }
        return out;
    }
}
