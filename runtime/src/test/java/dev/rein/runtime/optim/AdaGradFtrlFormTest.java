package dev.rein.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;

/**
 * McMahan's (2011) equivalence that {@code mode=cumulative} under AdaGrad rests on: AdaGrad written as FTRL-Proximal
 * ({@code α = η}, {@code β = ε}) takes AdaGrad's own steps when there is no penalty,
 * from any initial weights.
 */
class AdaGradFtrlFormTest {
    private static final int LABELS = 3;
    private static final int COLUMNS = 8;

    @Test
    void withoutAPenaltyTheFtrlFormTakesAdaGradsSteps() {
        for (double initialValue : new double[] {0.0, 0.7}) {
            for (double presence : new double[] {1.0, 0.4}) {
                ReinAdaGrad adaGrad = new ReinAdaGrad(0.4, 0.1, initialValue);
                ReinFtrl ftrl = adaGrad.ftrlForm();
                LinearParameters a = new LinearParameters(COLUMNS, LABELS);
                LinearParameters f = new LinearParameters(COLUMNS, LABELS);
                Tensor[] start = Fixtures.dense(new SplittableRandom(4L), new int[][] {{LABELS, COLUMNS}});
                a.update(start);   // both start from the same random weights, as a factorization machine's factors
                f.update(start);
                adaGrad.initialise(a);
                ftrl.initialise(f);
                SplittableRandom random = new SplittableRandom(21L);
                for (int s = 0; s < 50; s++) {
                    double weight = 0.5 + random.nextDouble();
                    Tensor[] g = presence == 1.0 ? Fixtures.dense(random, new int[][] {{LABELS, COLUMNS}})
                            : Fixtures.sparse(random, new int[][] {{LABELS, COLUMNS}}, presence);
                    Tensor[] copy = {g[0].copy()};
                    a.update(adaGrad.step(g, weight));
                    f.update(ftrl.step(copy, weight));
                }
                ftrl.finalise();
                DenseMatrix wa = (DenseMatrix) a.get()[0];
                DenseMatrix wf = (DenseMatrix) f.get()[0];
                for (int r = 0; r < LABELS; r++) {
                    for (int c = 0; c < COLUMNS; c++) {
                        assertEquals(wa.get(r, c), wf.get(r, c), 1e-12, "initialValue " + initialValue
                                + ", presence " + presence + ", weight (" + r + ", " + c + ")");
                    }
                }
            }
        }
    }
}
