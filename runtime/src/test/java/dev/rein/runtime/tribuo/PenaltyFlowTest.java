package dev.rein.runtime.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ElementwisePenalty;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link PenaltyFlow} against the missed steps it stands for, written out one by one: within its stated bound
 * {@code 1e-6·|w| + 1e-9} wherever it gives a value, NaN where it cannot promise that, and a cost set by the flow
 * rather than by the number of steps.
 */
class PenaltyFlowTest {
    private static final ElementwisePenalty[] NONE = new ElementwisePenalty[0];

    static Stream<Arguments> penalties() {
        return Stream.of(
                Arguments.of("log-cosh", FlowPenalties.logCosh(0.01)),
                Arguments.of("quartic (nearly flat near zero)", FlowPenalties.quartic(0.01)),
                Arguments.of("pseudo-Huber, width 0.01 (steep near zero)", FlowPenalties.steep(0.001, 0.01)),
                Arguments.of("cauchy (bounded, concave far out)", FlowPenalties.cauchy(0.01)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("penalties")
    void gradientStepsWithinTheStatedBoundWheneverItAnswers(String name, ElementwisePenalty penalty) {
        PenaltyFlow flow = new PenaltyFlow(new ElementwisePenalty[] {penalty}, NONE);
        int answered = 0;
        int cases = 0;
        for (double w0 : new double[] {-3.0, -0.4, 0.02, 0.7, 1.5, 12.0}) {
            for (int missed : new int[] {20, 300, 5000, 40000}) {
                for (double eta : new double[] {1e-3, 1e-2}) {
                    for (boolean decaying : new boolean[] {false, true}) {
                        double[] h = steps(missed, eta, decaying);
                        double exact = w0;
                        for (double s : h) {
                            exact -= s * penalty.gradient(exact);
                        }
                        double flowed = advance(flow, w0, h);
                        cases++;
                        if (!Double.isNaN(flowed)) {
                            answered++;
                            assertEquals(exact, flowed, bound(w0), name + " from " + w0 + " over " + missed
                                    + (decaying ? " decaying" : " constant") + " steps of " + eta);
                        }
                    }
                }
            }
        }
        assertTrue(answered >= cases / 2, name + ": the flow answered " + answered + " of " + cases);
    }

    @Test
    void proximalStepsOfAUsersOperatorWithinTheBound() {
        // λ·log(1 + |w|/ε) by its proximal operator, from weights it shrinks but does not reach zero
        double lambda = 0.01;
        double epsilon = 0.1;
        PenaltyFlow flow = new PenaltyFlow(NONE, new ElementwisePenalty[] {FlowPenalties.logL1(lambda, epsilon)});
        for (double w0 : new double[] {-2.0, 0.9, 5.0}) {
            for (double eta : new double[] {0.01, 0.05}) {
                if (w0 == 0.9 && eta == 0.05) {
                    continue;   // reaches zero: see aWeightThatWouldCrossZeroIsRefused
                }
                double[] h = steps(1000, eta, false);
                double exact = w0;
                for (double s : h) {
                    exact = FlowPenalties.logProx(exact, s, lambda, epsilon);
                }
                double flowed = advance(flow, w0, h);
                assertFalse(Double.isNaN(flowed), "from " + w0 + " at " + eta);
                assertEquals(exact, flowed, bound(w0), "from " + w0 + " at " + eta);
                assertTrue(Math.abs(w0 - exact) > 0.01, "the prox moved the weight: " + exact);
            }
        }
    }

    @Test
    void aGradientAndAProximalTermTogether() {
        ElementwisePenalty cauchy = FlowPenalties.cauchy(0.02);
        ElementwisePenalty log = FlowPenalties.logL1(0.01, 0.1);
        PenaltyFlow flow = new PenaltyFlow(new ElementwisePenalty[] {cauchy}, new ElementwisePenalty[] {log});
        double[] h = steps(1000, 0.02, false);
        double exact = 1.7;
        for (double s : h) {
            exact = FlowPenalties.logProx(exact - s * cauchy.gradient(exact), s, 0.01, 0.1);
        }
        assertEquals(exact, advance(flow, 1.7, h), bound(1.7));
        assertTrue(1.7 - exact > 0.3, "moved: " + exact);
    }

    @Test
    void stepsFollowTheirModifiedFlowWhereThePlainFlowIsTooFarOff() {
        // quartic λ = 0.1 from w = 1 in 3000 steps of 0.003: the steps and the plain flow w' = -λw³ part by about
        // 5e-5, fifty times the bound; the modified flow the class integrates follows the steps
        ElementwisePenalty quartic = FlowPenalties.quartic(0.1);
        PenaltyFlow flow = new PenaltyFlow(new ElementwisePenalty[] {quartic}, NONE);
        double exact = 1.0;
        for (int t = 0; t < 3000; t++) {
            exact -= 0.003 * quartic.gradient(exact);
        }
        double plainFlow = 1 / Math.sqrt(1 + 2 * 0.1 * 9.0);   // w' = -λw³ from 1 over time 9
        assertTrue(Math.abs(plainFlow - exact) > 20 * bound(1.0), "the plain flow is off by "
                + Math.abs(plainFlow - exact));
        double flowed = flow.advance(1.0, 9.0, 3000, 0.003, 0.003, Integer.MAX_VALUE);
        assertFalse(Double.isNaN(flowed));
        assertEquals(exact, flowed, bound(1.0));
    }

    @Test
    void costIsSetByTheFlowNotByTheNumberOfMissedSteps() {
        // a rare feature under the setting: λ = 1e-5, η = 0.1, up to 60,000 steps missed
        PenaltyFlow flow = new PenaltyFlow(new ElementwisePenalty[] {FlowPenalties.logCosh(1e-5)}, NONE);
        for (int missed : new int[] {100, 3000, 60000}) {
            assertFalse(Double.isNaN(flow.advance(0.8, 0.1 * missed, missed, 0.1, 0.1, Integer.MAX_VALUE)));
            assertTrue(flow.lastCalls() <= 4 * (1 + Math.log10(missed)), missed + " steps: " + flow.lastCalls());
        }
        assertEquals(3, callsFor(flow, 0.8, 0.1 * 3000), "one Heun step on the plain flow and its check: three calls");
        double w = flow.advance(0.8, 0.1 * 60000, 60000, 0.1, 0.1, Integer.MAX_VALUE);
        double exact = 0.8;
        for (int t = 0; t < 60000; t++) {
            exact -= 0.1 * 1e-5 * Math.tanh(exact);
        }
        assertEquals(exact, w, bound(0.8));
        assertTrue(0.8 - exact > 0.03, "the penalty moved the weight: " + exact);
    }

    @Test
    void costGrowsWithHowFarTheFlowGoesNotWithTheStepCount() {
        // λT, the penalty's curvature times the flow's length, measures how far it goes: 0.01, 0.1, 1 and 3; beyond
        // the quick step's reach the clock answers in a few reads (the Runge–Kutta path took 20, 165 and more)
        PenaltyFlow flow = new PenaltyFlow(new ElementwisePenalty[] {FlowPenalties.logCosh(1e-3)}, NONE);
        int[] most = {3, 12, 14, 18};
        double[] totals = {10, 100, 1000, 3000};
        for (int k = 0; k < totals.length; k++) {
            for (int count : new int[] {10_000, 1_000_000}) {
                double h = totals[k] / count;
                assertFalse(Double.isNaN(flow.advance(2.0, totals[k], count, h, h, Integer.MAX_VALUE)),
                        "λT = " + totals[k] * 1e-3 + " in " + count + " steps");
                assertTrue(flow.lastCalls() <= most[k], "λT = " + totals[k] * 1e-3 + " in " + count + " steps: "
                        + flow.lastCalls() + " calls");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("penalties")
    void farFlowsOfEveryShapeInAFewReadsAndWithinTheBound(String name, ElementwisePenalty penalty) {
        // λ = 0.01 over 200,000 steps of 0.005 (λS = 10): log-cosh and pseudo-Huber move far along their linear
        // parts, the quartic slows to a crawl, the Cauchy penalty crosses from concave to convex
        PenaltyFlow flow = new PenaltyFlow(new ElementwisePenalty[] {penalty}, NONE);
        for (double w0 : new double[] {2.0, -1.5}) {
            double exact = w0;
            for (int t = 0; t < 200_000; t++) {
                exact -= 0.005 * penalty.gradient(exact);
            }
            double w = flow.advance(w0, 1000, 200_000, 0.005, 0.005, Integer.MAX_VALUE);
            assertFalse(Double.isNaN(w), name + " from " + w0);
            assertEquals(exact, w, bound(w0), name + " from " + w0);
            assertTrue(flow.lastCalls() <= 30, name + " from " + w0 + ": " + flow.lastCalls() + " calls");
            assertTrue(Math.abs(w0 - exact) > 0.05 * Math.abs(w0), name + " moved the weight: " + exact);
        }
    }

    @Test
    void stepsLargeEnoughToOvershootZeroAreRefusedNotApproximated() {
        // pseudo-Huber of width 1e-3 at λ = 0.1: near zero one step of 0.05 multiplies w by 1 - 5, the flow by e^-5
        ElementwisePenalty steep = FlowPenalties.steep(0.1, 1e-3);
        PenaltyFlow flow = new PenaltyFlow(new ElementwisePenalty[] {steep}, NONE);
        assertTrue(Double.isNaN(flow.advance(0.3, 0.05 * 200, 200, 0.05, 0.05, Integer.MAX_VALUE)));
        // the same penalty in 2000 steps of 1e-5 stays away from the stiff region: the flow answers, and matches
        double exact = 0.3;
        for (int t = 0; t < 2000; t++) {
            exact -= 1e-5 * steep.gradient(exact);
        }
        double w = flow.advance(0.3, 2e-2, 2000, 1e-5, 1e-5, Integer.MAX_VALUE);
        assertEquals(exact, w, bound(0.3));
    }

    @Test
    void aWeightThatWouldCrossZeroIsRefusedAndAFixedPointCostsOneCall() {
        PenaltyFlow toZero = new PenaltyFlow(NONE, new ElementwisePenalty[] {FlowPenalties.logL1(0.1, 0.01)});
        assertTrue(Double.isNaN(toZero.advance(0.01, 1.0, 1000, 1e-3, 1e-3, 500)), "reaches zero");
        
        PenaltyFlow smooth = new PenaltyFlow(new ElementwisePenalty[] {FlowPenalties.cauchy(0.1)}, NONE);
        assertEquals(0.0, smooth.advance(0.0, 10.0, 100, 0.1, 0.1, Integer.MAX_VALUE));
        assertEquals(1, smooth.lastCalls());
    }

    @Test
    void moreCallsThanAllowedIsNaN() {
        PenaltyFlow flow = new PenaltyFlow(new ElementwisePenalty[] {FlowPenalties.logCosh(1.0)}, NONE);
        assertTrue(Double.isNaN(flow.advance(1.0, 100.0, 100_000, 1e-3, 1e-3, 6)));
    }

    private static int callsFor(PenaltyFlow flow, double w, double total) {
        assertFalse(Double.isNaN(flow.advance(w, total, 1_000_000, total * 1e-6, total * 1e-6, Integer.MAX_VALUE)));
        return flow.lastCalls();
    }

    private static double advance(PenaltyFlow flow, double w0, double[] h) {
        double total = 0;
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (double s : h) {
            total += s;
            largest = Math.max(largest, s);
            smallest = Math.min(smallest, s);
        }
        return flow.advance(w0, total, h.length, smallest, largest, Integer.MAX_VALUE);
    }

    private static double bound(double w0) {
        return PenaltyFlow.RELATIVE_TOLERANCE * Math.abs(w0) + PenaltyFlow.ABSOLUTE_TOLERANCE;
    }

    /** {@code missed} steps of {@code η}, or {@code η/√(1 + t/100)} when decaying. */
    private static double[] steps(int missed, double eta, boolean decaying) {
        double[] h = new double[missed];
        for (int t = 0; t < missed; t++) {
            h[t] = decaying ? eta / Math.sqrt(1 + t / 100.0) : eta;
        }
        return h;
    }
}
