package dev.rein.samples.bench;

import dev.ludovic.netlib.blas.JavaBLAS;
import dev.rein.runtime.network.MatrixProducts;
import dev.rein.samples.train.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.tribuo.math.la.DenseMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench products}: the matrix products of one training step of a 784-256-128-10 network at batch 128
 * (per layer: the forward product, the weight gradient, the input gradient but for the first layer), timed side by
 * side for each way of computing them: Rein's plain loops, netlib BLAS as it loads (native OpenBLAS through JNI where
 * present), netlib's pure-Java BLAS, EJML (its multi-threaded operations) and Tribuo's own {@code DenseMatrix}; and
 * the cost of bridging Tribuo's {@code double[][]} weights to flat arrays and back, which Rein's network pays per
 * step.
 *
 * <pre>{@code
 * java -cp samples/target/rein-cli.jar dev.rein.samples.bench.BenchCli products --reps 30 --out products.jsonl
 * }</pre>
 */
@Command(name = "products", mixinStandardHelpOptions = true,
        description = "Time one training step's matrix products of a 784-256-128-10 network, each way side by side.")
final class ProductsCommand implements Callable<Integer> {
    private static final int[] WIDTHS = {784, 256, 128, 10};

    @Option(names = "--batch", defaultValue = "128", description = "Mini-batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--reps", defaultValue = "30", description = "Timed steps per way (default ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--warmup", defaultValue = "10", description = "Untimed steps first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--out", description = "Append one JSON line per way here.")
    Path out;

    @Spec
    CommandSpec spec;

    /** One way of computing a step's products. */
    private interface Way {
        void step();
    }

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        SplittableRandom random = new SplittableRandom(1);
        int layers = WIDTHS.length - 1;
        double[][] x = new double[layers][];
        double[][] w = new double[layers][];
        double[][] z = new double[layers][];
        double[][] gw = new double[layers][];
        double[][] gx = new double[layers][];
        for (int l = 0; l < layers; l++) {
            x[l] = fill(random, batch * WIDTHS[l]);
            w[l] = fill(random, WIDTHS[l + 1] * WIDTHS[l]);
            z[l] = fill(random, batch * WIDTHS[l + 1]);
            gw[l] = new double[WIDTHS[l + 1] * WIDTHS[l]];
            gx[l] = new double[batch * WIDTHS[l]];
        }
        double flops = 0;
        for (int l = 0; l < layers; l++) {
            flops += 2.0 * batch * WIDTHS[l] * WIDTHS[l + 1] * (l == 0 ? 2 : 3);
        }
        Map<String, Way> ways = new LinkedHashMap<>();
        for (MatrixProducts p : List.of(MatrixProducts.loops(), MatrixProducts.blas(),
                MatrixProducts.blas(JavaBLAS.getInstance()))) {
            ways.put(p.describe(), () -> {
                for (int l = 0; l < layers; l++) {
                    p.forward(x[l], w[l], z[l], batch, WIDTHS[l], WIDTHS[l + 1]);
                    p.weightGradient(z[l], x[l], gw[l], batch, WIDTHS[l], WIDTHS[l + 1]);
                    if (l > 0) {
                        p.inputGradient(z[l], w[l], gx[l], batch, WIDTHS[l], WIDTHS[l + 1]);
                    }
                }
            });
        }
        DMatrixRMaj[] ex = new DMatrixRMaj[layers];
        DMatrixRMaj[] ew = new DMatrixRMaj[layers];
        DMatrixRMaj[] ez = new DMatrixRMaj[layers];
        DMatrixRMaj[] egw = new DMatrixRMaj[layers];
        DMatrixRMaj[] egx = new DMatrixRMaj[layers];
        for (int l = 0; l < layers; l++) {
            ex[l] = DMatrixRMaj.wrap(batch, WIDTHS[l], x[l]);
            ew[l] = DMatrixRMaj.wrap(WIDTHS[l + 1], WIDTHS[l], w[l]);
            ez[l] = DMatrixRMaj.wrap(batch, WIDTHS[l + 1], z[l]);
            egw[l] = DMatrixRMaj.wrap(WIDTHS[l + 1], WIDTHS[l], gw[l]);
            egx[l] = DMatrixRMaj.wrap(batch, WIDTHS[l], gx[l]);
        }
        ways.put("EJML " + org.ejml.EjmlVersion.VERSION + " (CommonOps_MT_DDRM)", () -> {
            for (int l = 0; l < layers; l++) {
                CommonOps_MT_DDRM.multAddTransB(ex[l], ew[l], ez[l]);
                CommonOps_MT_DDRM.multTransA(ez[l], ex[l], egw[l]);
                if (l > 0) {
                    CommonOps_MT_DDRM.mult(ez[l], ew[l], egx[l]);
                }
            }
        });
        DenseMatrix[] tx = new DenseMatrix[layers];
        DenseMatrix[] tw = new DenseMatrix[layers];
        DenseMatrix[] tz = new DenseMatrix[layers];
        for (int l = 0; l < layers; l++) {
            tx[l] = DenseMatrix.createDenseMatrix(rows(x[l], batch, WIDTHS[l]));
            tw[l] = DenseMatrix.createDenseMatrix(rows(w[l], WIDTHS[l + 1], WIDTHS[l]));
            tz[l] = DenseMatrix.createDenseMatrix(rows(z[l], batch, WIDTHS[l + 1]));
        }
        ways.put("Tribuo DenseMatrix.matrixMultiply", () -> {
            for (int l = 0; l < layers; l++) {
                tx[l].matrixMultiply(tw[l], false, true);
                tz[l].matrixMultiply(tx[l], true, false);
                if (l > 0) {
                    tz[l].matrixMultiply(tw[l], false, false);
                }
            }
        });
        double[][][] tribuoRows = new double[layers][][];
        for (int l = 0; l < layers; l++) {
            tribuoRows[l] = rows(w[l], WIDTHS[l + 1], WIDTHS[l]);
        }
        Map<String, Way> bridges = new LinkedHashMap<>();
        bridges.put("bridge: weights double[][] -> flat and gradient flat -> double[][]", () -> {
            for (int l = 0; l < layers; l++) {
                double[][] r = tribuoRows[l];
                int cols = WIDTHS[l];
                for (int j = 0; j < r.length; j++) {
                    System.arraycopy(r[j], 0, w[l], j * cols, cols);
                    System.arraycopy(gw[l], j * cols, r[j], 0, cols);
                }
            }
        });
        pw.printf("one step of a 784-256-128-10 network at batch %d: %.1f MFLOP of products; %d reps after %d"
                + " warm-up, median%n", batch, flops / 1e6, reps, warmup);
        for (Map.Entry<String, Way> e : ways.entrySet()) {
            double ms = time(e.getValue());
            report(pw, e.getKey(), ms, flops / (ms / 1e3) / 1e9);
        }
        for (Map.Entry<String, Way> e : bridges.entrySet()) {
            report(pw, e.getKey(), time(e.getValue()), Double.NaN);
        }
        return 0;
    }

    private void report(PrintWriter pw, String way, double ms, double gflops) {
        pw.printf("  %-70s %8.3f ms/step %s%n", way, ms, Double.isNaN(gflops) ? "" : String.format("%6.1f GFLOPS",
                gflops));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", "products");
        json.put("way", way);
        json.put("batch", batch);
        json.put("ms_per_step", ms);
        json.put("gflops", Double.isNaN(gflops) ? null : gflops);
        if (out != null) {
            BenchCli.appendLine(out, Json.object(json), new PrintWriter(PrintWriter.nullWriter()));
        }
    }

    private double time(Way way) {
        for (int i = 0; i < warmup; i++) {
            way.step();
        }
        double[] ms = new double[reps];
        for (int i = 0; i < reps; i++) {
            long t = System.nanoTime();
            way.step();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return Median.of(ms);
    }

    private static double[] fill(SplittableRandom random, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextDouble() < 0.5 ? 0 : random.nextDouble();   // half zeros, like ReLU outputs
        }
        return out;
    }

    private static double[][] rows(double[] flat, int r, int c) {
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(flat, i * c, out[i], 0, c);
        }
        return out;
    }
}
