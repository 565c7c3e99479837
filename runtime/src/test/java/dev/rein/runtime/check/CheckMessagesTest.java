package dev.rein.runtime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every check is named and tagged once; a result's tag follows from its name. */
class CheckMessagesTest {
    @Test
    void eachCheckHasItsTagAndName() {
        assertEquals("[check-gradient] gradient matches finite differences", CheckMessages.GRADIENT.toString());
        assertEquals("[check-prox-optimality] proximal satisfies (w - x)/step in [R'(x-), R'(x+)]",
                CheckMessages.PROX_OPTIMALITY.toString());
        assertEquals("[check-projection-idempotent] projection is idempotent and leaves feasible blocks untouched",
                CheckMessages.IDEMPOTENT.toString());
        assertEquals("[check-improving] never stops while the metric strictly improves",
                CheckMessages.IMPROVING.toString());
        assertEquals(ElementwisePenaltyChecks.GRADIENT, CheckMessages.GRADIENT.text(), "the checks use these names");
    }

    @Test
    void aResultsTagFollowsFromItsName() {
        assertEquals("check-block-gradient", CheckResult.fail(BlockPenaltyChecks.GRADIENT, "x").tag());
        assertEquals("check-metric", CheckResult.pass(StoppingRuleChecks.METRIC, "loss").tag());
        assertEquals("check-setup", CheckResult.fail(CheckMessages.setup("penalty").text(), "threw ...").tag());
        assertEquals("penalty checks", CheckMessages.setup("penalty").text());
        assertEquals("check-other", CheckResult.fail("my own check", "x").tag());
        assertEquals("FAIL  [check-other] my own check: x", CheckResult.fail("my own check", "x").toString());
    }

    @Test
    void namesAreDistinctSoThatANameGivesOneTag() {
        List<String> names = List.of(PluginChecker.DESCRIPTOR, PluginChecker.PARAMETERS, PluginChecker.CREATE,
                ElementwisePenaltyChecks.FINITE, ElementwisePenaltyChecks.GRADIENT,
                ElementwisePenaltyChecks.PROX_OPTIMALITY, ElementwisePenaltyChecks.PROX_MINIMUM,
                ElementwisePenaltyChecks.ARRAYS, ElementwisePenaltyChecks.CLOSED_FORM, BlockPenaltyChecks.GRADIENT,
                BlockPenaltyChecks.PROX, ConstraintChecks.IDEMPOTENT, ConstraintChecks.DETERMINISTIC,
                LayerChecks.ACTIVATION_EVAL, LayerChecks.ACTIVATION_TRAIN, LayerChecks.ACTIVATION_SEEDED,
                LayerChecks.NORMALIZATION_ARRAYS, LayerChecks.NORMALIZATION_INPUT, LayerChecks.NORMALIZATION_LEARNED,
                StoppingRuleChecks.METRIC, StoppingRuleChecks.IMPROVING);
        List<String> tags = names.stream().map(CheckMessages::tagOf).toList();
        assertEquals(names.size(), tags.stream().distinct().count(), tags::toString);
        assertEquals(List.of(), tags.stream().filter(t -> t.equals("check-other")).toList(), "every name is known");
    }
}
