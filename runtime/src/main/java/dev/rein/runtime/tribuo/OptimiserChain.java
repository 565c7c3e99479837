package dev.rein.runtime.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.math.StochasticGradientOptimiser;

/**
 * The class names of an optimiser and of the optimisers it decorates (ParameterAveraging wraps one), read from its
 * provenance so that private fields stay private. Outermost first.
 */
final class OptimiserChain {
    static final String PEGASOS = "org.tribuo.math.optimisers.Pegasos";
    static final String ADA_GRAD_RDA = "org.tribuo.math.optimisers.AdaGradRDA";
    /** Tribuo optimisers whose {@code step} ignores its {@code weight} argument (checked against 4.3.2). */
    private static final List<String> IGNORE_WEIGHT = List.of("org.tribuo.math.optimisers.Adam",
            "org.tribuo.math.optimisers.AdaDelta");

    private final List<String> classNames;

    private OptimiserChain(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
    }

    static OptimiserChain of(StochasticGradientOptimiser optimiser) {
        List<String> names = new ArrayList<>();
        collect(optimiser.getProvenance(), names);
        return new OptimiserChain(names);
    }

    private static void collect(ConfiguredObjectProvenance p, List<String> names) {
        names.add(p.getClassName());
        for (Provenance nested : p.getConfiguredParameters().values()) {
            if (nested instanceof ConfiguredObjectProvenance) {
                collect((ConfiguredObjectProvenance) nested, names);
            }
        }
    }

    /** Whether an optimiser of class {@code className} is anywhere in the chain. */
    boolean contains(String className) {
        return classNames.contains(className);
    }

    /**
     * Whether the innermost optimiser (the one that turns gradients into updates) multiplies the gradient by
     * {@code weight}, as Tribuo's SGD, AdaGrad, RMSProp, AdaGradRDA and Pegasos do. Optimisers Rein does not know
     * are assumed to follow that contract.
     */
    boolean scalesByWeight() {
        return !IGNORE_WEIGHT.contains(classNames.get(classNames.size() - 1));
    }

    @Override
    public String toString() {
        return String.join(" > ", classNames);
    }
}
