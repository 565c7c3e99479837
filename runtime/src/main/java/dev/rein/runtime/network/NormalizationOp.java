package dev.rein.runtime.network;

import dev.rein.api.hook.NamedArray;
import dev.rein.api.hook.Normalization;
import dev.rein.api.hook.Phase;
import dev.rein.runtime.spec.BoundTerm;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.tribuo.math.la.DenseVector;

/**
 * A {@link Normalization} plugin (batch normalization) as a step of the network. Its learned arrays are mirrored in
 * Tribuo {@code DenseVector}s that the optimiser updates: the plugin owns its arrays, so {@link #pull()} copies the
 * tensors into them after each update, and {@code backward} copies the plugin's gradients into the gradient tensors.
 * The copies are a few numbers per unit.
 */
final class NormalizationOp extends PluginOp {
    private final Normalization hook;
    private final List<NamedArray> learned;
    private final List<DenseVector> tensors = new ArrayList<>();
    private final List<DenseVector> gradients = new ArrayList<>();

    NormalizationOp(BoundTerm term, int position, int width) {
        super(term, position, width);
        this.hook = term.hook(Normalization.class);
        hook.initialise(width);
        this.learned = hook.learnedParameters();
        List<NamedArray> grads = hook.learnedGradients();
        if (grads.size() != learned.size()) {
            throw new IllegalStateException(NetworkMessages.normalizationArrays(term.name(), learned.size(),
                    grads.size()).toString());
        }
        for (NamedArray a : learned) {
            if (a.role() == null) {
                throw new IllegalStateException(NetworkMessages.learnedWithoutRole(term.name(), a.name()).toString());
            }
            tensors.add(DenseVector.createDenseVector(a.values()));
            gradients.add(new DenseVector(a.values().length));
        }
    }

    /** The learned arrays, in the order of {@link #tensors()}. */
    List<NamedArray> learned() {
        return learned;
    }

    /** The tensors the optimiser updates, one per learned array. */
    List<DenseVector> tensors() {
        return tensors;
    }

    List<DenseVector> gradients() {
        return gradients;
    }

    /** Copies the optimised tensors into the plugin's own arrays. */
    void pull() {
        for (int i = 0; i < learned.size(); i++) {
            double[] from = TensorArrays.elements(tensors.get(i));
            System.arraycopy(from, 0, learned.get(i).values(), 0, from.length);
        }
    }

    @Override
    public void forward(double[] in, double[] out, int batch, Phase phase, RandomGenerator random) {
        hook.forward(in, out, batch, width, phase);
    }

    @Override
    public void backward(double[] in, double[] out, double[] gradOut, double[] gradIn, int batch) {
        hook.backward(gradOut, gradIn, batch, width);
        List<NamedArray> grads = hook.learnedGradients();
        for (int i = 0; i < grads.size(); i++) {
            double[] to = TensorArrays.elements(gradients.get(i));
            System.arraycopy(grads.get(i).values(), 0, to, 0, to.length);
        }
    }

    @Override
    List<NamedArray> savedArrays() {
        List<NamedArray> out = new ArrayList<>(learned);
        out.addAll(hook.state());
        return out;
    }
}
