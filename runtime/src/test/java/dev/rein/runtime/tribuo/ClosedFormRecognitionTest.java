package dev.rein.runtime.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import dev.rein.api.hook.ElasticCoefficients;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.check.TestHooks;
import dev.rein.runtime.plan.ElasticForm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Closed forms only where they are exact: {@link ElasticForm} takes a penalty for {@code λ₁|w| + (λ₂/2)w²} when
 * the plugin declares it and the declaration holds at every probe point, or, without a declaration, when value and
 * gradient show it near zero and far from it alike; and a penalty that only looks like L2 near zero trains through
 * {@link RegularizedOptimiser}'s lazy engine to the weights an eager run gives.
 */
class ClosedFormRecognitionTest {
    /** The probe points {@code ElasticForm} used before it probed far out; every one lies in [-3.5, 2.5]. */
    private static final double[] NEAR_ZERO = {-3.5, -1, -0.25, 0, 0.125, 0.7, 2.5};

    // ---- without a declaration: recognised only over the whole range

    @Test
    void aPenaltyEqualToL2NearZeroButLinearFarFromItIsNotTakenForL2() {
        ElementwisePenalty huber = TestHooks.huber(0.5, 10);
        ElementwisePenalty l2 = TestHooks.l2WithoutProx(0.5);
        for (double w : NEAR_ZERO) {
            assertEquals(l2.value(w), huber.value(w), 0.0, "the premise: indistinguishable near zero, at " + w);
            assertEquals(l2.gradient(w), huber.gradient(w), 0.0, "the premise: indistinguishable near zero, at " + w);
        }
        assertNotNull(ElasticForm.of(l2));
        assertNull(ElasticForm.of(huber), "linear beyond |w| = 10: no closed form, so it runs by replay");
    }

    @Test
    void aPenaltyThatBendsAwayAnywhereUpToAMillionIsRefused() {
        assertNull(ElasticForm.of(TestHooks.huber(0.5, 5e5)), "bends between the last two decades");
        assertNull(ElasticForm.of(TestHooks.penalty(
                w -> w < -500 ? 62500 + 250 * (-w - 500) : 0.25 * w * w,
                w -> w < -500 ? -250 : 0.5 * w, null)), "bends on the negative side only");
        assertNull(ElasticForm.of(TestHooks.penalty(w -> Math.abs(w) + (Math.abs(w) > 2e3 ? 1e-6 * w * w : 0),
                w -> Math.signum(w) + (Math.abs(w) > 2e3 ? 2e-6 * w : 0), null)), "L1 that gains a little L2 far out");
    }

    @Test
    void aWellZeroAtTheCoarseProbesOrAZeroPenaltyIsNotTakenForAForm() {
        // λ((w - c)² - r²) inside |w - c| < r, zero elsewhere: zero at every coarse probe point (found by a user)
        double c = 0.3;
        double r = 0.1;
        ElementwisePenalty well = TestHooks.penalty(w -> Math.abs(w - c) < r ? (w - c) * (w - c) - r * r : 0,
                w -> Math.abs(w - c) < r ? 2 * (w - c) : 0, null);
        assertNull(ElasticForm.of(well), "a well between the probes: no closed form");
        ElementwisePenalty narrow = TestHooks.penalty(w -> Math.abs(w - 3e-4) < 1e-5 ? 1 : 0, w -> 0, null);
        assertNull(ElasticForm.of(narrow), "a bump too narrow for any probe: zero is no evidence of a form");
        assertNull(ElasticForm.of(TestHooks.penalty(w -> 0, w -> 0, null)), "nothing but zero: replayed");
    }

    @Test
    void l1L2AndElasticNetWithoutADeclarationAreStillRecognisedWithTheirCoefficients() {
        ElasticForm l2 = ElasticForm.of(TestHooks.l2(0.3));
        assertEquals(0.0, l2.l1, 0.0, "exactly no L1 part, so an L2 step has no thresholds");
        assertEquals(0.3, l2.l2, 1e-15);
        ElasticForm l1 = ElasticForm.of(TestHooks.l1(0.07));
        assertEquals(0.07, l1.l1, 0.0);
        assertEquals(0.0, l1.l2, 0.0);
        for (double[] mix : new double[][] {{0.02, 0.3}, {1.0, 1e-9}, {1e-9, 1.0}, {1e-6, 1e-6}}) {
            ElasticForm f = ElasticForm.of(elastic(mix[0], mix[1]));
            assertNotNull(f, "λ₁ = " + mix[0] + ", λ₂ = " + mix[1]);
            assertEquals(mix[0], f.l1, 1e-12 * mix[0]);
            assertEquals(mix[1], f.l2, 1e-12 * mix[1]);
            assertTrue(f.proximalMatches(elastic(mix[0], mix[1])));
        }
        assertTrue(l2.proximalMatches(TestHooks.l2(0.3)));
        assertTrue(l1.proximalMatches(TestHooks.l1(0.07)));
        assertFalse(l1.proximalMatches(TestHooks.l1WithWrongProx(0.07)));
        assertNull(ElasticForm.of(TestHooks.l2WithDoubledGradient(0.3)));
        assertNull(ElasticForm.of(TestHooks.penalty(w -> Math.log1p(w * w), w -> 2 * w / (1 + w * w), null)));
    }

    @Test
    void aProximalOperatorThatIsRightNearZeroOnlyDoesNotMatch() {
        // L2's shrinkage for |w| <= 100, then it stops shrinking: caught at w = ±1e3 and beyond.
        ElementwisePenalty odd = TestHooks.penalty(w -> 0.5 * w * w, w -> w,
                (w, step) -> Math.abs(w) <= 100 ? w / (1 + step) : w);
        ElasticForm form = ElasticForm.of(odd);
        assertNotNull(form);
        assertFalse(form.proximalMatches(odd));
    }

    // ---- with a declaration

    @Test
    void aDeclaredFormIsTakenAsDeclared() {
        // λ₂ = 1e-300 is invisible next to λ₁ = 1 at every probe point: probing reads 0, the declaration says it.
        ElementwisePenalty tiny = elastic(1, 1e-300);
        assertEquals(0.0, ElasticForm.of(tiny).l2, 0.0);
        ElasticForm declared = ElasticForm.of(TestHooks.declaring(tiny, ElasticCoefficients.of(1, 1e-300)));
        assertEquals(1.0, declared.l1, 0.0);
        assertEquals(1e-300, declared.l2, 0.0);

        ElasticForm ridge = ElasticForm.of(TestHooks.declaring(TestHooks.l2(1.0 / 3), ElasticCoefficients.ridge(1.0 / 3)));
        assertEquals(0.0, ridge.l1, 0.0);
        assertEquals(1.0 / 3, ridge.l2, 0.0, "bit for bit the declared coefficient");
        assertTrue(ridge.proximalMatches(TestHooks.l2(1.0 / 3)));
    }

    @Test
    void aDeclarationOfNoneForTheseParametersLeavesItToTheProbes() {
        ElementwisePenalty l2 = TestHooks.l2(0.3);
        ElementwisePenalty saysNothing = new Delegating(l2) {
            @Override
            public Optional<ElasticCoefficients> closedForm() {
                return Optional.empty();   // what the glue returns when the author's method returns null
            }
        };
        assertEquals(0.3, ElasticForm.of(saysNothing).l2, 1e-15);
    }

    @Test
    void aDeclarationThatContradictsThePenaltyIsRefusedAndReportedOnce() {
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = collecting(warnings);
        Logger log = Logger.getLogger(ElasticForm.class.getName());
        log.addHandler(handler);
        try {
            // Declares L2 over the whole range; is L2 only for |w| <= 10.
            ElementwisePenalty huber = new Delegating(TestHooks.huber(0.5, 10)) {
                @Override
                public Optional<ElasticCoefficients> closedForm() {
                    return Optional.of(ElasticCoefficients.ridge(0.5));
                }
            };
            assertNull(ElasticForm.of(huber));
            assertNull(ElasticForm.of(huber));
            assertEquals(1, warnings.size(), "reported once per class");
            assertEquals(Level.WARNING, warnings.get(0).getLevel());
            String first = warnings.get(0).getMessage();
            assertEquals(Optional.of("plan-closed-form-ignored"), ReinMessage.parse(first).map(ReinMessage::tag));
            assertTrue(first.contains(huber.getClass().getName() + ": it declares λ₁ = 0.0, λ₂ = 0.5, but at"
                    + " w = 100.0 R(w) = 475.0 where the form gives 2500.0."), first);

            // A declaration off by a factor of two is refused, though the penalty itself is L2: Rein does not
            // guess which of the two is right, and replay only uses value, gradient and proximal operator.
            ElementwisePenalty l2 = TestHooks.l2(0.5);
            ElementwisePenalty twice = new Delegating(l2) {
                @Override
                public Optional<ElasticCoefficients> closedForm() {
                    return Optional.of(ElasticCoefficients.ridge(1.0));
                }
            };
            assertNull(ElasticForm.of(twice));
            assertNotNull(ElasticForm.of(l2));
            assertTrue(warnings.get(1).getMessage().contains("it declares λ₁ = 0.0, λ₂ = 1.0, but at w = -3.5 R(w) ="
                    + " 3.0625 where the form gives 6.125."), warnings.get(1).getMessage());

            ElementwisePenalty throwing = new Delegating(l2) {
                @Override
                public Optional<ElasticCoefficients> closedForm() {
                    throw new IllegalArgumentException("no form at these settings");
                }
            };
            assertNull(ElasticForm.of(throwing));
            assertTrue(warnings.get(2).getMessage().contains(": its closedForm() threw"
                    + " java.lang.IllegalArgumentException: no form at these settings."), warnings.get(2).getMessage());
            assertEquals(3, warnings.size());
        } finally {
            log.removeHandler(handler);
        }
    }

    // ---- end to end through RegularizedOptimiser and Tribuo's trainer

    /**
     * The Huber-like penalty (L2 up to |w| = 10) on sparse data whose true weights reach 40: trained lazily under
     * plain SGD (absent weights caught up by replay, since it is not of the elastic form), it gives the weights of an
     * eager run, where every step applies the penalty's gradient to every weight. The eager reference is the same
     * SGD behind a wrapper whose learning rate Rein cannot read, which the public API takes eagerly (coupled, as
     * under plain SGD). Had the engine taken the penalty for L2 (as it did when it probed [-3.5, 2.5] only), the
     * weights above 10 would have been shrunk like L2's, which ends far away (checked below).
     */
    @Test
    void huberLikePenaltyTrainsLazilyToTheEagerWeights() {
        MutableDataset<Regressor> data = sparseData(160, 12, 41L);
        Regularization huber = TestTerms.of(TestTerms.term("huber_like", Kind.PENALTY,
                TestHooks.huber(0.5, 10), Map.of("lambda", 0.5, "delta", 10.0), Target.WEIGHTS, PenaltyMode.AUTO));

        Trained lazy = train(SGD.getSimpleSGD(0.02), huber, data);
        Trained eager = train(new HiddenRate(SGD.getSimpleSGD(0.02)), huber, data);
        assertEquals(List.of(true), lazy.lazySteps, "the sparse run is lazy");
        assertEquals(List.of(false), eager.lazySteps, "the reference is eager");

        double largest = 0;
        for (int i = 0; i < lazy.weights.length; i++) {
            assertEquals(eager.weights[i], lazy.weights[i], 1e-9 * Math.max(1, Math.abs(eager.weights[i])),
                    "weight " + i);
            largest = Math.max(largest, Math.abs(eager.weights[i]));
        }
        assertTrue(largest > 25, "weights well beyond |w| = 10, where the penalty is not L2's: " + largest);

        Regularization l2 = TestTerms.of(TestTerms.term("l2", Kind.PENALTY, TestHooks.l2WithoutProx(0.5),
                Map.of("lambda", 0.5), Target.WEIGHTS, PenaltyMode.AUTO));
        double[] asIfL2 = train(SGD.getSimpleSGD(0.02), l2, data).weights;
        double farthest = 0;
        for (int i = 0; i < asIfL2.length; i++) {
            farthest = Math.max(farthest, Math.abs(asIfL2[i] - eager.weights[i]));
        }
        assertTrue(farthest > 5, "L2's closed form would have given other weights: " + farthest);
    }

    // ---- helpers

    /** {@code λ₁|w| + (λ₂/2)w²} written as an author would, with its proximal operator. */
    private static ElementwisePenalty elastic(double l1, double l2) {
        return TestHooks.penalty(w -> l1 * Math.abs(w) + 0.5 * l2 * w * w, w -> l1 * Math.signum(w) + l2 * w,
                (w, step) -> {
                    double t = step * l1;
                    double soft = w > t ? w - t : w < -t ? w + t : 0.0;
                    return soft / (1 + step * l2);
                });
    }

    /** Passes everything to another penalty; subclasses override {@link #closedForm()}. */
    private static class Delegating implements ElementwisePenalty {
        private final ElementwisePenalty inner;

        Delegating(ElementwisePenalty inner) {
            this.inner = inner;
        }

        public double value(double w) {
            return inner.value(w);
        }

        public double gradient(double w) {
            return inner.gradient(w);
        }

        public boolean hasProximal() {
            return inner.hasProximal();
        }

        public double proximal(double w, double step) {
            return inner.proximal(w, step);
        }

        public double value(double[] w, int from, int to) {
            return inner.value(w, from, to);
        }

        public void addGradient(double[] w, int from, int to, double[] gradient, double scale) {
            inner.addGradient(w, from, to, gradient, scale);
        }

        public void proximal(double[] w, int from, int to, double step) {
            inner.proximal(w, from, to, step);
        }
    }

    private static Handler collecting(List<LogRecord> into) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                into.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private record Trained(double[] weights, List<Boolean> lazySteps) {
    }

    /** Ten epochs of LinearSGDTrainer, batch 1; notes whether each step ran lazily. */
    private static Trained train(StochasticGradientOptimiser inner, Regularization reg,
            MutableDataset<Regressor> data) {
        List<Boolean> lazy = new ArrayList<>();
        Watching optimiser = new Watching(new RegularizedOptimiser(inner, reg, 1), lazy);
        DenseMatrix w = new LinearSGDTrainer(new SquaredLoss(), optimiser, 10, -1, 1, 7L).train(data)
                .getWeightsCopy();
        double[] weights = new double[w.getDimension1Size() * w.getDimension2Size()];
        for (int r = 0; r < w.getDimension1Size(); r++) {
            for (int c = 0; c < w.getDimension2Size(); c++) {
                weights[r * w.getDimension2Size() + c] = w.get(r, c);
            }
        }
        return new Trained(weights, lazy.stream().distinct().toList());
    }

    /** Passes everything to a RegularizedOptimiser (and to its copies) and notes {@code isLazy()} at each step. */
    private static final class Watching implements StochasticGradientOptimiser {
        private final RegularizedOptimiser inner;
        private final List<Boolean> lazy;

        Watching(RegularizedOptimiser inner, List<Boolean> lazy) {
            this.inner = inner;
            this.lazy = lazy;
        }

        public void initialise(Parameters parameters) {
            inner.initialise(parameters);
        }

        public Tensor[] step(Tensor[] gradients, double weight) {
            lazy.add(inner.isLazy());
            return inner.step(gradients, weight);
        }

        public void finalise() {
            inner.finalise();
        }

        public void reset() {
            inner.reset();
        }

        public StochasticGradientOptimiser copy() {
            return new Watching(inner.copy(), lazy);
        }

        public ConfiguredObjectProvenance getProvenance() {
            return inner.getProvenance();
        }
    }

    /**
     * An optimiser Rein does not know, doing exactly what the SGD inside it does: its provenance names only itself,
     * so its learning rate is unknown and {@link RegularizedOptimiser} applies penalties eagerly (coupled).
     */
    private static final class HiddenRate implements StochasticGradientOptimiser {
        private final StochasticGradientOptimiser sgd;

        HiddenRate(StochasticGradientOptimiser sgd) {
            this.sgd = sgd;
        }

        public void initialise(Parameters parameters) {
            sgd.initialise(parameters);
        }

        public Tensor[] step(Tensor[] gradients, double weight) {
            return sgd.step(gradients, weight);
        }

        public void finalise() {
            sgd.finalise();
        }

        public void reset() {
            sgd.reset();
        }

        public StochasticGradientOptimiser copy() {
            return new HiddenRate(sgd.copy());
        }

        public ConfiguredObjectProvenance getProvenance() {
            return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
        }
    }

    /**
     * {@code n} examples over {@code features} features, each present with probability one half (so that no weight
     * misses more than a handful of steps in a row and replay is exact); true weights {@code ±40, ±25, ±5}.
     */
    private static MutableDataset<Regressor> sparseData(int n, int features, long seed) {
        double[] truth = new double[features];
        for (int j = 0; j < features; j++) {
            truth[j] = (j % 2 == 0 ? 1 : -1) * (j % 3 == 0 ? 40 : j % 3 == 1 ? 25 : 5);
        }
        SplittableRandom random = new SplittableRandom(seed);
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("sparse", factory),
                factory);
        for (int i = 0; i < n; i++) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            double target = 0.1 * random.nextGaussian();
            for (int j = 0; j < features; j++) {
                // Feature i mod features is always absent, so every example is sparse.
                if (j != i % features && random.nextBoolean()) {
                    double v = random.nextGaussian();
                    names.add(String.format("f%02d", j));
                    values.add(v);
                    target += v * truth[j];
                }
            }
            if (names.isEmpty()) {
                continue;
            }
            data.add(new ArrayExample<>(new Regressor("y", target), names.toArray(new String[0]),
                    values.stream().mapToDouble(Double::doubleValue).toArray()));
        }
        return data;
    }
}
