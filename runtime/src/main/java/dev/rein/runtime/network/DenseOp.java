package dev.rein.runtime.network;

import dev.rein.api.hook.Phase;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/**
 * A fully connected layer {@code z = x·Wᵀ + b}, with {@code W} a Tribuo {@code DenseMatrix} of
 * {@code [units × inputs]} (row {@code j}: unit {@code j}'s incoming weights) and {@code b} a {@code DenseVector}:
 * the tensors the optimiser updates. The products run on flat row-major copies ({@link MatrixProducts}: BLAS wants
 * one array): {@link #refresh()} copies the weights over after every change, and the weight gradient is copied back
 * into its {@code DenseMatrix}, two copies of the weights per step (measured in {@code BENCHMARKS.md}).
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
    private final double[] flatWeights;
    private final double[] flatGradient;
    private final MatrixProducts products;

    DenseOp(DenseMatrix weights, DenseVector bias, MatrixProducts products) {
        this.units = weights.getDimension1Size();
        this.inputs = weights.getDimension2Size();
        this.weights = weights;
        this.bias = bias;
        this.products = products;
        this.weightGradient = new DenseMatrix(units, inputs);
        this.biasGradient = new DenseVector(units);
        this.w = TensorArrays.rows(weights);
        this.b = TensorArrays.elements(bias);
        this.gw = TensorArrays.rows(weightGradient);
        this.gb = TensorArrays.elements(biasGradient);
        this.flatWeights = new double[inputs * units];
        this.flatGradient = new double[inputs * units];
        refresh();
    }

    /**
     * A layer with random weights and zero biases: He's normal initialization ({@code σ = √(2/inputs)}) when
     * {@code he}, else Glorot's uniform one ({@code ±√(6/(inputs + units))}).
     */
    static DenseOp initialised(int inputs, int units, boolean he, SplittableRandom random, MatrixProducts products) {
        DenseMatrix weights = new DenseMatrix(units, inputs);
        double[][] rows = TensorArrays.rows(weights);
        double sigma = Math.sqrt(2.0 / inputs);
        double limit = Math.sqrt(6.0 / (inputs + units));
        for (double[] row : rows) {
            for (int k = 0; k < inputs; k++) {
                row[k] = he ? sigma * random.nextGaussian() : random.nextDouble(-limit, limit);
            }
        }
        return new DenseOp(weights, new DenseVector(units), products);
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

    /** The flat row-major copy of the weights the products read, written by {@link NetworkParameters#add}. */
    double[] flatWeights() {
        return flatWeights;
    }

    /** Copies the weights into the flat array the products read; call after the weights changed. */
    void refresh() {
        for (int j = 0; j < units; j++) {
            System.arraycopy(w[j], 0, flatWeights, j * inputs, inputs);
        }
    }

    @Override
    public void forward(double[] in, double[] out, int batch, Phase phase, RandomGenerator random) {
        for (int r = 0; r < batch; r++) {
            System.arraycopy(b, 0, out, r * units, units);
        }
        products.forward(in, flatWeights, out, batch, inputs, units);
    }

    @Override
    public void backward(double[] in, double[] out, double[] gradOut, double[] gradIn, int batch) {
        products.weightGradient(gradOut, in, flatGradient, batch, inputs, units);
        for (int j = 0; j < units; j++) {
            System.arraycopy(flatGradient, j * inputs, gw[j], 0, inputs);
        }
        Arrays.fill(gb, 0.0);
        for (int r = 0; r < batch; r++) {
            int o = r * units;
            for (int j = 0; j < units; j++) {
                gb[j] += gradOut[o + j];
            }
        }
        if (gradIn != null) {
            products.inputGradient(gradOut, flatWeights, gradIn, batch, inputs, units);
        }
    }
}
