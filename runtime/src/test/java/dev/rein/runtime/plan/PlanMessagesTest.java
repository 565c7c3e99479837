package dev.rein.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rein.api.spi.Kind;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.plan.OptimiserProfile.Family;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Target;
import dev.rein.runtime.tribuo.TestTerms;
import org.junit.jupiter.api.Test;

/** The exact words of every plan message: the refusal tests assert tags and the names a message gives. */
class PlanMessagesTest {
    private static final String SGD_TEXT = "SGD(type=Constant,initialLearningRate=0.1)";
    private static final OptimiserProfile SGD = profile(SGD_TEXT, Family.SGD, "SGD", false, false,
            StepSchedule.constant(0.1));
    private static final OptimiserProfile MOMENTUM = profile("SGD+Momentum(rho=0.9)", Family.SGD, "SGD", true, false,
            StepSchedule.constant(0.1));
    private static final OptimiserProfile ADAGRAD = profile("AdaGrad(initialLearningRate=0.1)", Family.ADAGRAD,
            "AdaGrad", false, false, StepSchedule.constant(0.1));
    private static final OptimiserProfile ADADELTA = profile("AdaDelta(rho=0.95,epsilon=1.0E-6)", Family.ADADELTA,
            "AdaDelta", false, false, StepSchedule.unknown());
    private static final OptimiserProfile HIDDEN = profile("HiddenPegasos", Family.OTHER, "HiddenPegasos", false,
            false, StepSchedule.unknown());
    private static final OptimiserProfile AVERAGED = profile("ParameterAveraging(optimiser=" + SGD_TEXT + ")",
            Family.SGD, "SGD", false, true, StepSchedule.constant(0.1));

    private static OptimiserProfile profile(String description, Family family, String simpleName, boolean momentum,
            boolean averaged, StepSchedule schedule) {
        return new OptimiserProfile(description, family, simpleName, momentum, averaged, true, schedule);
    }

    private static BoundTerm l1(PenaltyMode mode) {
        return TestTerms.mode(TestTerms.l1p(0.1), mode);
    }

    @Test
    void buildingAPlan() {
        assertMessage("[plan-minibatch-size] minibatchSize is 0; it must be the trainer's mini-batch size, at least 1",
                PlanMessages.minibatchSize(0));
        assertMessage("[plan-layer-needs-network] Term 'dropout' is an activation regularizer, which needs a network"
                + " with layers; Tribuo's linear and factorization-machine trainers have none: use Rein's network"
                + " trainer, or remove 'dropout' from the spec", PlanMessages.layerNeedsNetwork("dropout",
                        Kind.ACTIVATION));
        assertMessage("[plan-layer-needs-network] Term 'batch_norm' is a normalization layer, which needs a network"
                + " with layers; Tribuo's linear and factorization-machine trainers have none: use Rein's network"
                + " trainer, or remove 'batch_norm' from the spec", PlanMessages.layerNeedsNetwork("batch_norm",
                        Kind.NORMALIZATION));
        assertMessage("[plan-pegasos-penalty] Penalty 'l2' cannot wrap Pegasos(baseRate=0.1,lambda=0.01): Pegasos"
                + " already applies L2 through its lambda. Use Pegasos's lambda alone, or wrap another optimiser"
                + " (e.g. SGD.getLinearDecaySGD) with 'l2'",
                PlanMessages.pegasosPenalty("l2", "Pegasos(baseRate=0.1,lambda=0.01)"));
        assertMessage("[plan-pegasos-constraint] Constraint 'max_norm' cannot wrap Pegasos(baseRate=0.1,lambda=0.01):"
                + " Pegasos keeps the weights in its own shrinking matrix, which a projection cannot reach. Wrap"
                + " another optimiser (e.g. SGD or AdaGrad) instead",
                PlanMessages.pegasosConstraint("max_norm", "Pegasos(baseRate=0.1,lambda=0.01)"));
        assertMessage("[plan-adagrad-rda] Penalty 'l1' cannot wrap AdaGradRDA(initialLearningRate=0.1,"
                + "epsilon=1.0E-6,l1=0.0,l2=0.0): AdaGradRDA keeps the weights in its own dual-averaging matrix and"
                + " applies its own l1 and l2. Use AdaGradRDA's l1/l2 options, or wrap another optimiser (e.g."
                + " AdaGrad) with 'l1'", PlanMessages.adaGradRda("l1", true,
                        "AdaGradRDA(initialLearningRate=0.1,epsilon=1.0E-6,l1=0.0,l2=0.0)"));
        assertMessage("[plan-adagrad-rda] Constraint 'max_norm' cannot wrap AdaGradRDA(): AdaGradRDA keeps the"
                + " weights in its own dual-averaging matrix and applies its own l1 and l2. Use AdaGradRDA's l1/l2"
                + " options, or wrap another optimiser (e.g. AdaGrad) with 'max_norm'",
                PlanMessages.adaGradRda("max_norm", false, "AdaGradRDA()"));
        assertMessage("[plan-mixed-l1-modes] 'l1(lambda=0.1) + l1(lambda=0.2, mode=cumulative)' pays one L1 penalty"
                + " cumulatively and soft-thresholds another (l1 runs in mode=proximal): give l1 mode=cumulative"
                + " too, or neither",
                PlanMessages.mixedL1Modes("l1(lambda=0.1) + l1(lambda=0.2, mode=cumulative)", "l1"));
        assertMessage("[plan-not-a-penalty] Term 'max_norm' is a constraint, not a penalty",
                PlanMessages.notAPenalty("max_norm", Kind.CONSTRAINT));
    }

    @Test
    void modesAnOptimiserCannotDo() {
        BoundTerm l2 = TestTerms.mode(TestTerms.l2(0.1), PenaltyMode.DECOUPLED);
        assertMessage("[plan-decoupled-needs-rate] Penalty 'l2' asks for mode=decoupled with"
                + " AdaDelta(rho=0.95,epsilon=1.0E-6), but AdaDelta has no learning rate to scale a decoupled decay"
                + " by: use mode=coupled", PlanMessages.decoupledNeedsRate(l2, ADADELTA));
        assertMessage("[plan-decoupled-needs-rate] Penalty 'l2' asks for mode=decoupled with HiddenPegasos, but Rein"
                + " cannot read a learning rate from HiddenPegasos (it knows Tribuo's SGD, AdaGrad, RMSProp and"
                + " Adam) to scale a decoupled decay by: use mode=coupled", PlanMessages.decoupledNeedsRate(l2, HIDDEN));
        assertMessage("[plan-proximal-needs-prox] Penalty 'l1' asks for mode=proximal with " + SGD_TEXT + ", but its"
                + " plugin has no proximal operator: use mode=coupled or mode=decoupled, or give the plugin a"
                + " @Proximal method", PlanMessages.proximalNeedsProx(l1(PenaltyMode.PROXIMAL), SGD));
        assertMessage("[plan-proximal-averaged] Penalty 'l1' asks for mode=proximal with ParameterAveraging(optimiser="
                + SGD_TEXT + "), but ParameterAveraging's final average of the iterates would undo the exact zeros of"
                + " proximal steps: drop ParameterAveraging, or use mode=coupled or mode=decoupled",
                PlanMessages.proximalAveraged(l1(PenaltyMode.PROXIMAL), AVERAGED));
        assertMessage("[plan-proximal-needs-sgd] Penalty 'l1' asks for mode=proximal with"
                + " AdaGrad(initialLearningRate=0.1), but AdaGrad gives every weight its own step size from private"
                + " state, which a proximal step would need: use SGD without momentum, or Rein's own AdaGrad,"
                + " RMSProp or Adam (dev.rein.runtime.optim), for exact zeros, or mode=decoupled or mode=coupled", PlanMessages.proximalNeedsSgd(l1(PenaltyMode.PROXIMAL), ADAGRAD));
        assertMessage("[plan-proximal-needs-sgd] Penalty 'l1' asks for mode=proximal with SGD+Momentum(rho=0.9), but"
                + " SGD with momentum steps along a running sum of past gradients, so no single step size makes a"
                + " proximal step consistent with the objective: use SGD without momentum, or Rein's own AdaGrad,"
                + " RMSProp or Adam (dev.rein.runtime.optim), for exact zeros, or mode=decoupled or mode=coupled", PlanMessages.proximalNeedsSgd(l1(PenaltyMode.PROXIMAL), MOMENTUM));
        assertMessage("[plan-proximal-needs-sgd] Penalty 'l1' asks for mode=proximal with HiddenPegasos, but Rein does"
                + " not know the step size HiddenPegasos takes: use SGD without momentum, or Rein's own AdaGrad,"
                + " RMSProp or Adam (dev.rein.runtime.optim), for exact zeros, or mode=decoupled or mode=coupled",
                PlanMessages.proximalNeedsSgd(l1(PenaltyMode.PROXIMAL), HIDDEN));
        assertMessage("[plan-proximal-block-needs-sgd] Penalty 'l1' asks for mode=proximal with"
                + " AdaGrad(initialLearningRate=0.1), but its proximal operator takes one step size for the whole"
                + " block, and AdaGrad gives every weight its own: use SGD without momentum, or mode=decoupled or"
                + " mode=coupled", PlanMessages.proximalBlockNeedsSgd(l1(PenaltyMode.PROXIMAL), ADAGRAD));
        assertMessage("[plan-block-prox-one-step] Penalty 'group' is a block penalty, whose proximal operator takes"
                + " one step size for the whole block; it was asked for a step size per weight, which the plan refuses"
                + " before training (this is a bug in Rein, please report it)",
                PlanMessages.blockProxNeedsOneStep("group"));
    }

    @Test
    void cumulativeMode() {
        BoundTerm l2 = TestTerms.mode(TestTerms.l2(0.1), PenaltyMode.CUMULATIVE);
        assertMessage("[plan-cumulative-needs-l1] Penalty 'l2' asks for mode=cumulative with " + SGD_TEXT + ", but"
                + " cumulative mode pays an L1 penalty, and this one is not of the form λ₁|w| + (λ₂/2)w² with λ₁ > 0"
                + " (l1 and elastic_net are): use mode=proximal, coupled or decoupled",
                PlanMessages.cumulativeNeedsL1(l2, SGD));
        BoundTerm onAll = new BoundTerm(TestTerms.l1p(0.1).plugin(), TestTerms.l1p(0.1).arguments(),
                TestTerms.l1p(0.1).hook(), Target.ALL, PenaltyMode.CUMULATIVE, TestTerms.l1p(0.1).after());
        assertMessage("[plan-cumulative-on-bias] Penalty 'l1' asks for mode=cumulative with " + SGD_TEXT + ", but"
                + " cumulative mode applies to the weights only: drop on=all", PlanMessages.cumulativeOnBias(onAll, SGD));
        assertMessage("[plan-cumulative-averaged] Penalty 'l1' asks for mode=cumulative with"
                + " ParameterAveraging(optimiser=" + SGD_TEXT + "), but ParameterAveraging's final average of the"
                + " iterates would undo its zeros: drop ParameterAveraging, or use mode=coupled or mode=decoupled",
                PlanMessages.cumulativeAveraged(l1(PenaltyMode.CUMULATIVE), AVERAGED));
        assertMessage("[plan-cumulative-needs-sgd] Penalty 'l1' asks for mode=cumulative with"
                + " AdaGrad(initialLearningRate=0.1), but AdaGrad gives every weight its own step size from private"
                + " state, which a cumulative penalty would need: use SGD without momentum or Rein's AdaGrad"
                + " (dev.rein.runtime.optim.ReinAdaGrad), or mode=decoupled",
                PlanMessages.cumulativeNeedsSgd(l1(PenaltyMode.CUMULATIVE), ADAGRAD));
    }

    @Test
    void closedForms() {
        String why = PlanMessages.closedFormDisagrees("λ₁ = 0.0, λ₂ = 0.5",
                PlanMessages.valueDiffers(100.0, 475.0, 2500.0));
        assertMessage("[plan-closed-form-ignored] Rein ignores the closed form declared by com.example.Huber: it"
                + " declares λ₁ = 0.0, λ₂ = 0.5, but at w = 100.0 R(w) = 475.0 where the form gives 2500.0. Its"
                + " weights are caught up by replay instead (correct, slower); fix its @ClosedForm method or its"
                + " @Penalty, and run rein check on the plugin to see the difference.",
                PlanMessages.closedFormIgnored("com.example.Huber", why));
        assertEquals("at w = 0.0 R'(w) = 2.0 where the form gives a value in [-1.0, 1.0]",
                PlanMessages.gradientDiffers(0.0, 2.0, "a value in [-1.0, 1.0]"));
        assertEquals("its closedForm() threw java.lang.IllegalArgumentException: no form",
                PlanMessages.closedFormThrew(new IllegalArgumentException("no form")));
    }

    private static void assertMessage(String expected, ReinMessage actual) {
        assertEquals(expected, actual.toString());
    }
}
