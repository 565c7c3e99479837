package dev.rein.runtime.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.plan.OptimiserProfile.Family;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.Target;
import dev.rein.runtime.tribuo.TestTerms;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The plan on its own: no Tribuo optimiser, no parameters, only a profile of the optimiser. */
class RegularizationPlanTest {
    private static final OptimiserProfile SGD = profile(Family.SGD, false, false, StepSchedule.sqrt(0.1));
    private static final OptimiserProfile ADAGRAD = profile(Family.ADAGRAD, false, false, StepSchedule.constant(0.5));
    private static final OptimiserProfile ADAM = new OptimiserProfile("Adam", Family.ADAM, "Adam", false, false,
            false, StepSchedule.constant(0.01));
    private static final OptimiserProfile ADADELTA = profile(Family.ADADELTA, false, false, StepSchedule.unknown());

    private static OptimiserProfile profile(Family family, boolean momentum, boolean averaged,
            StepSchedule schedule) {
        return new OptimiserProfile(family.name(), family, family.name(), momentum, averaged, true, schedule);
    }

    private static Regularization l1AndL2() {
        return TestTerms.of(TestTerms.l1p(1e-3), TestTerms.l2(1e-2));
    }

    @Test
    void autoModesFollowTheTableForEachOptimiser() {
        assertEquals("l1=proximal, l2=coupled", RegularizationPlan.of(l1AndL2(), SGD, 1).modes());
        assertEquals("l1=decoupled, l2=decoupled", RegularizationPlan.of(l1AndL2(), ADAGRAD, 1).modes());
        assertEquals("l1=decoupled, l2=decoupled",
                RegularizationPlan.of(l1AndL2(), profile(Family.SGD, true, false, StepSchedule.constant(0.1)), 1)
                        .modes(), "momentum has no single step size");
        assertEquals("l1=coupled, l2=coupled", RegularizationPlan.of(l1AndL2(), ADADELTA, 1).modes(),
                "no rate to scale a decay by");
        assertEquals("l1=coupled, l2=coupled",
                RegularizationPlan.of(l1AndL2(), profile(Family.SGD, false, true, StepSchedule.constant(0.1)), 1)
                        .modes(), "averaging would undo exact zeros");
    }

    @Test
    void anOptimiserThatTellsEachWeightsStepSizeTakesProximalSteps() {
        OptimiserProfile reinAdaGrad = new OptimiserProfile("ReinAdaGrad", Family.ADAGRAD, "ReinAdaGrad", false,
                false, true, StepSchedule.constant(0.5), true);
        assertEquals("l1=cumulative, l2=cumulative", RegularizationPlan.of(l1AndL2(), reinAdaGrad, 1).modes(),
                "auto under Rein's AdaGrad: the whole elastic spec in AdaGrad's FTRL form");
        Regularization withConstraint = TestTerms.of(TestTerms.l1p(1e-3),
                TestTerms.maxNorm(3, dev.rein.runtime.spec.Target.WEIGHTS));
        assertEquals("l1=proximal", RegularizationPlan.of(withConstraint, reinAdaGrad, 1).modes(),
                "a constraint keeps AdaGrad's proximal steps");
        Regularization cauchy = TestTerms.of(TestTerms.l1p(1e-3), TestTerms.cauchy(1e-3));
        assertEquals("l1=proximal, cauchy=decoupled", RegularizationPlan.of(cauchy, reinAdaGrad, 1).modes(),
                "a penalty outside the elastic form keeps AdaGrad's proximal steps");
        Regularization l2Only = TestTerms.of(TestTerms.l2(1e-3));
        assertEquals("l2=cumulative", RegularizationPlan.of(l2Only, reinAdaGrad, 1).modes(),
                "L2 alone too: the same fixed point, at less cost");
        Regularization proximal = TestTerms.of(TestTerms.mode(TestTerms.l1p(1e-3), PenaltyMode.PROXIMAL));
        assertEquals("l1=proximal", RegularizationPlan.of(proximal, reinAdaGrad, 1).modes());
        OptimiserProfile averaged = new OptimiserProfile("avg", Family.ADAGRAD, "ReinAdaGrad", false, true, true,
                StepSchedule.constant(0.5), true);
        assertEquals("l1=decoupled, l2=decoupled", RegularizationPlan.of(l1AndL2(), averaged, 1).modes(),
                "averaging would undo exact zeros");
    }

    @Test
    void stepSizeIsTheRateTimesTheBatchSizeSquared() {
        RegularizationPlan plan = RegularizationPlan.of(l1AndL2(), SGD, 8);
        assertEquals(0.1 / 2 * 64, plan.stepSize(4), 1e-15);
        assertTrue(plan.knowsStepSize());
        assertTrue(Double.isNaN(RegularizationPlan.of(l1AndL2(), ADADELTA, 8).stepSize(1)));
    }

    @Test
    void theCoupledShareDividesByTheWeightOnlyForOptimisersThatMultiplyByIt() {
        assertEquals(16 / 0.5, RegularizationPlan.of(l1AndL2(), SGD, 4).coupledShare(0.5), 0.0);
        assertEquals(16, RegularizationPlan.of(l1AndL2(), ADAM, 4).coupledShare(0.5), 0.0);
        assertTrue(!RegularizationPlan.of(l1AndL2(), SGD, 4).moves(0.0), "weight 0 moves nothing under SGD");
        assertTrue(RegularizationPlan.of(l1AndL2(), ADAM, 4).moves(0.0), "Adam ignores the weight");
    }

    @Test
    void refusalsHappenWhenThePlanIsBuilt() {
        Regularization proximal = TestTerms.of(TestTerms.mode(TestTerms.l1p(1e-3), PenaltyMode.PROXIMAL));
        RegularizationRefusedException e = assertThrows(RegularizationRefusedException.class,
                () -> RegularizationPlan.of(proximal, ADAGRAD, 1));
        assertEquals("plan-proximal-needs-sgd", e.tag());
        assertTrue(e.getMessage().contains("'l1' asks for mode=proximal with ADAGRAD"), e.getMessage());
        assertEquals("plan-pegasos-penalty", assertThrows(RegularizationRefusedException.class,
                () -> RegularizationPlan.of(l1AndL2(), profile(Family.PEGASOS, false, false, StepSchedule.unknown()),
                        1)).tag());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> RegularizationPlan.of(l1AndL2(), SGD, 0));
        assertEquals(Optional.of("plan-minibatch-size"), ReinMessage.tagOf(size));
    }

    @Test
    void eachRunGetsHooksOfItsOwnAndThePlanStaysAsItWas() {
        BoundTerm cap = TestTerms.term("cap", Kind.CONSTRAINT, () -> new Constraint() {
            @Override
            public void project(ParameterBlock block) {
            }
        }, Map.of(),
                Target.WEIGHTS, PenaltyMode.AUTO);
        RegularizationPlan plan = RegularizationPlan.of(TestTerms.of(TestTerms.l2(0.1), cap), SGD, 1);
        RegularizationPlan run = plan.forRun();
        assertNotSame(plan.constraints().get(0).hook(), run.constraints().get(0).hook());
        assertNotSame(run.constraints().get(0).hook(), plan.forRun().constraints().get(0).hook());
        assertEquals(plan.modes(), run.modes());
        assertEquals(plan.describe(), run.describe());
        assertSame(plan.regularization(), run.regularization());
        assertEquals(List.of("l2: mode=auto chose coupled penalty on weights"
                + " (it has no proximal operator; under plain SGD coupled and decoupled are the same step)",
                "cap: constraint after each step on weights"), plan.describe());
    }
}
