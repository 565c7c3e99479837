package dev.rein.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.la.VectorTuple;

/**
 * {@link ReinFtrl} against McMahan et al.'s per-coordinate algorithm written out here, with the penalty charged once
 * per step ({@code k·λ}) and each step centred at the weight its gradient was computed at; the weights Tribuo holds
 * are checked after every step, and all of them after {@code finalise}.
 */
class ReinFtrlTest {
    private static final double ALPHA = 0.3;
    private static final double BETA = 1.0;
    private static final double L1 = 0.05;
    private static final double L2 = 0.02;
    private static final int B = 2;
    private static final int LABELS = 3;
    private static final int FEATURES = 6;

    /** The paper's Algorithm 1 for one coordinate, written out, with {@code λ₁, λ₂} times the steps taken. */
    private static final class Written {
        double z;
        double n;

        double weight(long k, double l1, double l2) {
            if (Math.abs(z) <= k * l1) {
                return 0;
            }
            return -(z - Math.signum(z) * k * l1) / ((BETA + Math.sqrt(n)) / ALPHA + k * l2);
        }

        /**
         * One step on loss gradient {@code g}, computed at the weight {@code held}, the step being the {@code k}-th
         * with a penalty.
         */
        double step(double g, double held, long k, double l1, double l2) {
            double sigma = (Math.sqrt(n + g * g) - Math.sqrt(n)) / ALPHA;
            z += g - sigma * held;
            n += g * g;
            return weight(k, l1, l2);
        }
    }

    @Test
    void denseStepsMatchTheAlgorithmWrittenOut() {
        trainAndCompare(1.0, 40);
    }

    @Test
    void sparseStepsMoveOnlyTheStoredEntriesAndFinaliseBringsEveryWeightUpToDate() {
        trainAndCompare(0.3, 60);
    }

    private void trainAndCompare(double presence, int steps) {
        SplittableRandom random = new SplittableRandom(11L);
        LinearParameters parameters = new LinearParameters(FEATURES + 1, LABELS);
        ReinFtrl ftrl = new ReinFtrl(ALPHA, BETA, L1, L2, B);
        ftrl.initialise(parameters);
        int columns = FEATURES + 1;
        Written[][] written = new Written[LABELS][columns];
        double[][] held = new double[LABELS][columns];   // what the trainer holds, by the written algorithm
        for (int r = 0; r < LABELS; r++) {
            for (int c = 0; c < columns; c++) {
                written[r][c] = new Written();
            }
        }
        double b2 = B * B;
        long k = 0;
        int zeros = 0;
        for (int s = 0; s < steps; s++) {
            double weight = s % 7 == 3 ? 0.0 : 0.5 + random.nextDouble();
            Tensor[] gradient = {presence == 1.0 ? Fixtures.dense(random, new int[][] {{LABELS, columns}})[0]
                    : Fixtures.sparse(random, new int[][] {{LABELS, columns}}, presence)[0]};
            double[][] g = toArray(gradient[0], LABELS, columns);
            boolean[][] present = presentEntries(gradient[0], LABELS, columns);
            if (weight != 0) {
                k++;
            }
            for (int r = 0; r < LABELS; r++) {
                for (int c = 0; c < columns; c++) {
                    if (present[r][c]) {
                        held[r][c] = written[r][c].step(-weight * g[r][c], held[r][c], k, L1 * b2, L2 * b2);
                    }
                }
            }
            parameters.update(ftrl.step(gradient, weight));
            DenseMatrix w = (DenseMatrix) parameters.get()[0];
            for (int r = 0; r < LABELS; r++) {
                for (int c = 0; c < columns; c++) {
                    assertEquals(held[r][c], w.get(r, c), 1e-12, "step " + s + ", weight (" + r + ", " + c + ")");
                    zeros += held[r][c] == 0 ? 1 : 0;
                }
            }
        }
        assertTrue(zeros > 0 && zeros < steps * LABELS * columns, "some weights are exactly zero, not all: " + zeros);
        ftrl.finalise();
        DenseMatrix w = (DenseMatrix) parameters.get()[0];
        for (int r = 0; r < LABELS; r++) {
            for (int c = 0; c < columns; c++) {
                assertEquals(written[r][c].weight(k, L1 * b2, L2 * b2), w.get(r, c), 1e-12,
                        "after finalise, weight (" + r + ", " + c + ")");
            }
        }
    }

    @Test
    void withoutAPenaltyNothingIsExactlyZeroAndAnAddedOneCoversOnlyItsRegion() {
        SplittableRandom random = new SplittableRandom(3L);
        LinearParameters parameters = new LinearParameters(FEATURES + 1, LABELS);
        ReinFtrl ftrl = new ReinFtrl(ALPHA, BETA);
        ftrl.initialise(parameters);
        ftrl.addPenalty(ElasticRegions.none().plus(0, 0, FEATURES, 1e6, 0));   // every feature, not the bias
        for (int s = 0; s < 5; s++) {
            parameters.update(ftrl.step(Fixtures.dense(random, new int[][] {{LABELS, FEATURES + 1}}), 1.0));
        }
        DenseMatrix w = (DenseMatrix) parameters.get()[0];
        for (int r = 0; r < LABELS; r++) {
            for (int c = 0; c < FEATURES; c++) {
                assertEquals(0.0, w.get(r, c), 0.0, "a feature under a huge L1 is zero");
            }
            assertTrue(w.get(r, FEATURES) != 0, "the bias, outside the region, moves");
        }
    }

    @Test
    void refusesWhatIsNotASetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReinFtrl(0, 1));
        assertTrue(e.getMessage().startsWith("[optim-setting-out-of-range] ReinFtrl: alpha is 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReinFtrl(0.1, 1, -1, 0, 1));
        assertTrue(e.getMessage().contains("l1 is -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ReinFtrl(0.1, 1, 0, 0, 0));
        assertTrue(e.getMessage().contains("minibatchSize is 0.0"), e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> new ReinFtrl(0.1, 1).addPenalty(ElasticRegions.everywhere(1, 0)));
        assertTrue(s.getMessage().startsWith("[optim-penalty-before-initialise]"), s.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ElasticRegions.none().plus(0, 3, 0, 1, 1));
        assertTrue(e.getMessage().startsWith("[optim-region-range]"), e.getMessage());
    }

    @Test
    void aCopyTrainsTheSameAndForgetsTheAddedPenalty() {
        ReinFtrl ftrl = new ReinFtrl(ALPHA, BETA, L1, 0, 1);
        LinearParameters p1 = new LinearParameters(FEATURES + 1, LABELS);
        ftrl.initialise(p1);
        ftrl.addPenalty(ElasticRegions.everywhere(1e6, 0));
        ReinFtrl copy = ftrl.copy();
        LinearParameters p2 = new LinearParameters(FEATURES + 1, LABELS);
        copy.initialise(p2);
        Tensor[] g = Fixtures.dense(new SplittableRandom(5L), new int[][] {{LABELS, FEATURES + 1}});
        p2.update(copy.step(g, 1.0));
        assertTrue(((DenseMatrix) p2.get()[0]).get(0, 0) != 0, "the copy has only the configured, small L1");
        assertEquals(ftrl.toString(), copy.toString());
    }

    private static double[][] toArray(Tensor t, int rows, int columns) {
        double[][] out = new double[rows][columns];
        for (int r = 0; r < rows; r++) {
            if (t instanceof DenseSparseMatrix m) {
                for (VectorTuple e : m.getRow(r)) {
                    out[r][e.index] = e.value;
                }
            } else {
                for (int c = 0; c < columns; c++) {
                    out[r][c] = ((DenseMatrix) t).get(r, c);
                }
            }
        }
        return out;
    }

    private static boolean[][] presentEntries(Tensor t, int rows, int columns) {
        boolean[][] out = new boolean[rows][columns];
        for (int r = 0; r < rows; r++) {
            if (t instanceof DenseSparseMatrix m) {
                SparseVector row = m.getRow(r);
                for (VectorTuple e : row) {
                    out[r][e.index] = true;
                }
            } else {
                java.util.Arrays.fill(out[r], true);
            }
        }
        return out;
    }
}
