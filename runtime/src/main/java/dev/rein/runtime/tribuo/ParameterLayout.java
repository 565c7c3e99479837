package dev.rein.runtime.tribuo;

import dev.rein.api.hook.Role;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.common.sgd.FMParameters;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.Parameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Matrix;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.Tensor;

/**
 * Which parts of a Tribuo {@link Parameters}' tensors are weights, biases and factors, as {@link ParameterSlot}s.
 *
 * <ul>
 *   <li>{@link LinearParameters} (Tribuo's linear SGD trainers): one matrix {@code [outputs x (features + 1)]};
 *       the first {@code features} columns are {@link Role#WEIGHT}s, the last column is the {@link Role#BIAS}.</li>
 *   <li>{@link FMParameters} (factorization machines): tensor 0 is the bias vector {@code [outputs]}, tensor 1
 *       the linear weights {@code [outputs x features]} (no bias column), tensors {@code 2 .. outputs + 1} one
 *       {@link Role#FACTOR} matrix {@code [factors x features]} per output.</li>
 *   <li>{@link LaidOutParameters} (Rein's feed-forward network): whatever layout they report.</li>
 * </ul>
 *
 * <pre>{@code
 * ParameterLayout layout = ParameterLayout.of(parameters);
 * for (ParameterSlot slot : layout.slots()) {
 *     ParameterBlock block = slot.read(parameters.get());   // "weights" (WEIGHT, 3 x 20), "bias" (BIAS, 3 x 1)
 * }
 * }</pre>
 */
public final class ParameterLayout {
    private final String description;
    private final List<ParameterSlot> slots;

    private ParameterLayout(String description, List<ParameterSlot> slots) {
        this.description = description;
        this.slots = List.copyOf(slots);
    }

    /**
     * The layout of {@code parameters}.
     *
     * @throws IllegalArgumentException for any other kind of parameters, naming the kinds that are known
     */
    public static ParameterLayout of(Parameters parameters) {
        if (parameters instanceof LaidOutParameters) {
            return ((LaidOutParameters) parameters).layout();
        }
        if (parameters instanceof LinearParameters) {
            return linear(parameters.get());
        }
        if (parameters instanceof FMParameters) {
            return factorizationMachine(parameters.get());
        }
        throw new IllegalArgumentException(TribuoMessages.unknownLayout(parameters.getClass().getName()).toString());
    }

    /** A layout of the given slots, described for messages as {@code description}. */
    public static ParameterLayout of(String description, List<ParameterSlot> slots) {
        return new ParameterLayout(description, slots);
    }

    /** The layout of a linear model's tensors: {@code [weight matrix with the bias as last column]}. */
    public static ParameterLayout linear(Tensor[] tensors) {
        requireCount(tensors, 1, "a linear model");
        Matrix m = requireMatrix(tensors, 0, "a linear model");
        int outputs = m.getDimension1Size();
        int features = m.getDimension2Size() - 1;
        if (features < 0) {
            throw new IllegalArgumentException(TribuoMessages.noBiasColumn(m.getDimension2Size()).toString());
        }
        return new ParameterLayout("linear model (" + outputs + " outputs x " + features + " features + bias)",
                List.of(ParameterSlot.columns("weights", Role.WEIGHT, 0, outputs, 0, features),
                        ParameterSlot.columns("bias", Role.BIAS, 0, outputs, features, 1)));
    }

    /** The layout of a factorization machine's tensors: {@code [biases, linear weights, factors per output...]}. */
    public static ParameterLayout factorizationMachine(Tensor[] tensors) {
        if (tensors.length < 3) {
            throw new IllegalArgumentException(TribuoMessages.fmTooFewTensors(tensors.length).toString());
        }
        if (!(tensors[0] instanceof SGDVector)) {
            throw new IllegalArgumentException(
                    TribuoMessages.fmBiasNotVector(tensors[0].getClass().getSimpleName()).toString());
        }
        int outputs = ((SGDVector) tensors[0]).size();
        requireCount(tensors, outputs + 2, "a factorization machine with " + outputs + " outputs");
        Matrix linear = requireMatrix(tensors, 1, "a factorization machine");
        List<ParameterSlot> slots = new ArrayList<>();
        slots.add(ParameterSlot.vector("bias", Role.BIAS, 0, outputs));
        slots.add(ParameterSlot.columns("weights", Role.WEIGHT, 1, outputs, 0, linear.getDimension2Size()));
        int factors = 0;
        for (int i = 2; i < tensors.length; i++) {
            Matrix f = requireMatrix(tensors, i, "a factorization machine");
            factors = f.getDimension1Size();
            slots.add(ParameterSlot.columns("factors[" + (i - 2) + "]", Role.FACTOR, i, f.getDimension1Size(), 0,
                    f.getDimension2Size()));
        }
        return new ParameterLayout("factorization machine (" + outputs + " outputs x "
                + linear.getDimension2Size() + " features, " + factors + " factors)", slots);
    }

    /** Every slot, in tensor order. */
    public List<ParameterSlot> slots() {
        return slots;
    }

    /** The slots of {@code role}. */
    public List<ParameterSlot> slots(Role role) {
        List<ParameterSlot> out = new ArrayList<>();
        for (ParameterSlot s : slots) {
            if (s.role() == role) {
                out.add(s);
            }
        }
        return out;
    }

    /** For messages, e.g. {@code "linear model (3 outputs x 20 features + bias)"}. */
    public String describe() {
        return description;
    }

    /**
     * Whether every tensor a slot lives in is a plain {@link DenseMatrix} or {@link DenseVector}: optimisers such
     * as Pegasos and AdaGradRDA swap in their own matrix types, whose {@code update} does more than add.
     */
    boolean isPlainDense(Tensor[] tensors) {
        for (ParameterSlot s : slots) {
            if (!Tensors.isPlainDense(tensors[s.tensorIndex()])) {
                return false;
            }
        }
        return true;
    }

    private static void requireCount(Tensor[] tensors, int expected, String what) {
        if (tensors.length != expected) {
            throw new IllegalArgumentException(TribuoMessages.tensorCount(expected, what, tensors.length).toString());
        }
    }

    private static Matrix requireMatrix(Tensor[] tensors, int index, String what) {
        if (!(tensors[index] instanceof Matrix)) {
            throw new IllegalArgumentException(
                    TribuoMessages.tensorNotMatrix(index, what, tensors[index].getClass().getSimpleName()).toString());
        }
        return (Matrix) tensors[index];
    }

    @Override
    public String toString() {
        return description + " " + slots;
    }
}
