package dev.rein.runtime.network;

import dev.rein.api.hook.NamedArray;
import dev.rein.api.hook.Phase;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.registry.RegularizerCatalog;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;

/**
 * A fully connected network with linear output units, as a list of {@link Op}s: for each hidden layer a
 * {@link DenseOp}, its {@link Activation} and the layer plugins placed after it, then the output {@code DenseOp}.
 * What the outputs mean (logits under softmax cross-entropy, or regression values under squared error) is the
 * {@link NetworkHead}'s business. It owns the activation buffers of one mini-batch, so an instance serves one thread.
 *
 * <pre>{@code
 * var net = FeedForwardNetwork.create(784, new int[] {256, 128}, 10, Activation.RELU,
 *         Regularization.of("dropout(p=0.2) + batch_norm(after=1)", registry), new SplittableRandom(1));
 * System.arraycopy(x, 0, net.input(128), 0, x.length);
 * double loss = net.trainStep(head, targets, 128, random);   // fills net.parameters().gradients()
 * double[] outputs = net.predict(128);                      // prediction: dropout off, running averages
 * }</pre>
 *
 * <p>The gradients the backward pass leaves are those of the batch's mean loss, which the head computes (for
 * softmax cross-entropy {@code (p - onehot(y)) / r} with respect to the logits).
 */
final class FeedForwardNetwork {
    private final int inputs;
    private final int[] hidden;
    private final int outputs;
    private final Activation activation;
    private final List<DenseOp> dense = new ArrayList<>();
    private final List<PluginOp> plugins = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    private final NetworkParameters parameters;
    private double[][] values = new double[0][];
    private double[][] gradients = new double[0][];
    private int capacity;

    private record Placement(BoundTerm term, int position) {
    }

    private FeedForwardNetwork(int inputs, int[] hidden, int outputs, Activation activation, List<DenseOp> layers,
            List<Placement> placements) {
        this.inputs = inputs;
        this.hidden = hidden.clone();
        this.outputs = outputs;
        this.activation = activation;
        List<NormalizationOp> normalizations = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            DenseOp d = layers.get(i);
            dense.add(d);
            ops.add(d);
            if (i < hidden.length) {
                ops.add(new ActivationOp(activation, d.width()));
                for (Placement p : placements) {
                    if (p.position() == i + 1) {
                        PluginOp op = p.term().kind() == Kind.NORMALIZATION
                                ? new NormalizationOp(p.term(), i + 1, d.width())
                                : new ActivationRegularizerOp(p.term(), i + 1, d.width());
                        plugins.add(op);
                        ops.add(op);
                        if (op instanceof NormalizationOp n) {
                            normalizations.add(n);
                        }
                    }
                }
            }
        }
        this.parameters = new NetworkParameters(dense, normalizations, this::parametersChanged);
    }

    /**
     * A new network with random weights ({@link DenseOp#initialised}) and the layer plugins of {@code layers}
     * (its activation and normalization terms; other terms are ignored), each placement with a hook of its own.
     *
     * @throws IllegalArgumentException if a size is below 1, or a layer plugin's {@code after=} is not a hidden layer
     *                                  (tagged {@code network-layer-position}) or there is no hidden layer
     */
    static FeedForwardNetwork create(int inputs, int[] hidden, int outputs, Activation activation,
            Regularization layers, SplittableRandom random) {
        requireSizes(inputs, hidden, outputs);
        List<Placement> placements = new ArrayList<>();
        for (BoundTerm term : layers.terms()) {
            if (term.kind() != Kind.ACTIVATION && term.kind() != Kind.NORMALIZATION) {
                continue;
            }
            for (int position : positions(term, hidden.length)) {
                placements.add(new Placement(term.forRun(), position));
            }
        }
        List<DenseOp> layerOps = new ArrayList<>();
        int in = inputs;
        for (int i = 0; i <= hidden.length; i++) {
            int units = i < hidden.length ? hidden[i] : outputs;
            boolean he = i < hidden.length && activation.usesHeInitialization();
            layerOps.add(DenseOp.initialised(in, units, he, random, MatrixProducts.blas()));
            in = units;
        }
        return new FeedForwardNetwork(inputs, hidden, outputs, activation, layerOps, placements);
    }

    /**
     * The network {@code state} describes, its layer plugins bound again against {@code catalog}.
     *
     * @throws IllegalArgumentException if a saved layer's term does not bind (a plugin that is not loaded: tagged
     *                                  {@code network-saved-layer}) or its arrays do not fit
     */
    static FeedForwardNetwork restore(NetworkState state, RegularizerCatalog catalog) {
        List<Placement> placements = new ArrayList<>();
        for (SavedLayer saved : state.layers()) {
            BoundTerm term;
            try {
                term = SpecBinder.bind(saved.term(), catalog).terms().get(0);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(NetworkMessages.savedLayer(saved, e.getMessage()).toString(),
                        e);
            }
            placements.add(new Placement(term, saved.position()));
        }
        List<DenseOp> layerOps = new ArrayList<>();
        for (int i = 0; i < state.weights().length; i++) {
            DenseMatrix w = DenseMatrix.createDenseMatrix(state.weights()[i]);
            layerOps.add(new DenseOp(w, DenseVector.createDenseVector(state.biases()[i]), MatrixProducts.blas()));
        }
        FeedForwardNetwork net = new FeedForwardNetwork(state.inputs(), state.hidden(), state.outputs(),
                state.activation(), layerOps, placements);
        for (int i = 0; i < net.plugins.size(); i++) {
            net.load(net.plugins.get(i), state.layers()[i]);
        }
        net.parametersChanged();
        return net;
    }

    private void load(PluginOp op, SavedLayer saved) {
        List<NamedArray> arrays = op.savedArrays();
        for (NamedArray a : arrays) {
            double[] values = saved.array(a.name());
            if (values == null || values.length != a.values().length) {
                throw new IllegalArgumentException(NetworkMessages.savedArray(saved.term(), a.name(),
                        a.values().length, values == null ? -1 : values.length).toString());
            }
            System.arraycopy(values, 0, a.values(), 0, values.length);
        }
        if (op instanceof NormalizationOp n) {
            for (int k = 0; k < n.learned().size(); k++) {
                double[] from = n.learned().get(k).values();
                System.arraycopy(from, 0, TensorArrays.elements(n.tensors().get(k)), 0, from.length);
            }
        }
    }

    private static void requireSizes(int inputs, int[] hidden, int outputs) {
        boolean ok = inputs >= 1 && outputs >= 1;
        for (int h : hidden) {
            ok &= h >= 1;
        }
        if (!ok) {
            throw new IllegalArgumentException(NetworkMessages.sizes(inputs, hidden, outputs).toString());
        }
    }

    /** The hidden layers (from 1) a layer plugin sits after: all without {@code after=}, else the one named. */
    static List<Integer> positions(BoundTerm term, int hiddenLayers) {
        List<Integer> out = new ArrayList<>();
        if (hiddenLayers == 0) {
            throw new IllegalArgumentException(NetworkMessages.layerWithoutHidden(term.name()).toString());
        }
        if (term.after().isEmpty()) {
            for (int i = 1; i <= hiddenLayers; i++) {
                out.add(i);
            }
            return out;
        }
        String after = term.after().get().trim();
        try {
            int k = Integer.parseInt(after);
            if (k >= 1 && k <= hiddenLayers) {
                out.add(k);
                return out;
            }
        } catch (NumberFormatException e) {
            // reported below with the valid values
        }
        throw new IllegalArgumentException(NetworkMessages.layerPosition(term.name(), after, hiddenLayers)
                .toString());
    }

    NetworkParameters parameters() {
        return parameters;
    }

    /** The layer plugins in network order. */
    List<PluginOp> plugins() {
        return plugins;
    }

    List<DenseOp> dense() {
        return dense;
    }

    int inputs() {
        return inputs;
    }

    int outputs() {
        return outputs;
    }

    /** Brings the layers up to date after their tensors were changed from outside (an update, a restore). */
    void parametersChanged() {
        for (DenseOp d : dense) {
            d.refresh();
        }
        for (PluginOp p : plugins) {
            if (p instanceof NormalizationOp n) {
                n.pull();
            }
        }
    }

    private void ensureCapacity(int batch) {
        if (batch <= capacity) {
            return;
        }
        values = new double[ops.size() + 1][];
        gradients = new double[ops.size() + 1][];
        values[0] = new double[batch * inputs];
        gradients[0] = null;   // no one needs the gradient with respect to the input
        for (int i = 0; i < ops.size(); i++) {
            values[i + 1] = new double[batch * ops.get(i).width()];
            gradients[i + 1] = new double[batch * ops.get(i).width()];
        }
        capacity = batch;
    }

    /** The input buffer of a batch of {@code batch} rows, {@code batch × inputs}, to be filled by the caller. */
    double[] input(int batch) {
        ensureCapacity(batch);
        return values[0];
    }

    private double[] forward(int batch, Phase phase, RandomGenerator random) {
        for (int i = 0; i < ops.size(); i++) {
            ops.get(i).forward(values[i], values[i + 1], batch, phase, random);
        }
        return values[ops.size()];
    }

    /**
     * Forward in training mode on the batch in {@link #input}, {@code head}'s loss against {@code targets}
     * ({@code batch × head.targetWidth()}), and the backward pass: leaves the gradients of the batch's mean loss in
     * {@code parameters().gradients()} and returns the batch's summed loss.
     */
    double trainStep(NetworkHead<?> head, double[] targets, int batch, RandomGenerator random) {
        double[] out = forward(batch, Phase.TRAIN, random);
        double loss = head.loss(out, targets, gradients[ops.size()], batch);
        for (int i = ops.size() - 1; i >= 0; i--) {
            ops.get(i).backward(values[i], values[i + 1], gradients[i + 1], gradients[i], batch);
        }
        return loss;
    }

    /**
     * Prediction mode on the batch in {@link #input}: the output units of its rows, {@code batch × outputs}, in a
     * buffer the network owns (valid until the next pass).
     */
    double[] predict(int batch) {
        return forward(batch, Phase.EVAL, null);
    }

    /**
     * Prediction mode: writes each row's output scores (the logits, before softmax) of the batch in {@link #input}
     * into {@code out}, {@code batch × outputs}.
     */
    void scores(int batch, double[] out) {
        System.arraycopy(forward(batch, Phase.EVAL, null), 0, out, 0, batch * outputs);
    }

    /** A copy of everything the network is, for a model. */
    NetworkState state() {
        double[][][] weights = new double[dense.size()][][];
        double[][] biases = new double[dense.size()][];
        for (int i = 0; i < dense.size(); i++) {
            double[][] rows = TensorArrays.rows(dense.get(i).weights());
            weights[i] = new double[rows.length][];
            for (int r = 0; r < rows.length; r++) {
                weights[i][r] = rows[r].clone();
            }
            biases[i] = TensorArrays.elements(dense.get(i).bias()).clone();
        }
        SavedLayer[] layers = new SavedLayer[plugins.size()];
        for (int i = 0; i < layers.length; i++) {
            layers[i] = plugins.get(i).save();
        }
        return new NetworkState(inputs, hidden.clone(), outputs, activation, weights, biases, layers);
    }
}
