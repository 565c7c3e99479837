package dev.rein.runtime.tribuo;

import org.tribuo.math.Parameters;

/**
 * Tribuo {@link Parameters} that say themselves which parts of their tensors are weights, biases or normalization
 * parameters, so that a {@link RegularizedOptimiser} can apply a plan to a model Rein did not know in advance (the
 * feed-forward network of {@code dev.rein.runtime.network}).
 *
 * <pre>{@code
 * public ParameterLayout layout() {
 *     return ParameterLayout.of("network 784-256-10", List.of(
 *             ParameterSlot.columns("layer1.weights", Role.WEIGHT, 0, 256, 0, 784),
 *             ParameterSlot.vector("layer1.bias", Role.BIAS, 1, 256)));
 * }
 * }</pre>
 */
public interface LaidOutParameters extends Parameters {
    /** The slots of {@link #get()}'s tensors, each in a plain {@code DenseMatrix} or {@code DenseVector}. */
    ParameterLayout layout();
}
