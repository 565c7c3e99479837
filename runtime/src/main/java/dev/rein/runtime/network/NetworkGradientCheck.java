package dev.rein.runtime.network;

import dev.rein.runtime.spec.Regularization;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import org.tribuo.MutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;

/**
 * Checks a small network's backward pass against central finite differences of its loss, in training mode, for
 * every parameter: the dense layers' weights and biases and each normalization layer's learned arrays, through
 * whatever layer plugins the spec places. Every loss evaluation hands the layers a generator with the same seed, so a
 * dropout mask or a noise draw is the same in each and the differences see one fixed function; the biases start off
 * zero, away from ReLU's kink. A plugin author calls
 * it from JUnit, as Rein's own tests do for {@code dropout}, {@code gaussian_noise} and {@code batch_norm}:
 *
 * <pre>{@code
 * var worst = NetworkGradientCheck.run(Regularization.of("dropout(p=0.3) + batch_norm", registry),
 *         new int[] {5, 4}, Activation.TANH, 1L);
 * assertTrue(worst.relativeError() < 1e-6, worst::toString);
 * }</pre>
 */
public final class NetworkGradientCheck {
    private static final int INPUTS = 4;
    private static final int OUTPUTS = 3;
    private static final int BATCH = 6;
    private static final double STEP = 1e-5;
    /**
     * Gradients smaller than this are compared absolutely: a central difference carries a rounding error of about
     * {@code 1e-16 / STEP} whatever the gradient, so relative to a gradient near zero it means nothing.
     */
    private static final double FLOOR = 1e-4;

    /**
     * The worst disagreement found.
     *
     * @param parameter     which parameter, e.g. {@code "layer1.weights[2]"}
     * @param analytic      the backward pass's gradient
     * @param numeric       the central difference
     * @param relativeError {@code |analytic − numeric| / max(|analytic| + |numeric|, 1e-4)}
     * @param checked       how many parameters were checked
     */
    public record Worst(String parameter, double analytic, double numeric, double relativeError, int checked) {
    }

    private NetworkGradientCheck() {
    }

    /**
     * Builds a classifier of 4 inputs, {@code hidden} layers and 3 labels (softmax cross-entropy) with the layer
     * plugins of {@code layers}, draws a batch of 6 examples from {@code seed}, and compares every parameter's
     * gradient with finite differences.
     */
    public static Worst run(Regularization layers, int[] hidden, Activation activation, long seed) {
        MutableOutputInfo<Label> labels = new LabelFactory().generateInfo();
        for (int k = 0; k < OUTPUTS; k++) {
            labels.observe(new Label("class" + k));
        }
        SoftmaxHead head = new SoftmaxHead(labels.generateImmutableOutputInfo());
        return check(head, layers, hidden, activation, seed, (random, targets) -> {
            for (int r = 0; r < BATCH; r++) {
                targets[r] = random.nextInt(OUTPUTS);
            }
        });
    }

    /**
     * As {@link #run}, for a regression network: 3 linear outputs under the squared error {@code ½ Σ (ŷ − y)²}
     * (the loss {@link FeedForwardRegressionTrainer} trains), against targets drawn from a standard normal.
     *
     * <pre>{@code
     * var worst = NetworkGradientCheck.runSquaredError(Regularization.none(), new int[] {5}, Activation.TANH, 1L);
     * assertTrue(worst.relativeError() < 1e-6, worst::toString);
     * }</pre>
     */
    public static Worst runSquaredError(Regularization layers, int[] hidden, Activation activation, long seed) {
        String[] names = new String[OUTPUTS];
        for (int k = 0; k < OUTPUTS; k++) {
            names[k] = "y" + k;
        }
        double[] ones = new double[OUTPUTS];
        java.util.Arrays.fill(ones, 1.0);
        SquaredErrorHead head = new SquaredErrorHead(names, new double[OUTPUTS], ones);
        return check(head, layers, hidden, activation, seed, (random, targets) -> {
            for (int i = 0; i < targets.length; i++) {
                targets[i] = random.nextGaussian();
            }
        });
    }

    private static Worst check(NetworkHead<?> head, Regularization layers, int[] hidden, Activation activation,
            long seed, BiConsumer<SplittableRandom, double[]> drawTargets) {
        SplittableRandom random = new SplittableRandom(seed);
        FeedForwardNetwork net = FeedForwardNetwork.create(INPUTS, hidden, OUTPUTS, activation, layers, random);
        // Biases start at zero, so a row whose inputs to a ReLU layer are all zero (dropped, or dead ReLUs) sits
        // exactly on the kink, where finite differences see half a slope: move every bias off zero first.
        for (DenseOp d : net.dense()) {
            double[] b = TensorArrays.elements(d.bias());
            for (int j = 0; j < b.length; j++) {
                b[j] = 0.1 * random.nextGaussian();
            }
        }
        net.parametersChanged();
        double[] x = new double[BATCH * INPUTS];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextGaussian();
        }
        double[] targets = new double[BATCH * head.targetWidth()];
        drawTargets.accept(random, targets);
        long layerSeed = random.nextLong();
        meanLoss(net, head, x, targets, layerSeed);
        Tensor[] live = net.parameters().get();
        Tensor[] analytic = new Tensor[live.length];
        for (int i = 0; i < live.length; i++) {
            analytic[i] = net.parameters().gradients()[i].copy();
        }
        Worst worst = new Worst("none", 0, 0, 0, 0);
        int checked = 0;
        for (int t = 0; t < live.length; t++) {
            double[][] rows = live[t] instanceof DenseMatrix m ? TensorArrays.rows(m)
                    : new double[][] {TensorArrays.elements((DenseVector) live[t])};
            double[][] grads = analytic[t] instanceof DenseMatrix m ? TensorArrays.rows(m)
                    : new double[][] {TensorArrays.elements((DenseVector) analytic[t])};
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    double keep = rows[r][c];
                    rows[r][c] = keep + STEP;
                    net.parametersChanged();
                    double up = meanLoss(net, head, x, targets, layerSeed);
                    rows[r][c] = keep - STEP;
                    net.parametersChanged();
                    double down = meanLoss(net, head, x, targets, layerSeed);
                    rows[r][c] = keep;
                    net.parametersChanged();
                    double numeric = (up - down) / (2 * STEP);
                    double a = grads[r][c];
                    double error = Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), FLOOR);
                    checked++;
                    if (error >= worst.relativeError()) {
                        String name = net.parameters().layout().slots().get(t).name() + "[" + (r * rows[r].length + c)
                                + "]";
                        worst = new Worst(name, a, numeric, error, 0);
                    }
                }
            }
        }
        return new Worst(worst.parameter(), worst.analytic(), worst.numeric(), worst.relativeError(), checked);
    }

    private static double meanLoss(FeedForwardNetwork net, NetworkHead<?> head, double[] x, double[] targets,
            long layerSeed) {
        System.arraycopy(x, 0, net.input(BATCH), 0, x.length);
        return net.trainStep(head, targets, BATCH, new SplittableRandom(layerSeed)) / BATCH;
    }
}
