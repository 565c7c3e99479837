package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.TestTerms.l1;
import static dev.rein.runtime.tribuo.TestTerms.l2;
import static dev.rein.runtime.tribuo.TestTerms.maxNorm;
import static dev.rein.runtime.tribuo.TestTerms.nonNegative;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.Target;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.common.sgd.FMParameters;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.optimisers.SGD;

/** One optimiser step at a time, on hand-built parameters and gradients, against hand-computed answers. */
class RegularizedOptimiserStepTest {
    private static final double LR = 0.1;
    private static final double LAMBDA = 0.5;
    /** Two outputs, three features, the bias last: [w | b]. */
    private static final double[][] W = {{1.0, -2.0, 0.5, 0.25}, {-0.5, 3.0, 0.0, -1.5}};
    /** A log-likelihood gradient: Tribuo's ascent direction. */
    private static final double[][] G = {{0.3, 0.0, -0.2, 0.1}, {0.0, 0.4, 0.0, -0.6}};

    @Test
    void sgdStepAddsTheLossAscentMinusThePenaltyGradient() {
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR), TestTerms.of(l2(LAMBDA)));
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {matrix(G)}, 1.0));

        // Weights: w + lr·(g - λw). Bias: w + lr·g, not penalized.
        assertMatrix(expected((w, g, bias) -> w + LR * (g - (bias ? 0 : LAMBDA * w))), p.getWeightMatrix());
    }

    @Test
    void sparseGradientGivesTheSameStepAsItsDenseTwin() {
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR), TestTerms.of(l2(LAMBDA)));
        opt.initialise(p);
        Tensor[] update = opt.step(new Tensor[] {sparse(G)}, 1.0);
        assertTrue(opt.isLazy());
        assertInstanceOf(DenseSparseMatrix.class, update[0], "only the present entries are updated");
        p.update(update);
        assertEquals(W[1][0], p.getWeightMatrix().get(1, 0), 0.0, "an absent weight waits for its catch-up");
        opt.catchUp();

        assertMatrix(expected((w, g, bias) -> w + LR * (g - (bias ? 0 : LAMBDA * w))), p.getWeightMatrix());
    }

    @Test
    void miniBatchAndExampleWeightScaleThePenaltyByBSquaredOverWeight() {
        // Tribuo passes G = b·Σg and the mean weight; the penalty's share after SGD's ·weight must be b²·∇R.
        int b = 4;
        double weight = 0.5;
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR), TestTerms.of(l2(LAMBDA)), b);
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {matrix(G)}, weight));

        assertMatrix(expected((w, g, bias) -> w + LR * (weight * g - (bias ? 0 : b * b * LAMBDA * w))),
                p.getWeightMatrix());
    }

    @Test
    void targetAllPenalizesTheBiasToo() {
        LinearParameters p = parameters(W);
        Regularization all = TestTerms.of(TestTerms.term("l2", dev.rein.api.spi.Kind.PENALTY,
                new TestTerms.L2(LAMBDA), java.util.Map.of("lambda", LAMBDA), Target.ALL,
                dev.rein.runtime.spec.PenaltyMode.COUPLED));
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR), all);
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {matrix(G)}, 1.0));

        assertMatrix(expected((w, g, bias) -> w + LR * (g - LAMBDA * w)), p.getWeightMatrix());
    }

    @Test
    void penaltiesAddUpInOneStep() {
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR),
                TestTerms.of(l1(0.2), l2(LAMBDA)));
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {matrix(G)}, 1.0));

        assertMatrix(expected((w, g, bias) -> w + LR * (g - (bias ? 0 : 0.2 * Math.signum(w) + LAMBDA * w))),
                p.getWeightMatrix());
    }

    @Test
    void adaGradSeesTheCombinedGradientDividedByTheWeight() {
        int b = 2;
        double weight = 0.25;
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(new AdaGrad(LR),
                TestTerms.of(TestTerms.mode(l2(LAMBDA), PenaltyMode.COUPLED)), b);
        opt.initialise(p);
        Tensor[] actual = opt.step(new Tensor[] {matrix(G)}, weight);

        AdaGrad plain = new AdaGrad(LR);
        plain.initialise(parameters(W));
        double[][] combined = expected((w, g, bias) -> g - (bias ? 0 : b * b / weight * LAMBDA * w));
        Tensor[] reference = plain.step(new Tensor[] {matrix(combined)}, weight);
        assertMatrix(((DenseMatrix) reference[0]).toArray(), (DenseMatrix) actual[0]);
    }

    @Test
    void adamIgnoresTheWeightSoThePenaltyIsNotDividedByIt() {
        int b = 2;
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(new Adam(LR, 1e-8),
                TestTerms.of(TestTerms.mode(l2(LAMBDA), PenaltyMode.COUPLED)), b);
        opt.initialise(p);
        Tensor[] actual = opt.step(new Tensor[] {matrix(G)}, 0.25);

        Adam plain = new Adam(LR, 1e-8);
        plain.initialise(parameters(W));
        double[][] combined = expected((w, g, bias) -> g - (bias ? 0 : b * b * LAMBDA * w));
        Tensor[] reference = plain.step(new Tensor[] {matrix(combined)}, 0.25);
        assertMatrix(((DenseMatrix) reference[0]).toArray(), (DenseMatrix) actual[0]);
    }

    @Test
    void aZeroWeightStepMovesNothing() {
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR), TestTerms.of(l2(LAMBDA)));
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {matrix(G)}, 0.0));

        assertMatrix(W, p.getWeightMatrix());
    }

    @Test
    void maxNormProjectsEachWeightRowAndLeavesTheBias() {
        double c = 1.0;
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR),
                TestTerms.of(maxNorm(c, Target.WEIGHTS)));
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {sparse(G)}, 1.0));
        assertTrue(opt.isLazy(), "max-norm is one scale per row");
        opt.catchUp();   // the live matrix stores w / (row scale) until caught up

        double[][] stepped = expected((w, g, bias) -> w + LR * g);
        double[][] want = new double[2][];
        for (int r = 0; r < 2; r++) {
            want[r] = stepped[r].clone();
            double norm = Math.sqrt(want[r][0] * want[r][0] + want[r][1] * want[r][1] + want[r][2] * want[r][2]);
            for (int col = 0; col < 3; col++) {
                want[r][col] *= Math.min(1, c / norm);
            }
        }
        assertMatrix(want, p.getWeightMatrix());
        assertEquals(-1.5 + LR * -0.6, p.getWeightMatrix().get(1, 3), 1e-12, "a bias above c stays");
        for (int r = 0; r < 2; r++) {
            assertTrue(weightRowNorm(p.getWeightMatrix(), r) <= c + 1e-12);
        }
    }

    @Test
    void maxNormOnAllBoundsTheBiasAsItsOwnBlock() {
        double c = 1.0;
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR),
                TestTerms.of(maxNorm(c, Target.ALL)));
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {matrix(G)}, 1.0));

        // The bias block is outputs x 1, so each bias is clipped to [-c, c] on its own.
        assertEquals(0.25 + LR * 0.1, p.getWeightMatrix().get(0, 3), 1e-12);
        assertEquals(-c, p.getWeightMatrix().get(1, 3), 1e-12);
    }

    @Test
    void constraintsRunInSpecOrder() {
        // Clip-then-scale and scale-then-clip differ on row 0 (w + U = [1.03, -2, 0.48]).
        double c = 1.0;
        double[] row = {1.0 + LR * 0.3, -2.0, 0.5 + LR * -0.2};
        double[] clipThenScale = {row[0], 0, row[2]};
        scaleToNorm(clipThenScale, c);
        double[] scaleThenClip = row.clone();
        scaleToNorm(scaleThenClip, c);
        scaleThenClip[1] = 0;

        assertArrayEquals(clipThenScale, firstRow(TestTerms.of(nonNegative(), maxNorm(c, Target.WEIGHTS))), 1e-12);
        assertArrayEquals(scaleThenClip, firstRow(TestTerms.of(maxNorm(c, Target.WEIGHTS), nonNegative())), 1e-12);
    }

    @Test
    void theReturnedUpdateIsTheRealMoveSoOuterDecoratorsSeeIt() {
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR),
                TestTerms.of(maxNorm(1.0, Target.WEIGHTS)));
        opt.initialise(p);
        DenseMatrix before = p.getWeightMatrix().copy();
        Tensor[] update = opt.step(new Tensor[] {matrix(G)}, 1.0);
        p.update(update);
        for (int r = 0; r < 2; r++) {
            for (int col = 0; col < 4; col++) {
                assertEquals(p.getWeightMatrix().get(r, col) - before.get(r, col),
                        ((DenseMatrix) update[0]).get(r, col), 1e-12);
            }
        }
    }

    @Test
    void factorizationMachinePenalizesWeightsAndFactorsButNotBiases() {
        FMParameters p = new FMParameters(new SplittableRandom(3), 4, 2, 3, 0.5);
        ((DenseVector) p.get()[0]).set(0, 2.0);
        ((DenseMatrix) p.get()[1]).set(1, 2, -1.5);
        Tensor[] before = copies(p.get());
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR), TestTerms.of(l2(LAMBDA)));
        opt.initialise(p);
        p.update(opt.step(p.getEmptyCopy(), 1.0));   // no loss gradient: only the penalty moves

        assertEquals(2.0, ((DenseVector) p.get()[0]).get(0), 0.0, "biases are not penalized by default");
        assertEquals(-1.5 * (1 - LR * LAMBDA), ((DenseMatrix) p.get()[1]).get(1, 2), 1e-12);
        for (int i = 2; i < before.length; i++) {
            DenseMatrix f0 = (DenseMatrix) before[i];
            DenseMatrix f1 = (DenseMatrix) p.get()[i];
            for (int r = 0; r < f0.getDimension1Size(); r++) {
                for (int col = 0; col < f0.getDimension2Size(); col++) {
                    assertEquals(f0.get(r, col) * (1 - LR * LAMBDA), f1.get(r, col), 1e-12, "factor " + i);
                }
            }
        }
    }

    @Test
    void copyIsAFreshIndependentOptimiser() {
        Regularization reg = TestTerms.of(l2(LAMBDA));
        RegularizedOptimiser original = new RegularizedOptimiser(new AdaGrad(LR), reg);
        RegularizedOptimiser twin = new RegularizedOptimiser(new AdaGrad(LR), reg);
        LinearParameters p = parameters(W);
        LinearParameters q = parameters(W);
        original.initialise(p);
        twin.initialise(q);
        p.update(original.step(new Tensor[] {matrix(G)}, 1.0));
        q.update(twin.step(new Tensor[] {matrix(G)}, 1.0));

        RegularizedOptimiser copy = original.copy();
        LinearParameters c = parameters(W);
        copy.initialise(c);
        c.update(copy.step(new Tensor[] {matrix(G)}, 1.0));
        RegularizedOptimiser fresh = new RegularizedOptimiser(new AdaGrad(LR), reg);
        LinearParameters f = parameters(W);
        fresh.initialise(f);
        f.update(fresh.step(new Tensor[] {matrix(G)}, 1.0));
        assertMatrix(f.getWeightMatrix().toArray(), c.getWeightMatrix(), "the copy starts without AdaGrad's history");

        p.update(original.step(new Tensor[] {matrix(G)}, 1.0));
        q.update(twin.step(new Tensor[] {matrix(G)}, 1.0));
        assertMatrix(q.getWeightMatrix().toArray(), p.getWeightMatrix(), "stepping the copy left the original alone");
        assertEquals(original.regularization(), copy.regularization());
    }

    @Test
    void provenanceRecordsTheInnerOptimiserTheBatchSizeAndTheSpec() {
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR),
                TestTerms.of(l2(LAMBDA), maxNorm(3.0, Target.WEIGHTS)), 8);
        ConfiguredObjectProvenance prov = opt.getProvenance();

        assertEquals(RegularizedOptimiser.class.getName(), prov.getClassName());
        assertEquals(new StringProvenance("spec", "l2(lambda=0.5) + max_norm(c=3.0)"),
                prov.getConfiguredParameters().get("spec"));
        assertEquals(new IntProvenance("minibatchSize", 8), prov.getConfiguredParameters().get("minibatchSize"));
        assertEquals("org.tribuo.math.optimisers.SimpleSGD",
                ((ConfiguredObjectProvenance) prov.getConfiguredParameters().get("optimiser")).getClassName());
    }

    @Test
    void describeSaysWhatAutoChose() {
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR),
                TestTerms.of(l2(LAMBDA), maxNorm(3.0, Target.ALL)));
        assertEquals(List.of("l2: mode=auto chose coupled penalty on weights"
                + " (it has no proximal operator; under plain SGD coupled and decoupled are the same step)",
                "max_norm: constraint after each step on all"), opt.describe());
    }

    @Test
    void withoutTermsItIsTheInnerOptimiser() {
        LinearParameters p = parameters(W);
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR), Regularization.none());
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {matrix(G)}, 1.0));
        assertMatrix(expected((w, g, bias) -> w + LR * g), p.getWeightMatrix());
    }

    // ---- helpers

    private interface Cell {
        double apply(double w, double g, boolean bias);
    }

    private static double[][] expected(Cell cell) {
        double[][] out = new double[W.length][W[0].length];
        for (int r = 0; r < W.length; r++) {
            for (int col = 0; col < W[0].length; col++) {
                out[r][col] = cell.apply(W[r][col], G[r][col], col == W[0].length - 1);
            }
        }
        return out;
    }

    private static double[] firstRow(Regularization reg) {
        LinearParameters p = parameters(W);
        StochasticGradientOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(LR), reg);
        opt.initialise(p);
        p.update(opt.step(new Tensor[] {matrix(G)}, 1.0));
        return new double[] {p.getWeightMatrix().get(0, 0), p.getWeightMatrix().get(0, 1),
                p.getWeightMatrix().get(0, 2)};
    }

    private static void scaleToNorm(double[] v, double c) {
        double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
        for (int i = 0; i < v.length; i++) {
            v[i] *= Math.min(1, c / norm);
        }
    }

    static double weightRowNorm(DenseMatrix m, int r) {
        double sum = 0;
        for (int col = 0; col < m.getDimension2Size() - 1; col++) {
            sum += m.get(r, col) * m.get(r, col);
        }
        return Math.sqrt(sum);
    }

    static LinearParameters parameters(double[][] values) {
        return new LinearParameters(matrix(values));
    }

    static DenseMatrix matrix(double[][] values) {
        DenseMatrix m = new DenseMatrix(values.length, values[0].length);
        for (int r = 0; r < values.length; r++) {
            for (int col = 0; col < values[0].length; col++) {
                m.set(r, col, values[r][col]);
            }
        }
        return m;
    }

    /** The same values as a row-sparse matrix holding only the non-zeros, as Tribuo builds for sparse data. */
    static DenseSparseMatrix sparse(double[][] values) {
        List<SparseVector> rows = new java.util.ArrayList<>();
        for (double[] row : values) {
            int count = 0;
            for (double v : row) {
                count += v != 0 ? 1 : 0;
            }
            int[] idx = new int[count];
            double[] vals = new double[count];
            for (int col = 0, k = 0; col < row.length; col++) {
                if (row[col] != 0) {
                    idx[k] = col;
                    vals[k++] = row[col];
                }
            }
            rows.add(SparseVector.createSparseVector(row.length, idx, vals));
        }
        return new DenseSparseMatrix(rows);
    }

    private static Tensor[] copies(Tensor[] tensors) {
        Tensor[] out = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            out[i] = tensors[i].copy();
        }
        return out;
    }

    private static void assertMatrix(double[][] want, DenseMatrix actual) {
        assertMatrix(want, actual, "");
    }

    private static void assertMatrix(double[][] want, DenseMatrix actual, String message) {
        for (int r = 0; r < want.length; r++) {
            for (int col = 0; col < want[0].length; col++) {
                assertEquals(want[r][col], actual.get(r, col), 1e-12,
                        message + " at (" + r + ", " + col + ")");
            }
        }
    }
}
