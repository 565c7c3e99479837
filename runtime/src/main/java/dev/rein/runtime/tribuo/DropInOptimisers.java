package dev.rein.runtime.tribuo;

import dev.rein.runtime.optim.ReinAdaGrad;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * Tribuo optimisers that Rein runs as its own drop-in equivalents, so that a proximal step can use each weight's own
 * step size: Tribuo's {@code AdaGrad} (its state is private) becomes {@link ReinAdaGrad} with the same settings,
 * whose updates are the same to the bit (see {@code TribuoTrainingParityTest}). Tribuo's RMSProp and Adam are left
 * as they are: Rein's versions correct defects of theirs and so train differently; ask for them by name.
 *
 * <pre>{@code
 * DropInOptimisers.of(new AdaGrad(0.5, 0.1));   // ReinAdaGrad(initialLearningRate=0.5,epsilon=0.1,initialValue=0.0)
 * DropInOptimisers.of(SGD.getSimpleSGD(0.1));   // the same SGD instance
 * }</pre>
 */
final class DropInOptimisers {
    private DropInOptimisers() {
    }

    /** Rein's equivalent of {@code optimiser} when it has one, else {@code optimiser} itself. */
    static StochasticGradientOptimiser of(StochasticGradientOptimiser optimiser) {
        if (optimiser.getClass() == AdaGrad.class) {
            OptimiserChain chain = OptimiserChain.of(optimiser);
            double initialValue = chain.number("initialValue");
            return new ReinAdaGrad(chain.number("initialLearningRate"), chain.number("epsilon"),
                    Double.isNaN(initialValue) ? 0.0 : initialValue);
        }
        return optimiser;
    }
}
