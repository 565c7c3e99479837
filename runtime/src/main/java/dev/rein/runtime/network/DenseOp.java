package dev.rein.runtime.network;

import dev.rein.api.hook.Phase;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/**
 * A fully connected layer {@code z = x·Wᵀ + b}, with {@code W} a Tribuo {@code DenseMatrix} of
 * {@code [units × inputs]} (row {@code j}: unit {@code j}'s incoming weights) and {@code b} a {@code DenseVector};
 * the optimiser updates those tensors and the layer computes on their arrays.
 *
 * <p>The loops are written so that the JIT vectorizes their inner loop (a multiply-add of one row into another, no
 * reduction) and skip zero inputs (ReLU outputs, blank pixels). The forward pass reads a transposed copy of
 * {@code W}, {@code [inputs × units]}, which {@link #refresh()} rebuilds after every change of the weights. Rows of
 * the batch (forward, input gradient) or units (weight gradient) are split over the cores.
 *
 * <pre>{@code
 * DenseOp layer = DenseOp.initialised(784, 256, true, new SplittableRandom(1));   // He initialization
 * layer.forward(x, z, 128, Phase.TRAIN, random);
 * }</pre>
 */
final class DenseOp implements Op {
    private final int inputs;
    private final int units;
    private final DenseMatrix weights;
    private final DenseVector bias;
    private final DenseMatrix weightGradient;
    private final DenseVector biasGradient;
    private final double[][] w;
    private final double[] b;
    private final double[][] gw;
    private final double[] gb;
    private final double[] transposed;

    DenseOp(DenseMatrix weights, DenseVector bias) {
        this.units = weights.getDimension1Size();
        this.inputs = weights.getDimension2Size();
        this.weights = weights;
        this.bias = bias;
        this.weightGradient = new DenseMatrix(units, inputs);
        this.biasGradient = new DenseVector(units);
        this.w = TensorArrays.rows(weights);
        this.b = TensorArrays.elements(bias);
        this.gw = TensorArrays.rows(weightGradient);
        this.gb = TensorArrays.elements(biasGradient);
        this.transposed = new double[inputs * units];
        refresh();
    }

    /**
     * A layer with random weights and zero biases: He's normal initialization ({@code σ = √(2/inputs)}) when
     * {@code he}, else Glorot's uniform one ({@code ±√(6/(inputs + units))}).
     */
    static DenseOp initialised(int inputs, int units, boolean he, SplittableRandom random) {
        DenseMatrix weights = new DenseMatrix(units, inputs);
        double[][] rows = TensorArrays.rows(weights);
        double sigma = Math.sqrt(2.0 / inputs);
        double limit = Math.sqrt(6.0 / (inputs + units));
        for (double[] row : rows) {
            for (int k = 0; k < inputs; k++) {
                row[k] = he ? sigma * random.nextGaussian() : random.nextDouble(-limit, limit);
            }
        }
        return new DenseOp(weights, new DenseVector(units));
    }

    @Override
    public int width() {
        return units;
    }

    int inputs() {
        return inputs;
    }

    DenseMatrix weights() {
        return weights;
    }

    DenseVector bias() {
        return bias;
    }

    DenseMatrix weightGradient() {
        return weightGradient;
    }

    DenseVector biasGradient() {
        return biasGradient;
    }

    /** Rebuilds the transposed copy the forward pass reads; call after the weights changed. */
    void refresh() {
        for (int j = 0; j < units; j++) {
            double[] row = w[j];
            for (int k = 0; k < inputs; k++) {
                transposed[k * units + j] = row[k];
            }
        }
    }

    @Override
    public void forward(double[] in, double[] out, int batch, Phase phase, RandomGenerator random) {
        Parallel.rows(batch, (long) batch * inputs * units, (from, to) -> {
            for (int r = from; r < to; r++) {
                int o = r * units;
                System.arraycopy(b, 0, out, o, units);
                int x0 = r * inputs;
                for (int k = 0; k < inputs; k++) {
                    double x = in[x0 + k];
                    if (x == 0) {
                        continue;
                    }
                    int t = k * units;
                    for (int j = 0; j < units; j++) {
                        out[o + j] += x * transposed[t + j];
                    }
                }
            }
        });
    }

    @Override
    public void backward(double[] in, double[] out, double[] gradOut, double[] gradIn, int batch) {
        long work = (long) batch * inputs * units;
        Parallel.rows(units, work, (from, to) -> {
            for (int j = from; j < to; j++) {
                double[] row = gw[j];
                Arrays.fill(row, 0.0);
                double biasSum = 0;
                for (int r = 0; r < batch; r++) {
                    double d = gradOut[r * units + j];
                    if (d == 0) {
                        continue;
                    }
                    biasSum += d;
                    int x0 = r * inputs;
                    for (int k = 0; k < inputs; k++) {
                        row[k] += d * in[x0 + k];
                    }
                }
                gb[j] = biasSum;
            }
        });
        if (gradIn == null) {
            return;
        }
        Parallel.rows(batch, work, (from, to) -> {
            for (int r = from; r < to; r++) {
                int x0 = r * inputs;
                Arrays.fill(gradIn, x0, x0 + inputs, 0.0);
                for (int j = 0; j < units; j++) {
                    double d = gradOut[r * units + j];
                    if (d == 0) {
                        continue;
                    }
                    double[] row = w[j];
                    for (int k = 0; k < inputs; k++) {
                        gradIn[x0 + k] += d * row[k];
                    }
                }
            }
        });
    }
}
