package dev.rein.runtime.optim;

import static dev.rein.runtime.optim.Fixtures.SHAPES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.RMSProp;

/**
 * Step by step, ReinAdaGrad and ReinRMSProp return the updates Tribuo 4.3.2's AdaGrad and RMSProp return for the
 * same gradients and example weights, on a matrix and a vector at once, over enough steps that RMSProp's running
 * factor is folded in (about every 130 steps at ρ = 0.9). Both are compared to the last bit, where the same
 * expressions run in the same order, except where Tribuo's sparse RMSProp is defective (see
 * {@link #rmsPropOnSparseGradientsIsTribuosOnTheSameGradientsMadeDense}).
 */
class TribuoStepParityTest {
    private static final double[] WEIGHTS = {1.0, 0.5, 2.0, 1.0, 0.0, 1.5};
    private static final int STEPS = 300;

    @Test
    void adaGradOnDenseGradients() {
        SplittableRandom random = new SplittableRandom(1L);
        compare(new AdaGrad(0.5, 0.1), new ReinAdaGrad(0.5, 0.1), () -> Fixtures.dense(random, SHAPES), false);
    }

    @Test
    void adaGradWithAnInitialAccumulatorAndTinyEpsilon() {
        SplittableRandom random = new SplittableRandom(2L);
        compare(new AdaGrad(0.3, 1e-9, 0.25), new ReinAdaGrad(0.3, 1e-9, 0.25), () -> Fixtures.dense(random, SHAPES),
                false);
    }

    @Test
    void adaGradOnSparseGradients() {
        SplittableRandom random = new SplittableRandom(3L);
        compare(new AdaGrad(0.5, 0.1), new ReinAdaGrad(0.5, 0.1), () -> Fixtures.sparse(random, SHAPES, 0.4),
                false);
    }

    @Test
    void rmsPropOnDenseGradients() {
        SplittableRandom random = new SplittableRandom(4L);
        compare(new RMSProp(0.01, 0.9), new ReinRMSProp(0.01, 0.9), () -> Fixtures.dense(random, SHAPES), false);
    }

    @Test
    void rmsPropWithDecayAndOtherSettings() {
        SplittableRandom random = new SplittableRandom(5L);
        compare(new RMSProp(0.05, 0.7, 1e-4, 0.01), new ReinRMSProp(0.05, 0.7, 1e-4, 0.01),
                () -> Fixtures.dense(random, SHAPES), false);
    }

    /**
     * Tribuo keeps RMSProp's average as stored values times a running factor, and on a DenseSparseMatrix gradient
     * divides by the stored values without the factor. ReinRMSProp divides by the average itself: on a sparse
     * gradient it gives what Tribuo gives for the same gradient made dense (where the absent coordinates' decay is
     * the same and their update zero), to rounding. Tribuo's sparse step is off from the first step on.
     */
    @Test
    void rmsPropOnSparseGradientsIsTribuosOnTheSameGradientsMadeDense() {
        SplittableRandom random = new SplittableRandom(6L);
        compare(new RMSProp(0.01, 0.9), new ReinRMSProp(0.01, 0.9), () -> Fixtures.sparse(random, SHAPES, 0.4),
                true);

        // The defect: Tribuo's own sparse step divides by √(v / factor); after one step the factor is 0.9.
        Tensor[] g = Fixtures.sparse(new SplittableRandom(7L), SHAPES, 1.0);
        RMSProp tribuo = new RMSProp(0.01, 0.9);
        tribuo.initialise(Fixtures.parameters(SHAPES));
        Tensor[] tribuoSparse = tribuo.step(Fixtures.copy(g), 1.0);
        ReinRMSProp rein = new ReinRMSProp(0.01, 0.9);
        rein.initialise(Fixtures.parameters(SHAPES));
        Tensor[] reinSparse = rein.step(Fixtures.copy(g), 1.0);
        double x = Fixtures.get(g[0], 1, 1);
        double v = 0.1 * x * x;
        assertEquals(x * 0.01 / (1e-8 + Math.sqrt(v)), Fixtures.get(reinSparse[0], 1, 1), 1e-15);
        assertEquals(x * 0.01 / (1e-8 + Math.sqrt(v / 0.9)), Fixtures.get(tribuoSparse[0], 1, 1), 1e-15);
        // A SparseVector gradient (the second tensor) takes Tribuo's correct path.
        assertEquals(Fixtures.get(tribuoSparse[1], 0, 2), Fixtures.get(reinSparse[1], 0, 2), 0.0);
    }

    /**
     * Runs both optimisers on the same gradients for {@link #STEPS} steps, cycling through {@link #WEIGHTS}, and
     * compares every coordinate of every update, and which coordinates the updates store. With
     * {@code densifyForTribuo}, Tribuo gets each gradient with its absent coordinates stored as zeros.
     */
    private static void compare(StochasticGradientOptimiser tribuo, StochasticGradientOptimiser rein,
            java.util.function.Supplier<Tensor[]> gradients, boolean densifyForTribuo) {
        tribuo.initialise(Fixtures.parameters(SHAPES));
        rein.initialise(Fixtures.parameters(SHAPES));
        int differing = 0;
        for (int step = 0; step < STEPS; step++) {
            double weight = WEIGHTS[step % WEIGHTS.length];
            Tensor[] g = gradients.get();
            Tensor[] forRein = Fixtures.copy(g);
            Tensor[] expected = tribuo.step(densifyForTribuo ? Fixtures.densified(g) : Fixtures.copy(g), weight);
            Tensor[] actual = rein.step(forRein, weight);
            assertSame(forRein, actual, "the update is written into the gradients, as Tribuo does");
            for (int t = 0; t < SHAPES.length; t++) {
                for (int r = 0; r < Fixtures.rows(SHAPES, t); r++) {
                    for (int c = 0; c < Fixtures.columns(SHAPES, t); c++) {
                        String where = "step " + (step + 1) + ", tensor " + t + " (" + r + ", " + c + ")";
                        double e = Fixtures.get(expected[t], r, c);
                        double a = Fixtures.get(actual[t], r, c);
                        Fixtures.assertClose(e, a, 1e-12, where);
                        differing += e == a ? 0 : 1;
                        assertEquals(Fixtures.present(g[t], r, c), Fixtures.present(actual[t], r, c), where);
                    }
                }
            }
        }
        if (!densifyForTribuo) {
            assertEquals(0, differing, "the same expressions in the same order give the same doubles");
        }
        assertTrue(rein.toString().startsWith("Rein"));
    }
}
