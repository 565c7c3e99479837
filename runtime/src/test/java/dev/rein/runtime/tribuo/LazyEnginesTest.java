package dev.rein.runtime.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.spi.Kind;
import dev.rein.runtime.check.TestHooks;
import dev.rein.runtime.plan.PenaltyTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lazy histories against the steps they stand for, applied one by one, and which history a spec gets. */
class LazyEnginesTest {
    private static final double L2_COUPLED = 0.3;
    private static final double L1 = 0.02;
    private static final double L2_PROXIMAL = 0.5;

    @Test
    void closedFormOverThousandsOfMissedStepsIsTheSequentialComputation() {
        LazyEngine engine = elasticEngine();
        assertInstanceOf(SoftThresholdEngine.class, engine);
        double[][] w = weights(3.0, -0.02);
        double[] sequential = {3.0, -0.02};
        for (int t = 1; t <= 5000; t++) {
            double h = 0.01 / Math.sqrt(t);
            engine.record(h, null);
            for (int c = 0; c < 2; c++) {
                sequential[c] = oneElasticStep(sequential[c], h);
            }
        }
        assertEquals(sequential[0], engine.weight(w, 0, 0), 1e-12);
        assertEquals(0.0, engine.weight(w, 0, 1), 0.0, "clipped at zero and kept there");
        assertEquals(0.0, sequential[1], 0.0);
        assertTrue(sequential[0] > 0.1, "the large weight survives: " + sequential[0]);
    }

    @Test
    void strongShrinkageAsksForAFullCatchUpAndStaysExactAcrossIt() {
        LazyEngine engine = elasticEngine();
        double[][] w = weights(50.0, -20.0);
        double[] sequential = {50.0, -20.0};
        int fullCatchUps = 0;
        for (int t = 1; t <= 400; t++) {
            double h = 0.1;
            engine.record(h, null);
            for (int c = 0; c < 2; c++) {
                sequential[c] = oneElasticStep(sequential[c], h);
            }
            if (t % 7 == 0) {
                assertEquals(sequential[1], engine.weight(w, 0, 1), 1e-12 * Math.abs(sequential[1]) + 1e-15);
            }
            if (engine.needsCatchUpAll()) {
                engine.catchUpAll(w);
                fullCatchUps++;
            }
        }
        assertTrue(fullCatchUps > 0, "the cumulative scaling fell below e^-7 at least once");
        assertEquals(sequential[0], engine.weight(w, 0, 0), 1e-12 * Math.abs(sequential[0]) + 1e-300);
    }

    @Test
    void anL2StepThatWouldFlipSignsIsNotDeferred() {
        LazyEngine engine = elasticEngine();
        assertTrue(engine.canDefer(1 / L2_COUPLED - 1e-9));
        assertFalse(engine.canDefer(1 / L2_COUPLED));
    }

    @Test
    void eachSpecGetsTheHistoryOfItsKindRecognisedByProbingNotByName() {
        assertInstanceOf(ShrinkEngine.class, engine(List.of(term(TestTerms.l2(0.1), PenaltyMode.DECOUPLED))));
        assertInstanceOf(ReplayEngine.class, engine(List.of(term(TestTerms.cauchy(0.1), PenaltyMode.COUPLED))));
        assertInstanceOf(ReplayEngine.class, engine(List.of(term(TestTerms.l1(0.1), PenaltyMode.COUPLED))),
                "an L1 subgradient step is not monotone towards zero");
        assertInstanceOf(SoftThresholdEngine.class,
                engine(List.of(term(TestTerms.l1p(0.1), PenaltyMode.PROXIMAL))));
        assertInstanceOf(CumulativeL1Engine.class,
                engine(List.of(term(TestTerms.l1p(0.1), PenaltyMode.CUMULATIVE))));
        assertInstanceOf(ReplayEngine.class, engine(List.of(term(TestTerms.term("huber_like", Kind.PENALTY,
                TestHooks.huber(0.5, 10), Map.of(), Target.WEIGHTS, PenaltyMode.AUTO), PenaltyMode.DECOUPLED))),
                "L2 near zero, linear beyond |w| = 10: no closed form");
    }

    @Test
    void aRowCapTakesL2LikePenaltiesOnlyAndNothingCumulative() {
        List<PenaltyTerm> l2 = List.of(term(TestTerms.l2(0.1), PenaltyMode.DECOUPLED));
        assertInstanceOf(RowCapEngine.class, capped(l2, 3.0));
        assertInstanceOf(RowCapEngine.class, capped(List.of(), 3.0), "a cap alone");
        assertNull(capped(List.of(term(TestTerms.l1p(0.1), PenaltyMode.PROXIMAL)), 3.0),
                "L1 thresholds would differ per row");
        assertNull(capped(List.of(term(TestTerms.cauchy(0.1), PenaltyMode.COUPLED)), 3.0));
        assertNull(capped(List.of(term(TestTerms.l1p(0.1), PenaltyMode.CUMULATIVE)), 3.0));
    }

    @Test
    void aRowCapScalesTheRowOntoTheBallAfterTheUpdate() {
        LazyEngine engine = capped(List.of(), 1.0);
        double[][] w = {{0.6, 0.0, 0.0}};
        var update = new org.tribuo.math.la.DenseSparseMatrix(List.of(
            org.tribuo.math.la.SparseVector.createSparseVector(3, new int[] {0, 1}, new double[] {0.0, 0.8})));
        engine.record(0.1, update);
        assertEquals(-1, engine.addPending(w, update));
        assertEquals(0.6, engine.weight(w, 0, 0), 1e-15, "norm exactly 1: nothing to cap");
        update = new org.tribuo.math.la.DenseSparseMatrix(List.of(
            org.tribuo.math.la.SparseVector.createSparseVector(3, new int[] {0}, new double[] {0.6})));
        engine.record(0.1, update);
        engine.addPending(w, update);   // (1.2, 0.8): norm √2.08, scaled back to 1
        double norm = Math.hypot(engine.weight(w, 0, 0), engine.weight(w, 0, 1));
        assertEquals(1.0, norm, 1e-12);
        assertEquals(1.2 / 0.8, engine.weight(w, 0, 0) / engine.weight(w, 0, 1), 1e-12, "direction kept");
        engine.catchUpAll(w);
        assertEquals(1.0, Math.hypot(w[0][0], w[0][1]), 1e-12, "stored exactly after a fold");
    }

    @Test
    void aUsersPenaltyIsReplayedExactlyUpTo8MissedStepsAndFlowsWithinItsBoundBeyond() {
        TestTerms.Cauchy cauchy = new TestTerms.Cauchy(0.4);
        LazyEngine engine = engine(List.of(term(TestTerms.cauchy(0.4), PenaltyMode.COUPLED)));
        assertInstanceOf(ReplayEngine.class, engine);
        double[][] w = weights(2.0, 2.0);
        double exact = 2.0;
        for (int t = 1; t <= 1000; t++) {
            double h = 0.001;   // a constant rate: the flow matches the steps to second order (see PenaltyFlow)
            engine.record(h, null);
            exact -= h * cauchy.gradient(exact);
            if (t == ReplayEngine.REPLAY_UP_TO) {
                assertEquals(exact, engine.weight(w, 0, 0), 1e-15, "8 missed steps are replayed exactly");
            }
        }
        double flowed = engine.weight(w, 0, 1);   // 1000 missed steps: the flow over 998, the last 2 replayed
        assertEquals(exact, flowed, PenaltyFlow.RELATIVE_TOLERANCE * 2.0 + PenaltyFlow.ABSOLUTE_TOLERANCE);
        assertTrue(Math.abs(exact - 2.0) > 0.3, "the penalty moved the weight: " + exact);
        assertEquals(0, ((ReplayEngine) engine).replayedWeights(), "no weight needed a full replay");
    }

    @Test
    void aUsersProximalOperatorReachesItsExactZeroThroughTheReplayedTail() {
        // log penalty by its prox: a weight driven to zero is replayed (the flow cannot cross the kink) and stays 0
        LazyEngine engine = engine(List.of(term(FlowPenalties.term("log_l1", FlowPenalties.logL1(0.05, 0.1),
                PenaltyMode.PROXIMAL), PenaltyMode.PROXIMAL)));
        assertInstanceOf(ReplayEngine.class, engine);
        double[][] w = weights(0.05, 3.0);
        double[] exact = {0.05, 3.0};
        for (int t = 1; t <= 500; t++) {
            engine.record(0.01, null);
            for (int c = 0; c < 2; c++) {
                exact[c] = FlowPenalties.logProx(exact[c], 0.01, 0.05, 0.1);
            }
        }
        assertEquals(0.0, exact[0], 0.0);
        assertEquals(0.0, engine.weight(w, 0, 0), 0.0, "exactly zero, as the steps give it");
        assertEquals(exact[1], engine.weight(w, 0, 1), PenaltyFlow.RELATIVE_TOLERANCE * 3.0
                + PenaltyFlow.ABSOLUTE_TOLERANCE);
    }

    @Test
    void aStiffPenaltyIsReplayedStepByStepNotMergedIntoAWrongChunk() {
        // Huber-like with λ = 1: (1/2)w² for |w| <= 10, so 1000 steps of h = 0.05 multiply w by 0.95 each. Steps
        // that large leave the flow's second-order match of them about 5e-3 off, far beyond its bound: replayed.
        LazyEngine engine = engine(List.of(term(TestTerms.term("huber_like", Kind.PENALTY, TestHooks.huber(1.0, 10),
                Map.of(), Target.WEIGHTS, PenaltyMode.AUTO), PenaltyMode.COUPLED)));
        assertInstanceOf(ReplayEngine.class, engine);
        double[][] w = weights(2.0, -3.0);
        double[] exact = {2.0, -3.0};
        for (int t = 1; t <= 1000; t++) {
            engine.record(0.05, null);
            for (int c = 0; c < 2; c++) {
                exact[c] -= 0.05 * exact[c];
            }
        }
        List<String> warnings;
        try (LogCapture log = LogCapture.of(ReplayEngine.class)) {
            for (int c = 0; c < 2; c++) {
                assertEquals(exact[c], engine.weight(w, 0, c), 1e-12 * Math.abs(exact[c]), "weight " + c);
            }
            warnings = log.messages();
        }
        assertEquals(2, ((ReplayEngine) engine).replayedWeights(), "both weights were replayed");
        assertEquals(1, warnings.size(), "said once: " + warnings);
        assertTrue(warnings.get(0).startsWith("[tribuo-flow-replayed] Spec 'test'"), warnings.get(0));
    }

    // ---- helpers

    /** Coupled (λ/2)w², then proximal λ₁|w| and proximal (λ₂/2)w², on a 1 x 2 weight block. */
    private static LazyEngine elasticEngine() {
        return engine(List.of(term(TestTerms.l2(L2_COUPLED), PenaltyMode.COUPLED),
                term(TestTerms.l1p(L1), PenaltyMode.PROXIMAL), term(TestTerms.l2p(L2_PROXIMAL), PenaltyMode.PROXIMAL)));
    }

    private static double oneElasticStep(double w, double h) {
        double v = w - h * L2_COUPLED * w;
        double t = h * L1;
        v = v > t ? v - t : v < -t ? v + t : 0.0;
        return v / (1 + h * L2_PROXIMAL);
    }

    private static PenaltyTerm term(dev.rein.runtime.spec.BoundTerm t, PenaltyMode mode) {
        return new PenaltyTerm(t, mode);
    }

    /** The values of a 1 x 3 matrix: two weights and the bias column. */
    private static double[][] weights(double a, double b) {
        return new double[][] {{a, b, 0}};
    }

    /** An engine for two weights under {@code terms}, bias not penalized. */
    private static LazyEngine engine(List<PenaltyTerm> terms) {
        return capped(terms, Double.POSITIVE_INFINITY);
    }

    /** As {@link #engine}, with each row's norm capped at {@code cap}. */
    private static LazyEngine capped(List<PenaltyTerm> terms, double cap) {
        return LazyEngines.of(1, 2, LazyTerms.of(terms), LazyTerms.of(List.of()), cap, "test");
    }
}
