package dev.rein.runtime.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.SGD;

/** {@code -Drein.exact=true}: every optimiser created under it trains what eager steps train, bit for bit. */
class ExactSwitchTest {
    private static double[] train(MutableDataset<Label> data, Regularization reg, Boolean eager) {
        RegularizedOptimiser opt = new RegularizedOptimiser(SGD.getSimpleSGD(0.02), reg, 1);
        if (eager != null) {
            opt.eagerOnly = eager;
        }
        return LazyTest.flat(new LinearSGDTrainer(new LogMulticlass(), opt, 2, -1, 1, 4L).train(data)
                .getWeightsCopy());
    }

    @Test
    void thePropertyTurnsEveryLazyPathOff() {
        MutableDataset<Label> data = LazyTest.sparseClassification(2000, 40, 20, 12L);
        Regularization reg = TestTerms.of(FlowPenalties.term("user", FlowPenalties.logCosh(5e-3),
                PenaltyMode.COUPLED));
        double[] eager = train(data, reg, true);
        double[] lazy = train(data, reg, false);
        String before = System.getProperty(RegularizedOptimiser.EXACT_PROPERTY);
        double[] exact;
        try {
            System.setProperty(RegularizedOptimiser.EXACT_PROPERTY, "true");
            exact = train(data, reg, null);
        } finally {
            if (before == null) {
                System.clearProperty(RegularizedOptimiser.EXACT_PROPERTY);
            } else {
                System.setProperty(RegularizedOptimiser.EXACT_PROPERTY, before);
            }
        }
        assertArrayEquals(eager, exact, 0.0, "the switch trains the eager model");
        assertTrue(DeferredStepsTest.maxDifference(eager, lazy) > 0, "the lazy path differs, so the test can fail");
        assertArrayEquals(lazy, train(data, reg, null), 0.0, "without the property: lazy, as before");
    }
}
