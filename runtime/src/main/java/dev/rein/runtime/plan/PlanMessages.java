package dev.rein.runtime.plan;

import dev.rein.api.spi.Kind;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.spec.BoundTerm;

/**
 * Every message the plan package gives, worded in one place: the refusals of a spec that cannot be right under an
 * optimiser, each saying what to use instead, and the warning about a closed form Rein ignores. Each has a tag
 * starting with {@code plan-} ({@code docs/messages.md} lists them); tests assert the tags, and
 * {@code PlanMessagesTest} the exact words.
 *
 * <pre>{@code
 * PlanMessages.pegasosPenalty("l2", "Pegasos(baseRate=0.1,lambda=0.01)");
 * // [plan-pegasos-penalty] Penalty 'l2' cannot wrap Pegasos(baseRate=0.1,lambda=0.01): Pegasos already applies L2
 * // through its lambda. Use Pegasos's lambda alone, or wrap another optimiser (e.g. SGD.getLinearDecaySGD) with 'l2'
 * }</pre>
 */
final class PlanMessages {
    private PlanMessages() {
    }

    // --- building a plan ---

    static ReinMessage minibatchSize(int minibatchSize) {
        return ReinMessage.of("plan-minibatch-size", "minibatchSize is " + minibatchSize + "; it must be the"
                + " trainer's mini-batch size, at least 1");
    }

    /** {@code kind} is {@link Kind#ACTIVATION} or {@link Kind#NORMALIZATION}. */
    static ReinMessage layerNeedsNetwork(String term, Kind kind) {
        String name = "'" + term + "'";
        return ReinMessage.of("plan-layer-needs-network", "Term " + name + " is " + (kind == Kind.ACTIVATION
                ? "an activation regularizer" : "a normalization layer") + ", which needs a network with layers;"
                + " Tribuo's linear and factorization-machine trainers have none: use Rein's network trainer, or"
                + " remove " + name + " from the spec");
    }

    static ReinMessage pegasosPenalty(String term, String optimiser) {
        return ReinMessage.of("plan-pegasos-penalty", "Penalty '" + term + "' cannot wrap " + optimiser + ": Pegasos"
                + " already applies L2 through its lambda. Use Pegasos's lambda alone, or wrap another optimiser"
                + " (e.g. SGD.getLinearDecaySGD) with '" + term + "'");
    }

    static ReinMessage pegasosConstraint(String term, String optimiser) {
        return ReinMessage.of("plan-pegasos-constraint", "Constraint '" + term + "' cannot wrap " + optimiser
                + ": Pegasos keeps the weights in its own shrinking matrix, which a projection cannot reach. Wrap"
                + " another optimiser (e.g. SGD or AdaGrad) instead");
    }

    /** {@code penalty} says whether the term is a penalty (else a constraint). */
    static ReinMessage adaGradRda(String term, boolean penalty, String optimiser) {
        return ReinMessage.of("plan-adagrad-rda", (penalty ? "Penalty '" : "Constraint '") + term + "' cannot wrap "
                + optimiser + ": AdaGradRDA keeps the weights in its own dual-averaging matrix and applies its own"
                + " l1 and l2. Use AdaGradRDA's l1/l2 options, or wrap another optimiser (e.g. AdaGrad) with '"
                + term + "'");
    }

    static ReinMessage ftrlNeedsElastic(String term, String optimiser) {
        return ReinMessage.of("plan-ftrl-needs-elastic", "Penalty '" + term + "' cannot run under " + optimiser
                + ": FTRL takes only penalties of the form λ₁|w| + (λ₂/2)w² (l1, l2, elastic_net, or a plugin that"
                + " declares @ClosedForm) into its closed form. For '" + term + "' use --optimiser adagrad (Rein's"
                + " AdaGrad, dev.rein.runtime.optim.ReinAdaGrad)");
    }

    static ReinMessage ftrlMode(String term, String mode, String optimiser) {
        return ReinMessage.of("plan-ftrl-mode", "Penalty '" + term + "' asks for mode=" + mode + " under "
                + optimiser + ", which applies l1 and l2 in its own closed form: use mode=auto (or mode=proximal,"
                + " the same), or another optimiser (adagrad) for mode=" + mode);
    }

    static ReinMessage ftrlConstraint(String term, String optimiser) {
        return ReinMessage.of("plan-ftrl-constraint", "Constraint '" + term + "' cannot wrap " + optimiser
                + ": FTRL computes every weight afresh from its own state, so a projection would be undone at the"
                + " next step. Use --optimiser adagrad (Rein's AdaGrad) with '" + term + "'");
    }

    static ReinMessage ftrlAveraged(String term, String optimiser) {
        return ReinMessage.of("plan-ftrl-averaged", "Penalty '" + term + "' cannot run under " + optimiser
                + ": parameter averaging would undo FTRL's exact zeros. Use FTRL without ParameterAveraging");
    }

    /** {@code proximalTerm} is the L1 term that runs in mode=proximal next to a cumulative one. */
    static ReinMessage mixedL1Modes(String spec, String proximalTerm) {
        return ReinMessage.of("plan-mixed-l1-modes", "'" + spec + "' pays one L1 penalty cumulatively and"
                + " soft-thresholds another (" + proximalTerm + " runs in mode=proximal): give " + proximalTerm
                + " mode=cumulative too, or neither");
    }

    static ReinMessage notAPenalty(String term, Kind kind) {
        return ReinMessage.of("plan-not-a-penalty", "Term '" + term + "' is a " + kind.displayName()
                + ", not a penalty");
    }

    // --- the mode a penalty asks for (ModeChoice) ---

    static ReinMessage decoupledNeedsRate(BoundTerm term, OptimiserProfile optimiser) {
        String why = optimiser.family() == OptimiserProfile.Family.ADADELTA
                ? "AdaDelta has no learning rate to scale a decoupled decay by"
                : "Rein cannot read a learning rate from " + optimiser.simpleName() + " (it knows Tribuo's SGD,"
                        + " AdaGrad, RMSProp and Adam) to scale a decoupled decay by";
        return ReinMessage.of("plan-decoupled-needs-rate", asks(term, optimiser) + why + ": use mode=coupled");
    }

    static ReinMessage proximalNeedsProx(BoundTerm term, OptimiserProfile optimiser) {
        return ReinMessage.of("plan-proximal-needs-prox", asks(term, optimiser) + "its plugin has no proximal"
                + " operator: use mode=coupled or mode=decoupled, or give the plugin a @Proximal method");
    }

    static ReinMessage proximalAveraged(BoundTerm term, OptimiserProfile optimiser) {
        return ReinMessage.of("plan-proximal-averaged", asks(term, optimiser) + "ParameterAveraging's final average"
                + " of the iterates would undo the exact zeros of proximal steps: drop ParameterAveraging, or use"
                + " mode=coupled or mode=decoupled");
    }

    static ReinMessage proximalNeedsSgd(BoundTerm term, OptimiserProfile optimiser) {
        return ReinMessage.of("plan-proximal-needs-sgd", asks(term, optimiser)
                + noSingleStep(optimiser, "a proximal step")
                + ": use SGD without momentum, or Rein's own AdaGrad, RMSProp or Adam (dev.rein.runtime.optim), for"
                + " exact zeros, or mode=decoupled or mode=coupled");
    }

    static ReinMessage blockProxNeedsOneStep(String term) {
        return ReinMessage.of("plan-block-prox-one-step", "Penalty '" + term + "' is a block penalty, whose proximal"
                + " operator takes one step size for the whole block; it was asked for a step size per weight, which"
                + " the plan refuses before training (this is a bug in Rein, please report it)");
    }

    static ReinMessage proximalBlockNeedsSgd(BoundTerm term, OptimiserProfile optimiser) {
        return ReinMessage.of("plan-proximal-block-needs-sgd", asks(term, optimiser) + "its proximal operator"
                + " takes one step size for the whole block, and " + optimiser.simpleName() + " gives every weight"
                + " its own: use SGD without momentum, or mode=decoupled or mode=coupled");
    }

    static ReinMessage cumulativeNeedsL1(BoundTerm term, OptimiserProfile optimiser) {
        return ReinMessage.of("plan-cumulative-needs-l1", asks(term, optimiser) + "cumulative mode pays an L1"
                + " penalty, and this one is not of the form λ₁|w| + (λ₂/2)w² with λ₁ > 0 (l1 and elastic_net"
                + " are): use mode=proximal, coupled or decoupled");
    }

    static ReinMessage cumulativeOnBias(BoundTerm term, OptimiserProfile optimiser) {
        return ReinMessage.of("plan-cumulative-on-bias", asks(term, optimiser) + "cumulative mode applies to the"
                + " weights only: drop on=" + term.target().specName());
    }

    static ReinMessage cumulativeAveraged(BoundTerm term, OptimiserProfile optimiser) {
        return ReinMessage.of("plan-cumulative-averaged", asks(term, optimiser) + "ParameterAveraging's final"
                + " average of the iterates would undo its zeros: drop ParameterAveraging, or use mode=coupled or"
                + " mode=decoupled");
    }

    static ReinMessage cumulativeNeedsSgd(BoundTerm term, OptimiserProfile optimiser) {
        return ReinMessage.of("plan-cumulative-needs-sgd", asks(term, optimiser)
                + noSingleStep(optimiser, "a cumulative penalty") + ": use SGD without momentum or Rein's AdaGrad"
                + " (dev.rein.runtime.optim.ReinAdaGrad), or mode=decoupled");
    }

    static ReinMessage cumulativeAdaGradNeedsElastic(BoundTerm term, OptimiserProfile optimiser) {
        return ReinMessage.of("plan-cumulative-adagrad-needs-elastic", asks(term, optimiser) + "under AdaGrad,"
                + " cumulative mode charges penalties of the form λ₁|w| + (λ₂/2)w² (l1, l2, elastic_net, or a plugin"
                + " declaring @ClosedForm) on the accumulated gradients, and this one is not of that form: use"
                + " mode=proximal or mode=decoupled");
    }

    /** {@code other} is a constraint, or a penalty in a mode other than cumulative, next to a cumulative term. */
    static ReinMessage cumulativeAdaGradWholeSpec(String spec, String cumulativeTerm, String other,
            String otherMode) {
        return ReinMessage.of("plan-cumulative-adagrad-whole-spec", "In '" + spec + "', '" + cumulativeTerm
                + "' runs in mode=cumulative under AdaGrad, which trains the whole spec as FTRL-Proximal in"
                + " AdaGrad's metric, but '" + other + "' " + (otherMode == null ? "is a constraint"
                : "runs in mode=" + otherMode) + ", which that form cannot apply: " + (otherMode == null
                ? "give '" + cumulativeTerm + "' mode=proximal (or leave it to auto), or drop '" + other + "'"
                : "give every penalty mode=cumulative (or leave it to auto), or give '" + cumulativeTerm
                        + "' mode=proximal"));
    }

    /** {@code "Penalty 'l1' asks for mode=proximal with AdaGrad(...), but "}. */
    private static String asks(BoundTerm term, OptimiserProfile optimiser) {
        return "Penalty '" + term.name() + "' asks for mode=" + term.mode().specName() + " with "
                + optimiser.description() + ", but ";
    }

    /** Why {@code what} (a proximal step, a cumulative penalty) has no single step size here. */
    private static String noSingleStep(OptimiserProfile optimiser, String what) {
        if (optimiser.momentum()) {
            return "SGD with momentum steps along a running sum of past gradients, so no single step size makes "
                    + what + " consistent with the objective";
        }
        switch (optimiser.family()) {
            case ADAGRAD:
            case ADAM:
            case RMSPROP:
            case ADADELTA:
                return optimiser.simpleName() + " gives every weight its own step size from private state, which "
                        + what + " would need";
            default:
                return "Rein does not know the step size " + optimiser.simpleName() + " takes";
        }
    }

    // --- closed forms (ElasticForm) ---

    /** The warning logged once per class; {@code why} is one of the reasons below. */
    static ReinMessage closedFormIgnored(String penaltyClass, String why) {
        return ReinMessage.of("plan-closed-form-ignored", "Rein ignores the closed form declared by " + penaltyClass
                + ": " + why + ". Its weights are caught up by replay instead (correct, slower); fix its"
                + " @ClosedForm method or its @Penalty, and run rein check on the plugin to see the difference.");
    }

    static String closedFormThrew(RuntimeException e) {
        return "its closedForm() threw " + e;
    }

    static String closedFormDisagrees(Object declared, String difference) {
        return "it declares " + declared + ", but " + difference;
    }

    static String valueDiffers(double w, double value, double form) {
        return "at w = " + w + " R(w) = " + value + " where the form gives " + form;
    }

    /** {@code form} is the form's gradient, or in words the subgradients it allows at 0. */
    static String gradientDiffers(double w, double gradient, String form) {
        return "at w = " + w + " R'(w) = " + gradient + " where the form gives " + form;
    }
}
