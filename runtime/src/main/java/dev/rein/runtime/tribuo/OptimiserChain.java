package dev.rein.runtime.tribuo;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import dev.rein.runtime.optim.PerCoordinateStep;
import dev.rein.runtime.optim.ReinAdaGrad;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.optim.ReinFtrl;
import dev.rein.runtime.optim.ReinRMSProp;
import dev.rein.runtime.plan.OptimiserProfile;
import dev.rein.runtime.plan.OptimiserProfile.Family;
import dev.rein.runtime.plan.StepSchedule;
import org.tribuo.math.StochasticGradientOptimiser;

/**
 * The class names and configured values of an optimiser and of the optimisers it decorates (ParameterAveraging
 * wraps one), read from its provenance so that private fields stay private. Outermost first. It turns into the
 * Tribuo-free {@link OptimiserProfile} a regularization plan is built against:
 *
 * <pre>{@code
 * OptimiserProfile profile = OptimiserChain.of(optimiser).profile(optimiser.toString());
 * }</pre>
 */
final class OptimiserChain {
    private static final String PACKAGE = "org.tribuo.math.optimisers.";
    static final String PEGASOS = PACKAGE + "Pegasos";
    static final String ADA_GRAD_RDA = PACKAGE + "AdaGradRDA";
    static final String PARAMETER_AVERAGING = PACKAGE + "ParameterAveraging";
    static final String SIMPLE_SGD = PACKAGE + "SimpleSGD";
    static final String LINEAR_DECAY_SGD = PACKAGE + "LinearDecaySGD";
    static final String SQRT_DECAY_SGD = PACKAGE + "SqrtDecaySGD";
    static final String ADA_GRAD = PACKAGE + "AdaGrad";
    static final String ADA_DELTA = PACKAGE + "AdaDelta";
    static final String ADAM = PACKAGE + "Adam";
    static final String RMS_PROP = PACKAGE + "RMSProp";
    static final String REIN_ADA_GRAD = ReinAdaGrad.class.getName();
    static final String REIN_RMS_PROP = ReinRMSProp.class.getName();
    static final String REIN_ADAM = ReinAdam.class.getName();
    static final String REIN_FTRL = ReinFtrl.class.getName();
    /** Optimisers whose {@code step} ignores its {@code weight} argument (Tribuo's checked against 4.3.2). */
    private static final List<String> IGNORE_WEIGHT = List.of(ADAM, ADA_DELTA, REIN_ADAM);

    private final List<String> classNames;
    private final ConfiguredObjectProvenance innermost;

    private OptimiserChain(List<String> classNames, ConfiguredObjectProvenance innermost) {
        this.classNames = List.copyOf(classNames);
        this.innermost = innermost;
    }

    static OptimiserChain of(StochasticGradientOptimiser optimiser) {
        List<String> names = new ArrayList<>();
        ConfiguredObjectProvenance innermost = collect(optimiser.getProvenance(), names);
        return new OptimiserChain(names, innermost);
    }

    /** Adds the class names outermost first and returns the innermost optimiser's provenance. */
    private static ConfiguredObjectProvenance collect(ConfiguredObjectProvenance p, List<String> names) {
        names.add(p.getClassName());
        for (Provenance nested : p.getConfiguredParameters().values()) {
            if (nested instanceof ConfiguredObjectProvenance) {
                return collect((ConfiguredObjectProvenance) nested, names);
            }
        }
        return p;
    }

    /** What a regularization plan needs to know of this optimiser; {@code description} names it in messages. */
    OptimiserProfile profile(String description) {
        return new OptimiserProfile(description, family(), innermostName(), hasMomentum(),
                contains(PARAMETER_AVERAGING), scalesByWeight(), schedule(), tellsStepSizes());
    }

    /** Whether the innermost optimiser implements {@link PerCoordinateStep}, found by its class name. */
    private boolean tellsStepSizes() {
        try {
            return PerCoordinateStep.class.isAssignableFrom(Class.forName(innermost(), false,
                    OptimiserChain.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return false;   // a class Rein cannot see tells Rein nothing
        }
    }

    private Family family() {
        if (contains(PEGASOS)) {
            return Family.PEGASOS;
        }
        if (contains(ADA_GRAD_RDA)) {
            return Family.ADAGRAD_RDA;
        }
        if (isSgd()) {
            return Family.SGD;
        }
        switch (innermost()) {
            case ADA_GRAD:
                return Family.ADAGRAD;
            case ADAM:
                return Family.ADAM;
            case RMS_PROP:
                return Family.RMSPROP;
            default:
                break;
        }
        if (innermost().equals(REIN_ADA_GRAD)) {
            return Family.ADAGRAD;
        }
        if (innermost().equals(REIN_ADAM)) {
            return Family.ADAM;
        }
        if (innermost().equals(REIN_RMS_PROP)) {
            return Family.RMSPROP;
        }
        if (innermost().equals(REIN_FTRL)) {
            return Family.FTRL;
        }
        switch (innermost()) {
            case ADA_DELTA:
                return Family.ADADELTA;
            default:
                return Family.OTHER;
        }
    }

    /** The learning rate per step, as Tribuo 4.3.2 computes it (see {@link StepSchedule}). */
    private StepSchedule schedule() {
        double initial = number("initialLearningRate");
        if (hasMomentum()) {
            initial /= 1 - number("rho");
        }
        String c = innermost();
        if (c.equals(REIN_ADA_GRAD) || c.equals(REIN_ADAM)) {
            return StepSchedule.constant(initial);
        }
        if (c.equals(REIN_RMS_PROP)) {
            return StepSchedule.rmsProp(initial, number("decay"));
        }
        switch (c) {
            case SIMPLE_SGD:
            case ADA_GRAD:
            case ADAM:
                return StepSchedule.constant(initial);
            case LINEAR_DECAY_SGD:
                return StepSchedule.linear(initial);
            case SQRT_DECAY_SGD:
                return StepSchedule.sqrt(initial);
            case RMS_PROP:
                return StepSchedule.rmsProp(initial, number("decay"));
            default:
                return StepSchedule.unknown();
        }
    }

    /** Whether an optimiser of class {@code className} is anywhere in the chain. */
    boolean contains(String className) {
        return classNames.contains(className);
    }

    /** The class name of the optimiser that turns gradients into updates. */
    String innermost() {
        return classNames.get(classNames.size() - 1);
    }

    /** Whether the innermost optimiser is one of Tribuo's SGD schedules. */
    boolean isSgd() {
        String c = innermost();
        return c.equals(SIMPLE_SGD) || c.equals(LINEAR_DECAY_SGD) || c.equals(SQRT_DECAY_SGD);
    }

    /** Whether the innermost optimiser is SGD with standard or Nesterov momentum. */
    boolean hasMomentum() {
        Provenance p = innermost.getConfiguredParameters().get("useMomentum");
        return isSgd() && p != null && !"NONE".equals(((PrimitiveProvenance<?>) p).getValue().toString());
    }

    /** A configured number of the innermost optimiser, e.g. {@code "initialLearningRate"}; NaN when absent. */
    double number(String key) {
        Map<String, Provenance> config = innermost.getConfiguredParameters();
        Provenance p = config.get(key);
        if (p instanceof PrimitiveProvenance && ((PrimitiveProvenance<?>) p).getValue() instanceof Number) {
            return ((Number) ((PrimitiveProvenance<?>) p).getValue()).doubleValue();
        }
        return Double.NaN;
    }

    /**
     * Whether the innermost optimiser (the one that turns gradients into updates) multiplies the gradient by
     * {@code weight}, as Tribuo's SGD, AdaGrad, RMSProp, AdaGradRDA and Pegasos do. Optimisers Rein does not know
     * are assumed to follow that contract.
     */
    boolean scalesByWeight() {
        return !IGNORE_WEIGHT.contains(innermost());
    }

    /** The innermost optimiser's simple class name, for messages: {@code "AdaGrad"}. */
    String innermostName() {
        String c = innermost();
        return c.substring(c.lastIndexOf('.') + 1);
    }

    @Override
    public String toString() {
        return String.join(" > ", classNames);
    }
}
