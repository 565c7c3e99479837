package dev.rein.runtime.network;

import dev.rein.api.hook.NamedArray;
import dev.rein.api.hook.Role;
import dev.rein.runtime.tribuo.LaidOutParameters;
import dev.rein.runtime.tribuo.NonFiniteScan;
import dev.rein.runtime.tribuo.ParameterLayout;
import dev.rein.runtime.tribuo.ParameterSlot;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.protos.ParametersProto;

/**
 * A network's learned parameters as Tribuo sees them, for any Tribuo optimiser and Rein's
 * {@code RegularizedOptimiser}: per dense layer its weights ({@link Role#WEIGHT}, {@code [units × inputs]}) and bias
 * ({@link Role#BIAS}), then each normalization layer's learned arrays with their roles. {@link #get()} returns the
 * live tensors the layers compute on; {@link #update} adds an optimiser's update to them and tells the layers.
 *
 * <pre>{@code
 * Tensor[] update = optimiser.step(parameters.gradients(), 1.0);
 * parameters.update(update);
 * }</pre>
 */
final class NetworkParameters implements LaidOutParameters {
    private static final long serialVersionUID = 1L;

    private final Tensor[] live;
    private final Tensor[] gradients;
    /** Per tensor, the dense layer whose weights it is (they have a flat copy for the products), else null. */
    private final transient DenseOp[] weightsOf;
    private final transient List<NormalizationOp> normalizations;
    private final transient ParameterLayout layout;
    private final transient Runnable changed;

    NetworkParameters(List<DenseOp> dense, List<NormalizationOp> normalizations, Runnable changed) {
        List<Tensor> values = new ArrayList<>();
        List<Tensor> grads = new ArrayList<>();
        List<ParameterSlot> slots = new ArrayList<>();
        List<DenseOp> owners = new ArrayList<>();
        StringBuilder shape = new StringBuilder("network ").append(dense.get(0).inputs());
        for (int i = 0; i < dense.size(); i++) {
            DenseOp d = dense.get(i);
            String name = "layer" + (i + 1);
            slots.add(ParameterSlot.columns(name + ".weights", Role.WEIGHT, values.size(), d.width(), 0, d.inputs()));
            values.add(d.weights());
            grads.add(d.weightGradient());
            owners.add(d);
            slots.add(ParameterSlot.vector(name + ".bias", Role.BIAS, values.size(), d.width()));
            values.add(d.bias());
            grads.add(d.biasGradient());
            owners.add(null);
            shape.append('-').append(d.width());
        }
        for (NormalizationOp n : normalizations) {
            List<NamedArray> learned = n.learned();
            for (int k = 0; k < learned.size(); k++) {
                NamedArray a = learned.get(k);
                slots.add(ParameterSlot.vector(n.term().name() + "@" + n.position() + "." + a.name(), a.role(),
                        values.size(), a.values().length));
                values.add(n.tensors().get(k));
                grads.add(n.gradients().get(k));
                owners.add(null);
            }
        }
        this.weightsOf = owners.toArray(new DenseOp[0]);
        this.normalizations = List.copyOf(normalizations);
        this.live = values.toArray(new Tensor[0]);
        this.gradients = grads.toArray(new Tensor[0]);
        this.layout = ParameterLayout.of(shape.toString(), slots);
        this.changed = changed;
    }

    @Override
    public ParameterLayout layout() {
        return layout;
    }

    /** The tensors the backward pass fills, one per parameter tensor, reused every step. */
    Tensor[] gradients() {
        return gradients;
    }

    @Override
    public Tensor[] getEmptyCopy() {
        Tensor[] out = new Tensor[live.length];
        for (int i = 0; i < live.length; i++) {
            out[i] = live[i] instanceof DenseMatrix m
                    ? new DenseMatrix(m.getDimension1Size(), m.getDimension2Size())
                    : new DenseVector(((DenseVector) live[i]).size());
        }
        return out;
    }

    @Override
    public Tensor[] get() {
        return live;
    }

    /** Copies {@code tensors}' values into the live tensors. */
    @Override
    public void set(Tensor[] tensors) {
        requireCount(tensors);
        for (int i = 0; i < live.length; i++) {
            if (live[i] instanceof DenseMatrix m) {
                double[][] to = TensorArrays.rows(m);
                org.tribuo.math.la.Matrix from = (org.tribuo.math.la.Matrix) tensors[i];
                for (int r = 0; r < to.length; r++) {
                    for (int c = 0; c < to[r].length; c++) {
                        to[r][c] = from.get(r, c);
                    }
                }
            } else {
                double[] to = TensorArrays.elements((DenseVector) live[i]);
                org.tribuo.math.la.SGDVector from = (org.tribuo.math.la.SGDVector) tensors[i];
                for (int k = 0; k < to.length; k++) {
                    to[k] = from.get(k);
                }
            }
        }
        changed.run();
    }

    /** Adds {@code updates} to the live tensors ({@link #add}, without its verdict). */
    @Override
    public void update(Tensor[] updates) {
        add(updates);
    }

    /**
     * Adds {@code updates} to the live tensors and brings the layers up to date, in one pass over each dense tensor
     * that also writes a layer's flat copy of its weights and checks every sum. One thread: native OpenBLAS's
     * threads still spin between products, and splitting this over the common pool doubled the epoch (BENCHMARKS.md).
     * Returns whether every parameter is still finite.
     */
    boolean add(Tensor[] updates) {
        requireCount(updates);
        boolean finite = true;
        for (int i = 0; i < live.length; i++) {
            Tensor u = updates[i];
            double[] flat = weightsOf[i] != null ? weightsOf[i].flatWeights() : null;
            if (live[i] instanceof DenseMatrix m && u.getClass() == DenseMatrix.class) {
                double[][] to = TensorArrays.rows(m);
                double[][] from = TensorArrays.rows((DenseMatrix) u);
                int columns = m.getDimension2Size();
                for (int r = 0; r < to.length; r++) {
                    finite &= addRow(to[r], from[r], flat, r * columns);
                }
            } else if (live[i] instanceof DenseVector v && u.getClass() == DenseVector.class) {
                finite &= addRow(TensorArrays.elements(v), TensorArrays.elements((DenseVector) u), flat, 0);
            } else {
                live[i].intersectAndAddInPlace(u);   // a sparse or unusual update: Tribuo's own addition
                finite &= NonFiniteScan.first(new Tensor[] {live[i]}).isEmpty();
                if (weightsOf[i] != null) {
                    weightsOf[i].refresh();
                }
            }
        }
        for (NormalizationOp n : normalizations) {
            n.pull();
        }
        return finite;
    }

    /** {@code a += b}, copied to {@code flat} from {@code offset} when it is not null; whether all of a is finite. */
    private static boolean addRow(double[] a, double[] b, double[] flat, int offset) {
        boolean bad = false;
        if (flat == null) {
            for (int c = 0; c < a.length; c++) {
                double x = a[c] + b[c];
                a[c] = x;
                bad |= x - x != 0;   // NaN for an infinity or NaN
            }
        } else {
            for (int c = 0; c < a.length; c++) {
                double x = a[c] + b[c];
                a[c] = x;
                flat[offset + c] = x;
                bad |= x - x != 0;
            }
        }
        return !bad;
    }

    /** Sums per-example gradients, as Tribuo's parameters do; the network's loop never calls it. */
    @Override
    public Tensor[] merge(Tensor[][] perExample, int size) {
        Tensor[] sum = getEmptyCopy();
        for (int e = 0; e < size; e++) {
            for (int i = 0; i < sum.length; i++) {
                sum[i].intersectAndAddInPlace(perExample[e][i]);
            }
        }
        return sum;
    }

    /** Not supported: a network model is saved as a whole ({@link FeedForwardModel}). */
    @Override
    public ParametersProto serialize() {
        throw new UnsupportedOperationException(NetworkMessages.parametersProto().toString());
    }

    private void requireCount(Tensor[] tensors) {
        if (tensors.length != live.length) {
            throw new IllegalArgumentException(NetworkMessages.tensorCount(live.length, tensors.length,
                    layout.describe()).toString());
        }
    }
}
