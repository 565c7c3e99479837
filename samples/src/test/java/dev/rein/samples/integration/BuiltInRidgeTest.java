package dev.rein.samples.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecBinder;
import dev.rein.runtime.tribuo.RegularizedOptimiser;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * The built-in {@code l2} found through the registry and bound from a spec, trained with Tribuo's linear SGD
 * regression, reaches the closed-form ridge solution of {@code (1/n)·Σ ½(y - xᵀw - b)² + (λ/2)·‖w‖²} with an
 * unpenalized intercept: centre the data and solve {@code (XcᵀXc/n + λI)·w = Xcᵀyc/n} (2 x 2, by Cramer's rule).
 */
class BuiltInRidgeTest {
    private static final int N = 40;
    private static final double LAMBDA = 0.5;
    private static PluginRegistry registry;

    @BeforeAll
    static void openRegistry() {
        registry = PluginRegistry.standard(List.of());
    }

    @AfterAll
    static void closeRegistry() {
        registry.close();
    }

    @Test
    void fullBatchSgdWithBuiltInL2ReachesTheClosedFormRidgeSolution() {
        double[][] x = new double[N][2];
        double[] y = new double[N];
        MutableDataset<Regressor> data = data(x, y);

        double[] ridge = closedFormRidge(x, y, LAMBDA);
        double[] leastSquares = closedFormRidge(x, y, 0);
        assertTrue(Math.hypot(ridge[0] - leastSquares[0], ridge[1] - leastSquares[1]) > 0.1,
                "the penalty must matter for this test to mean anything");

        Regularization l2 = SpecBinder.bind("l2(lambda=" + LAMBDA + ")", registry);
        // Tribuo multiplies a mini-batch's summed gradient by its size: with b = n the step on the mean
        // gradient is lr·n², so lr = 0.2/n² is a step of 0.2 on the objective.
        double lr = 0.2 / (N * N);
        LinearSGDTrainer trainer = new LinearSGDTrainer(new SquaredLoss(),
                new RegularizedOptimiser(SGD.getSimpleSGD(lr), l2, N), 3000, -1, N, 1L);
        LinearSGDModel model = trainer.train(data);
        DenseMatrix w = model.getWeightsCopy();   // [1 x (2 features + bias)]
        assertEquals(ridge[0], w.get(0, 0), 1e-9);
        assertEquals(ridge[1], w.get(0, 1), 1e-9);
    }

    private static MutableDataset<Regressor> data(double[][] x, double[] y) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("ridge", factory),
                factory);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < N; i++) {
            x[i][0] = random.nextDouble() * 4 - 2;
            x[i][1] = 0.5 * x[i][0] + random.nextDouble() - 0.5;
            y[i] = 3 * x[i][0] - 2 * x[i][1] + 1 + 0.3 * (random.nextDouble() - 0.5);
            data.add(new ArrayExample<>(new Regressor("y", y[i]), new String[] {"a", "b"}, x[i]));
        }
        return data;
    }

    /** Ridge weights (intercept unpenalized) for two features. */
    private static double[] closedFormRidge(double[][] x, double[] y, double lambda) {
        double mx0 = 0;
        double mx1 = 0;
        double my = 0;
        for (int i = 0; i < N; i++) {
            mx0 += x[i][0] / N;
            mx1 += x[i][1] / N;
            my += y[i] / N;
        }
        double a = lambda;
        double b = 0;
        double d = lambda;
        double r0 = 0;
        double r1 = 0;
        for (int i = 0; i < N; i++) {
            double u = x[i][0] - mx0;
            double v = x[i][1] - mx1;
            double t = y[i] - my;
            a += u * u / N;
            b += u * v / N;
            d += v * v / N;
            r0 += u * t / N;
            r1 += v * t / N;
        }
        double det = a * d - b * b;
        return new double[] {(r0 * d - b * r1) / det, (a * r1 - b * r0) / det};
    }
}
