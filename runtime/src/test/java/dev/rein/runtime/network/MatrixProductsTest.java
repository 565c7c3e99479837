package dev.rein.runtime.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Both implementations against the products written out element by element. */
class MatrixProductsTest {
    private static final int BATCH = 7;
    private static final int INPUTS = 13;
    private static final int UNITS = 5;

    @Test
    void blasAndLoopsComputeTheThreeProductsOfADenseLayer() {
        SplittableRandom random = new SplittableRandom(2);
        double[] x = gaussians(random, BATCH * INPUTS);
        x[3] = 0;   // the loops skip zeros: they must still be right
        double[] w = gaussians(random, UNITS * INPUTS);
        double[] dz = gaussians(random, BATCH * UNITS);
        double[] bias = gaussians(random, BATCH * UNITS);

        double[] z = bias.clone();
        double[] gw = new double[UNITS * INPUTS];
        double[] gx = new double[BATCH * INPUTS];
        for (int r = 0; r < BATCH; r++) {
            for (int j = 0; j < UNITS; j++) {
                for (int k = 0; k < INPUTS; k++) {
                    z[r * UNITS + j] += x[r * INPUTS + k] * w[j * INPUTS + k];
                    gw[j * INPUTS + k] += dz[r * UNITS + j] * x[r * INPUTS + k];
                    gx[r * INPUTS + k] += dz[r * UNITS + j] * w[j * INPUTS + k];
                }
            }
        }
        for (MatrixProducts p : new MatrixProducts[] {MatrixProducts.blas(), MatrixProducts.loops()}) {
            double[] pz = bias.clone();
            p.forward(x, w, pz, BATCH, INPUTS, UNITS);
            assertArrayEquals(z, pz, 1e-12, p.describe());
            double[] pgw = gaussians(random, UNITS * INPUTS);   // overwritten, whatever it held
            p.weightGradient(dz, x, pgw, BATCH, INPUTS, UNITS);
            assertArrayEquals(gw, pgw, 1e-12, p.describe());
            double[] pgx = gaussians(random, BATCH * INPUTS);
            p.inputGradient(dz, w, pgx, BATCH, INPUTS, UNITS);
            assertArrayEquals(gx, pgx, 1e-12, p.describe());
        }
    }

    private static double[] gaussians(SplittableRandom random, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextGaussian();
        }
        return out;
    }
}
