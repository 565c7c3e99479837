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
 * @param perCoordinate  whether it tells each coordinate's step size ({@code dev.rein.runtime.optim.PerCoordinateStep},
 *                       Rein's own AdaGrad, RMSProp and Adam), so that a proximal step can use the optimiser's own
 *                       metric
 */
public record OptimiserProfile(String description, Family family, String simpleName, boolean momentum,
        boolean averaged, boolean scalesByWeight, StepSchedule schedule, boolean perCoordinate) {

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
        /**
         * Rein's FTRL-Proximal ({@code dev.rein.runtime.optim.ReinFtrl}): takes {@code λ₁|w| + (λ₂/2)w²} terms into
         * its closed form.
         */
        FTRL,
        /** Any optimiser Rein does not know. */
        OTHER
    }

    public OptimiserProfile {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(simpleName, "simpleName");
        Objects.requireNonNull(schedule, "schedule");
    }

    /** A profile of an optimiser that does not tell per-coordinate step sizes. */
    public OptimiserProfile(String description, Family family, String simpleName, boolean momentum,
            boolean averaged, boolean scalesByWeight, StepSchedule schedule) {
        this(description, family, simpleName, momentum, averaged, scalesByWeight, schedule, false);
    }

    /**
     * Whether a proximal step has a step size here: plain SGD (one number per step) or an optimiser that tells each
     * coordinate's, not under parameter averaging (whose final average would undo the exact zeros).
     */
    public boolean takesProximalSteps() {
        return (isPlainSgd() || perCoordinate) && !averaged;
    }

    /**
     * Whether every update is proportional to the learning rate with state that does not depend on it, so that
     * multiplying the update by {@code f} is exactly a step at rate {@code f·η} (a learning-rate schedule): SGD
     * without momentum, AdaGrad, RMSProp and Adam, not under parameter averaging. Momentum would carry each step's
     * rate into later steps; AdaDelta has no rate; Pegasos, RDA and FTRL keep the weights in their own form.
     */
    public boolean updateScalesWithRate() {
        boolean proportional = isPlainSgd() || family == Family.ADAGRAD || family == Family.ADAM
                || family == Family.RMSPROP;
        return proportional && !averaged;
    }

    /** SGD of any schedule without momentum: the one optimiser whose step size is one known number per step. */
    public boolean isPlainSgd() {
        return family == Family.SGD && !momentum;
    }
}
