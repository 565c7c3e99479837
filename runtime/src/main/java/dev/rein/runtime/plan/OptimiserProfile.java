package dev.rein.runtime.plan;

import java.util.Objects;

/**
 * What a regularization plan needs to know about the optimiser it runs under, without Tribuo's types: its family,
 * momentum, whether it is wrapped in parameter averaging, whether it scales the gradient by the example weight, and
 * its step-size schedule. Rein reads a profile from a Tribuo optimiser's provenance
 * ({@code dev.rein.runtime.tribuo.OptimiserChain}); a test or another trainer builds one directly:
 *
 * <pre>{@code
 * var sgd = new OptimiserProfile("SGD(η=0.1)", OptimiserProfile.Family.SGD, "SGD", false, false, true,
 *         StepSchedule.constant(0.1));
 * RegularizationPlan plan = RegularizationPlan.of(regularization, sgd, 1);
 * }</pre>
 *
 * @param description    the optimiser as its {@code toString} shows it, for messages
 * @param family         the kind of the optimiser that turns gradients into updates (the innermost one)
 * @param simpleName     that optimiser's simple class name, for messages: {@code "AdaGrad"}
 * @param momentum       whether it is SGD with standard or Nesterov momentum
 * @param averaged       whether parameter averaging wraps it
 * @param scalesByWeight whether it multiplies the gradient by the step's example weight (Tribuo's SGD, AdaGrad and
 *                       RMSProp do; Adam and AdaDelta do not)
 * @param schedule       its learning rate per step, {@link StepSchedule#unknown()} when Rein cannot read one
 */
public record OptimiserProfile(String description, Family family, String simpleName, boolean momentum,
        boolean averaged, boolean scalesByWeight, StepSchedule schedule) {

    /** The optimiser families Rein tells apart. */
    public enum Family {
        /** Tribuo's SGD, any schedule. */
        SGD,
        ADAGRAD,
        ADAM,
        RMSPROP,
        ADADELTA,
        /** Keeps the weights in its own shrinking matrix and applies its own L2. */
        PEGASOS,
        /** Keeps the weights in its own dual-averaging matrix and applies its own L1 and L2. */
        ADAGRAD_RDA,
        /** Any optimiser Rein does not know. */
        OTHER
    }

    public OptimiserProfile {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(simpleName, "simpleName");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** SGD of any schedule without momentum: the one optimiser whose step size is one known number per step. */
    public boolean isPlainSgd() {
        return family == Family.SGD && !momentum;
    }
}
