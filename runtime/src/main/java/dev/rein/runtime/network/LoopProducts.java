package dev.rein.runtime.network;

import java.util.Arrays;

/**
 * {@link MatrixProducts} in plain Java, written so that the JIT vectorizes each inner loop (a multiply-add of one
 * row into another, never a reduction) and skipping zero factors (ReLU outputs, blank pixels); rows of the result
 * are split over the cores ({@link Parallel}). The forward product reads a transposed copy of {@code w}, made per
 * call (its cost is one batch row's share of the product).
 */
final class LoopProducts implements MatrixProducts {
    static final LoopProducts INSTANCE = new LoopProducts();

    @Override
    public void forward(double[] x, double[] w, double[] z, int batch, int inputs, int units) {
        double[] t = new double[inputs * units];
        for (int j = 0; j < units; j++) {
            for (int k = 0; k < inputs; k++) {
                t[k * units + j] = w[j * inputs + k];
            }
        }
        Parallel.rows(batch, (long) batch * inputs * units, (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * units;
                int x0 = r * inputs;
                for (int k = 0; k < inputs; k++) {
                    double v = x[x0 + k];
                    if (v == 0) {
                        continue;
                    }
                    int t0 = k * units;
                    for (int j = 0; j < units; j++) {
                        z[o + j] += v * t[t0 + j];
                    }
                }
            }
        });
    }

    @Override
    public void weightGradient(double[] dz, double[] x, double[] gw, int batch, int inputs, int units) {
        Parallel.rows(units, (long) batch * inputs * units, (from, to) -> {
            Arrays.fill(gw, from * inputs, to * inputs, 0.0);
            for (int r = 0; r < batch; r++) {
                int x0 = r * inputs;
                for (int j = from; j < to; j++) {
                    double d = dz[r * units + j];
                    if (d == 0) {
                        continue;
                    }
                    int g0 = j * inputs;
                    for (int k = 0; k < inputs; k++) {
                        gw[g0 + k] += d * x[x0 + k];
                    }
                }
            }
        });
    }

    @Override
    public void inputGradient(double[] dz, double[] w, double[] gx, int batch, int inputs, int units) {
        Parallel.rows(batch, (long) batch * inputs * units, (from, to) -> {
            for (int r = from; r < to; r++) {
                int x0 = r * inputs;
                Arrays.fill(gx, x0, x0 + inputs, 0.0);
                for (int j = 0; j < units; j++) {
                    double d = dz[r * units + j];
                    if (d == 0) {
                        continue;
                    }
                    int w0 = j * inputs;
                    for (int k = 0; k < inputs; k++) {
                        gx[x0 + k] += d * w[w0 + k];
                    }
                }
            }
        });
    }

    @Override
    public String describe() {
        return "plain Java loops on " + (java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() + 1)
                + " threads";
    }
}
