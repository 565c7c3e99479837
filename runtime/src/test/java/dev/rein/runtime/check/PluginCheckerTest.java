package dev.rein.runtime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ElasticCoefficients;
import dev.rein.api.spi.Kind;
import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.ParamType;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.RegularizerProvider;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.registry.PluginSource;
import dev.rein.runtime.registry.RegisteredRegularizer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginCheckerTest {
    private final PluginChecker checker = new PluginChecker();

    @Test
    void correctL2WithProximalPasses() {
        CheckReport report = checker.check(TestHooks.penaltyProvider("l2", TestHooks::l2));
        assertTrue(report.passed(), report::toString);
        assertEquals(List.of(PluginChecker.DESCRIPTOR, PluginChecker.PARAMETERS, PluginChecker.CREATE,
                ElementwisePenaltyChecks.FINITE, ElementwisePenaltyChecks.GRADIENT,
                ElementwisePenaltyChecks.PROX_OPTIMALITY, ElementwisePenaltyChecks.PROX_MINIMUM,
                ElementwisePenaltyChecks.ARRAYS), report.results().stream().map(CheckResult::name).toList());
        assertEquals("lambda = 1e-4 (default)", report.result(PluginChecker.PARAMETERS).get().detail());
        PluginChecker.assertPasses(TestHooks.penaltyProvider("l2", TestHooks::l2), Map.of("lambda", "3"));
    }

    @Test
    void correctL1WithProximalPassesAndItsKinkIsAccepted() {
        for (String lambda : new String[] {"1e-4", "1", "50"}) {
            CheckReport report = checker.check(TestHooks.penaltyProvider("l1", TestHooks::l1),
                    Map.of("lambda", lambda));
            assertTrue(report.passed(), report::toString);
            assertEquals("39 points (1 at a kink, where any subgradient is accepted)",
                    report.result(ElementwisePenaltyChecks.GRADIENT).get().detail());
        }
    }

    @Test
    void anySubgradientBetweenTheOneSidedSlopesIsAccepted() {
        PluginChecker.assertPasses(TestHooks.penaltyProvider("l1", TestHooks::l1WithOneSidedSubgradient));
        CheckReport report = checker.check(TestHooks.penaltyProvider("dead_zone", TestHooks::deadZone),
                Map.of("lambda", "2"));
        assertTrue(report.passed(), report::toString);
        // w = 0 is flat on both sides (no kink); w = 1 and w = -1 are kinks.
        assertEquals("39 points (2 at a kink, where any subgradient is accepted)",
                report.result(ElementwisePenaltyChecks.GRADIENT).get().detail());
    }

    @Test
    void aPenaltyThatIsNotFiniteSomewhereFailsTheFiniteCheckAloneWithoutContradictions() {
        // a barrier: λw² inside |w| < 1, NaN outside (found by a user: the other checks said "NaN but ... NaN")
        CheckReport report = checker.check(TestHooks.penaltyProvider("barrier", lambda -> TestHooks.penalty(
                w -> Math.abs(w) < 1 ? lambda * w * w : Double.NaN,
                w -> Math.abs(w) < 1 ? 2 * lambda * w : Double.NaN, null)), Map.of("lambda", "1"));
        assertEquals(List.of(ElementwisePenaltyChecks.FINITE),
                report.failures().stream().map(CheckResult::name).toList(), report::format);
        assertTrue(report.result(ElementwisePenaltyChecks.GRADIENT).get().detail()
                .contains("points where R is not finite left to the finite check"), report::format);
    }

    @Test
    void aFiniteValueWithAnInfiniteGradientFailsTheGradientCheckNamingThePoint() {
        // found by a user: λw²/2 whose gradient is ±∞ beyond 0.3 passed every check (the finite differences'
        // tolerance scales with the gradient claimed)
        CheckReport report = checker.check(TestHooks.penaltyProvider("inf", lambda -> TestHooks.penalty(
                w -> lambda * w * w / 2, w -> Math.abs(w) > 0.3 ? Math.copySign(Double.POSITIVE_INFINITY, w)
                        : lambda * w, null)), Map.of("lambda", "1"));
        assertEquals(List.of(ElementwisePenaltyChecks.GRADIENT),
                report.failures().stream().map(CheckResult::name).toList(), report::format);
        assertTrue(report.result(ElementwisePenaltyChecks.GRADIENT).get().detail().contains("= Infinity but"),
                report::format);
    }

    @Test
    void gradientOffByAFactorOfTwoFailsNamingThePoint() {
        CheckReport report = checker.check(TestHooks.penaltyProvider("l2", TestHooks::l2WithDoubledGradient),
                Map.of("lambda", "1"));
        assertFalse(report.passed());
        assertEquals(List.of(new CheckResult(ElementwisePenaltyChecks.GRADIENT, false,
                "wrong at 38 of 39 points; first at w = 1.0E-6: gradient(w) = 2.00000e-06 but finite differences"
                        + " give 1.00000e-06")), report.failures());
        assertEquals("check-gradient", report.failures().get(0).tag());
        assertEquals(report.result(ElementwisePenaltyChecks.GRADIENT), report.result("check-gradient"),
                "a result is found by its tag too");
        assertTrue(report.format().contains("\nFAIL  [check-gradient] gradient matches finite differences: wrong"),
                report::format);
        assertTrue(report.format().startsWith("PASS  descriptor: l2, a penalty\n"), "a passed line has no tag");
    }

    @Test
    void exactGradientsOfPenaltiesThatCancelNearZeroPass() {
        // Both values are differences of nearly equal terms near w = 0: finite differences of their rounding noise
        // are off by per cents at w = 1e-6, where the exact gradient must still pass.
        for (String lambda : new String[] {"1e-4", "1", "1e3"}) {
            for (var penalty : List.<java.util.function.Function<Double, dev.rein.api.hook.ElementwisePenalty>>of(
                    l -> TestHooks.smoothAbs(l, 1), l -> TestHooks.pseudoHuber(l, 1))) {
                CheckReport report = checker.check(TestHooks.penaltyProvider("smooth", penalty), Map.of("lambda", lambda));
                assertTrue(report.passed(), report::format);
            }
        }
    }

    @Test
    void aGradientOffByOnePerCentFailsForPenaltiesThatCancelNearZero() {
        for (var penalty : List.<java.util.function.Function<Double, dev.rein.api.hook.ElementwisePenalty>>of(
                l -> TestHooks.smoothAbs(l, 1.01), l -> TestHooks.pseudoHuber(l, 0.99))) {
            CheckReport report = checker.check(TestHooks.penaltyProvider("smooth", penalty), Map.of("lambda", "1"));
            CheckResult result = report.result(ElementwisePenaltyChecks.GRADIENT).orElseThrow();
            assertFalse(result.passed(), report::format);
            // Away from zero the noise is far below 1 %: every point with |w| >= 1e-3 is caught.
            int wrong = Integer.parseInt(result.detail().replaceAll("wrong at (\\d+) of.*", "$1"));
            assertTrue(wrong >= 34, result.detail());
        }
    }

    @Test
    void aGradientWithTheWrongSignFailsForPenaltiesThatCancelNearZero() {
        for (var penalty : List.<java.util.function.Function<Double, dev.rein.api.hook.ElementwisePenalty>>of(
                l -> TestHooks.smoothAbs(l, -1), l -> TestHooks.pseudoHuber(l, -1))) {
            CheckReport report = checker.check(TestHooks.penaltyProvider("smooth", penalty), Map.of("lambda", "1"));
            CheckResult result = report.result(ElementwisePenaltyChecks.GRADIENT).orElseThrow();
            // Every point but w = 0 (gradient 0 either way), the tiny ones included.
            assertTrue(result.detail().startsWith("wrong at 38 of 39 points; first at w = 1.0E-6"), result.detail());
        }
    }

    /**
     * A user's scaled pseudo-Huber {@code λδ²(sqrt(1 + (w/δ)²) - 1)} with {@code δ = 0.5}, times {@code factor} on
     * its exact gradient {@code λw/sqrt(1 + (w/δ)²)}: its values near zero lie on a grid of about {@code 6e-17·λ}
     * and repeat their rounding at evenly spaced points, which hid the noise (FAIL at w = 1e-6: gradient
     * 1.00000e-09 but finite differences 9.99201e-10, at λ = 1e-3).
     */
    private static dev.rein.api.hook.ElementwisePenalty scaledPseudoHuber(double lambda, double factor) {
        double delta = 0.5;
        return TestHooks.penalty(w -> lambda * delta * delta * (Math.sqrt(1 + (w / delta) * (w / delta)) - 1),
                w -> factor * lambda * w / Math.sqrt(1 + (w / delta) * (w / delta)), null);
    }

    /** {@code λ·(w > 0 ? 2 : 1)·w²}, times {@code factor} on its gradient: smooth at 0, twice as curved right. */
    private static dev.rein.api.hook.ElementwisePenalty steeperOnTheRight(double lambda, double factor) {
        return TestHooks.penalty(w -> lambda * (w > 0 ? 2 : 1) * w * w, w -> factor * lambda * (w > 0 ? 4 : 2) * w,
                null);
    }

    /** {@code w > 0 ? λw² : -λw³}, times {@code factor} on its gradient: flat at 0, curved only on the right. */
    private static dev.rein.api.hook.ElementwisePenalty quadraticRightCubicLeft(double lambda, double factor) {
        return TestHooks.penalty(w -> w > 0 ? lambda * w * w : -lambda * w * w * w,
                w -> factor * (w > 0 ? 2 * lambda * w : -3 * lambda * w * w), null);
    }

    private static final List<java.util.function.BiFunction<Double, Double, dev.rein.api.hook.ElementwisePenalty>>
            FALSE_ALARMS = List.of(PluginCheckerTest::scaledPseudoHuber, PluginCheckerTest::steeperOnTheRight,
                    PluginCheckerTest::quadraticRightCubicLeft);

    @Test
    void exactGradientsOnceCalledWrongPass() {
        // the pseudo-Huber at w = ±1e-6 (rounding); the two others at w = 0, where the central difference is
        // h·(R''(0+) - R''(0-))/4, about 5e-13 at λ = 1e-3, against a gradient of 0 (truncation)
        for (String lambda : new String[] {"1e-4", "1e-3", "1", "1e3"}) {
            for (var penalty : FALSE_ALARMS) {
                CheckReport report = checker.check(TestHooks.penaltyProvider("user", l -> penalty.apply(l, 1.0)),
                        Map.of("lambda", lambda));
                assertTrue(report.passed(), report::format);
                assertEquals("39 points", report.result(ElementwisePenaltyChecks.GRADIENT).get().detail(),
                        "no point is taken for a kink");
            }
        }
    }

    @Test
    void theSamePenaltiesWithAGradientOffByOnePerCentOrOfTheWrongSignFail() {
        for (String lambda : new String[] {"1e-3", "1"}) {
            for (var penalty : FALSE_ALARMS) {
                for (double factor : new double[] {1.01, 0.99, -1}) {
                    CheckReport report = checker.check(TestHooks.penaltyProvider("user",
                            l -> penalty.apply(l, factor)), Map.of("lambda", lambda));
                    CheckResult result = report.result(ElementwisePenaltyChecks.GRADIENT).orElseThrow();
                    assertFalse(result.passed(), report::format);
                    int wrong = Integer.parseInt(result.detail().replaceAll("wrong at (\\d+) of.*", "$1"));
                    // every point but w = 0 (gradient 0 either way); the pseudo-Huber's rounding at ±1e-6 hides
                    // 1 % there, not a wrong sign
                    int expected = penalty == FALSE_ALARMS.get(0) && factor != -1 ? 36 : 38;
                    assertTrue(wrong >= expected, factor + " at lambda " + lambda + ": " + result.detail());
                }
            }
        }
    }

    @Test
    void wrongProximalFailsBothProximalChecks() {
        CheckReport report = checker.check(TestHooks.penaltyProvider("l1", TestHooks::l1WithWrongProx),
                Map.of("lambda", "1"));
        assertEquals(List.of(ElementwisePenaltyChecks.PROX_OPTIMALITY, ElementwisePenaltyChecks.PROX_MINIMUM),
                report.failures().stream().map(CheckResult::name).toList());
        assertEquals("x = prox(w = 0.1, step = 0.001) = 0.0980000, but (w - x)/step = 2.00000 is not in"
                + " [R'(x-), R'(x+)] = [1.00000, 1.00000]",
                report.result(ElementwisePenaltyChecks.PROX_OPTIMALITY).get().detail());
        assertTrue(report.result(ElementwisePenaltyChecks.PROX_MINIMUM).get().detail()
                .startsWith("x = prox(w = 0.1, step = 0.001) = 0.0980000, but F("), report::toString);
    }

    @Test
    void aDeclaredClosedFormThatHoldsPasses() {
        CheckReport l2 = checker.check(TestHooks.penaltyProvider("l2",
                lambda -> TestHooks.declaring(TestHooks.l2(lambda), ElasticCoefficients.ridge(lambda))),
                Map.of("lambda", "0.3"));
        assertTrue(l2.passed(), l2::toString);
        assertEquals("λ₁ = 0.0, λ₂ = 0.3 at 39 points, and the proximal operator at steps 1e-3, 0.1, 1",
                l2.result(ElementwisePenaltyChecks.CLOSED_FORM).get().detail());
        CheckReport l1 = checker.check(TestHooks.penaltyProvider("l1",
                lambda -> TestHooks.declaring(TestHooks.l1WithOneSidedSubgradient(lambda),
                        ElasticCoefficients.lasso(lambda))), Map.of("lambda", "2"));
        assertTrue(l1.passed(), "any subgradient at 0 agrees with the form: " + l1);
    }

    @Test
    void withoutADeclarationThereIsNoClosedFormCheck() {
        CheckReport report = checker.check(TestHooks.penaltyProvider("l2", TestHooks::l2));
        assertTrue(report.result(ElementwisePenaltyChecks.CLOSED_FORM).isEmpty(), report::toString);
    }

    @Test
    void aDeclarationThatHoldsOnlyNearZeroFailsAtTheFirstLargeWeight() {
        CheckReport report = checker.check(TestHooks.penaltyProvider("huber",
                lambda -> TestHooks.declaring(TestHooks.huber(lambda, 10), ElasticCoefficients.ridge(lambda))),
                Map.of("lambda", "1"));
        assertEquals(List.of(new CheckResult(ElementwisePenaltyChecks.CLOSED_FORM, false,
                "declares λ₁ = 0.0, λ₂ = 1.0, but at w = 1000.0: R(w) = 9950.00 where λ₁|w| + (λ₂/2)w² = 500000")),
                report.failures());
    }

    @Test
    void aDeclarationWrongOnlyWhereTrainingProbesFailsTheCheckToo() {
        // L2 plus a bump on 0.2 < |w| < 0.3: none of the checker's own points falls there, -0.25 (a point training
        // compares at) does; the check must not pass what training then ignores.
        CheckReport report = checker.check(TestHooks.penaltyProvider("bump", lambda -> TestHooks.declaring(
                TestHooks.penalty(w -> 0.5 * lambda * w * w + (Math.abs(w) > 0.2 && Math.abs(w) < 0.3 ? 0.01 : 0),
                        w -> lambda * w, null), ElasticCoefficients.ridge(lambda))), Map.of("lambda", "1"));
        CheckResult result = report.result(ElementwisePenaltyChecks.CLOSED_FORM).orElseThrow();
        assertFalse(result.passed(), report::toString);
        assertTrue(result.detail().contains("would ignore the declaration"), result.detail());
    }

    @Test
    void aDeclarationWithTheWrongCoefficientFailsNearZero() {
        CheckReport report = checker.check(TestHooks.penaltyProvider("l2",
                lambda -> TestHooks.declaring(TestHooks.l2WithoutProx(lambda), ElasticCoefficients.ridge(2 * lambda))),
                Map.of("lambda", "1"));
        assertEquals(List.of(new CheckResult(ElementwisePenaltyChecks.CLOSED_FORM, false,
                "declares λ₁ = 0.0, λ₂ = 2.0, but at w = 1.0E-6: gradient(w) = 1.00000e-06 where λ₁·sign(w) + λ₂·w"
                        + " = 2.00000e-06")), report.failures());
    }

    @Test
    void aDeclarationWhoseProximalOperatorDiffersFails() {
        // Value and gradient are L2's, but the "proximal operator" leaves w as it is.
        CheckReport report = checker.check(TestHooks.penaltyProvider("l2",
                lambda -> TestHooks.declaring(TestHooks.penalty(w -> 0.5 * lambda * w * w, w -> lambda * w,
                        (w, step) -> w), ElasticCoefficients.ridge(lambda))), Map.of("lambda", "1"));
        assertEquals(new CheckResult(ElementwisePenaltyChecks.CLOSED_FORM, false,
                "declares λ₁ = 0.0, λ₂ = 1.0, but prox(w = 1.0E-6, step = 0.001) = 1.00000e-06 where"
                        + " soft-thresholding by step·λ₁, then dividing by 1 + step·λ₂ gives 9.99001e-07"),
                report.result(ElementwisePenaltyChecks.CLOSED_FORM).get());
    }

    @Test
    void arrayMethodsMustAgreeWithScalarOnes() {
        CheckReport report = checker.check(TestHooks.penaltyProvider("l1", TestHooks::l1IgnoringScale),
                Map.of("lambda", "1"));
        assertEquals(List.of(ElementwisePenaltyChecks.ARRAYS),
                report.failures().stream().map(CheckResult::name).toList());
        assertEquals("addGradient(w, 3, 36, g, 0.5) left g[3] = 2.00000 (w = 0.001) where g[i] +"
                + " 0.5·gradient(w[i]) = 1.50000", report.failures().get(0).detail());
    }

    @Test
    void projectionsMustBeIdempotent() {
        PluginChecker.assertPasses(constraintProvider("max_norm", a -> TestHooks.maxNorm(a)));
        PluginChecker.assertPasses(constraintProvider("non_negative", a -> TestHooks.nonNegative()));
        CheckReport report = checker.check(constraintProvider("halving", a -> TestHooks.halving()));
        assertEquals(List.of("check-projection-idempotent"), report.failures().stream().map(CheckResult::tag)
                .toList());
        assertTrue(report.failures().get(0).detail().matches("in a 1 x 1 block of scale 0\\.001, element \\(0, 0\\)"
                + " was (\\S+) after one projection and \\S+ after a second one"), report::toString);
    }

    @Test
    void requiredParametersGetASampleValueInsideTheirBounds() {
        CheckReport report = checker.check(constraintProvider("max_norm", a -> TestHooks.maxNorm(a)));
        assertEquals("c = 1.0 (sample: required, no default)", report.result(PluginChecker.PARAMETERS).get().detail());
    }

    @Test
    void blockPenaltyGradientAndProximal() {
        CheckReport good = checker.check(blockProvider(1.0), Map.of("lambda", "0.5"));
        assertTrue(good.passed(), good::toString);
        CheckReport bad = checker.check(blockProvider(2.0), Map.of("lambda", "0.5"));
        assertEquals(List.of(BlockPenaltyChecks.GRADIENT), bad.failures().stream().map(CheckResult::name).toList());
        assertTrue(bad.failures().get(0).detail().startsWith("in a 4 x 5 block at (0, 0), w = "), bad::toString);
    }

    @Test
    void activationBackwardMustMatchForwardInBothPhases() {
        CheckReport good = checker.check(activationProvider(false));
        assertTrue(good.passed(), good::toString);
        CheckReport forgetful = checker.check(activationProvider(true));
        assertEquals(List.of(LayerChecks.ACTIVATION_TRAIN),
                forgetful.failures().stream().map(CheckResult::name).toList());
        CheckReport unseeded = checker.check(TestHooks.provider(
                RegularizerDescriptor.builder("dropout", Kind.ACTIVATION).build(),
                a -> TestHooks.unseededDropout(0.5)));
        assertEquals("two TRAIN forwards of the same input with generators of the same seed gave different outputs:"
                + " draw randomness only from the RandomGenerator argument",
                unseeded.result(LayerChecks.ACTIVATION_SEEDED).get().detail());
    }

    @Test
    void batchNormalizationPassesAndMismatchedGradientNamesFail() {
        CheckReport good = checker.check(normalizationProvider(List.of("gamma", "beta")));
        assertTrue(good.passed(), good::toString);
        assertEquals(List.of(PluginChecker.DESCRIPTOR, PluginChecker.PARAMETERS, PluginChecker.CREATE,
                LayerChecks.NORMALIZATION_ARRAYS, LayerChecks.NORMALIZATION_INPUT, LayerChecks.NORMALIZATION_LEARNED),
                good.results().stream().map(CheckResult::name).toList());
        CheckReport bad = checker.check(normalizationProvider(List.of("gamma", "shift")));
        assertEquals(new CheckResult(LayerChecks.NORMALIZATION_ARRAYS, false,
                "parameter 1 is beta[3] but gradient 1 is shift[3]"), bad.failures().get(0));
    }

    @Test
    void stoppingRuleMustNotStopWhileImproving() {
        assertTrue(checker.check(stoppingProvider(0)).passed());
        CheckReport bad = checker.check(stoppingProvider(3));
        assertEquals(List.of(new CheckResult(StoppingRuleChecks.IMPROVING, false,
                "stopped (enough) at epoch 3 although the metric improved by 1 every epoch (higher is better)")),
                bad.failures());
    }

    @Test
    void badOverridesAndBrokenProvidersFailWithoutThrowing() {
        RegularizerProvider l2 = TestHooks.penaltyProvider("l2", TestHooks::l2);
        assertEquals(List.of(new CheckResult(PluginChecker.PARAMETERS, false,
                "the override of lambda is invalid: '-1' is out of range: lambda must be a number >= 0")),
                checker.check(l2, Map.of("lambda", "-1")).failures());
        assertEquals(List.of(new CheckResult(PluginChecker.PARAMETERS, false,
                "override 'lamda' is not a parameter of l2; it takes [lambda]")),
                checker.check(l2, Map.of("lamda", "1")).failures());
        RegularizerProvider throwing = TestHooks.provider(descriptor("boom", Kind.CONSTRAINT), a -> {
            throw new IllegalStateException("no GPU");
        });
        assertEquals(List.of(new CheckResult(PluginChecker.CREATE, false,
                "create{} threw java.lang.IllegalStateException: no GPU")), checker.check(throwing).failures());
        RegularizerProvider wrongType = TestHooks.provider(descriptor("odd", Kind.CONSTRAINT), a -> "text");
        assertEquals(List.of(new CheckResult(PluginChecker.CREATE, false,
                "create{} returned a java.lang.String, which is not a Constraint as kind constraint requires")),
                checker.check(wrongType).failures());
        RegularizerProvider throwsInCheck = constraintProvider("grumpy", a -> block -> {
            throw new ArithmeticException("grr");
        });
        CheckReport report = checker.check(throwsInCheck);
        assertEquals(new CheckResult(ConstraintChecks.DETERMINISTIC, false, "threw java.lang.ArithmeticException: grr"),
                report.failures().get(0));
    }

    @Test
    void hooksThatThrowWhileBeingSetUpFailInsteadOfEscaping() {
        RegularizerProvider broken = TestHooks.provider(descriptor("batch_norm", Kind.NORMALIZATION),
                a -> new dev.rein.api.hook.Normalization() {
                    public void initialise(int width) {
                        throw new IllegalStateException("width " + width + " is too small");
                    }

                    public List<dev.rein.api.hook.NamedArray> learnedParameters() {
                        return List.of();
                    }

                    public List<dev.rein.api.hook.NamedArray> learnedGradients() {
                        return List.of();
                    }

                    public List<dev.rein.api.hook.NamedArray> state() {
                        return List.of();
                    }

                    public void forward(double[] in, double[] out, int batch, int width,
                            dev.rein.api.hook.Phase phase) {
                    }

                    public void backward(double[] gradOut, double[] gradIn, int batch, int width) {
                    }
                });
        CheckReport report = checker.check(broken);
        assertEquals(new CheckResult(LayerChecks.NORMALIZATION_ARRAYS, false,
                "threw java.lang.IllegalStateException: width 3 is too small"), report.failures().get(0));
        RegularizerProvider undecided = TestHooks.penaltyProvider("l2", lambda -> TestHooks.penalty(
                w -> 0.5 * w * w, w -> w, (w, step) -> {
                    throw new UnsupportedOperationException("not yet");
                }));
        assertEquals(new CheckResult(ElementwisePenaltyChecks.PROX_OPTIMALITY, false,
                "threw java.lang.UnsupportedOperationException: not yet"), checker.check(undecided).failures().get(0));
    }

    @Test
    void reservedParameterNamesFailTheDescriptorCheck() {
        RegularizerDescriptor d = RegularizerDescriptor.builder("l2", Kind.PENALTY)
                .addParam(ParamDescriptor.builder("on", ParamType.STRING).defaultValue("x").build()).build();
        CheckReport report = checker.check(TestHooks.provider(d, a -> TestHooks.l2(1)));
        assertEquals(new CheckResult(PluginChecker.DESCRIPTOR, false,
                "parameter 'on' uses a key Rein reserves (on, after, mode)"), report.failures().get(0));
    }

    @Test
    void assertPassesThrowsTheFormattedReport() {
        AssertionError e = assertThrows(AssertionError.class, () -> PluginChecker.assertPasses(
                TestHooks.penaltyProvider("l2", TestHooks::l2WithDoubledGradient), Map.of("lambda", "1")));
        assertEquals("[check-failed] l2: 6 checks, 1 failed\n"
                + "PASS  descriptor: l2, a penalty\n"
                + "PASS  parameters: lambda = 1 (override)\n"
                + "PASS  create: a " + TestHooks.l2WithDoubledGradient(1).getClass().getName() + "\n"
                + "PASS  value is finite: 39 points, 0 included\n"
                + "FAIL  [check-gradient] gradient matches finite differences: wrong at 38 of 39 points; first at"
                + " w = 1.0E-6: gradient(w) = 2.00000e-06 but finite differences give 1.00000e-06\n"
                + "PASS  array methods agree with scalar ones: value, addGradient on a sub-range of 39 weights",
                e.getMessage());
        assertEquals(Optional.of("check-failed"), ReinMessage.tagOf(e));
    }

    @Test
    void registeredPluginsAreNamedWithTheirSource() {
        RegularizerProvider provider = stoppingProvider(0);
        CheckReport report = checker.check(new RegisteredRegularizer(provider.descriptor(), provider,
                PluginSource.builtIn()));
        assertEquals("early_stopping (built-in): 5 checks, all passed", report.summary());
    }

    @Test
    void sameSeedSameReportOtherSeedOtherPoints() {
        RegularizerProvider bad = TestHooks.penaltyProvider("l2", TestHooks::l2WithDoubledGradient);
        assertEquals(new PluginChecker(7).check(bad), new PluginChecker(7).check(bad));
        double[] a = ElementwisePenaltyChecks.testPoints(1);
        double[] b = ElementwisePenaltyChecks.testPoints(2);
        assertEquals(a[0], b[0]);
        assertFalse(a[a.length - 1] == b[b.length - 1]);
    }

    private static RegularizerDescriptor descriptor(String name, Kind kind, ParamDescriptor... params) {
        RegularizerDescriptor.Builder b = RegularizerDescriptor.builder(name, kind);
        for (ParamDescriptor p : params) {
            b.addParam(p);
        }
        return b.build();
    }

    private static RegularizerProvider constraintProvider(String name,
            java.util.function.Function<Double, dev.rein.api.hook.Constraint> factory) {
        ParamDescriptor c = ParamDescriptor.builder("c", ParamType.DOUBLE).min(0, true).build();
        return TestHooks.provider(descriptor(name, Kind.CONSTRAINT, c), a -> factory.apply(a.getDouble("c")));
    }

    private static RegularizerProvider blockProvider(double gradientFactor) {
        return TestHooks.provider(descriptor("group_lasso", Kind.BLOCK_PENALTY, TestHooks.lambda("1e-4")),
                a -> TestHooks.groupLasso(a.getDouble("lambda"), gradientFactor));
    }

    private static RegularizerProvider activationProvider(boolean forgetMask) {
        ParamDescriptor p = ParamDescriptor.builder("p", ParamType.DOUBLE).defaultValue("0.5").min(0, false)
                .max(1, true).build();
        return TestHooks.provider(descriptor("dropout", Kind.ACTIVATION, p),
                a -> TestHooks.dropout(a.getDouble("p"), forgetMask));
    }

    private static RegularizerProvider normalizationProvider(List<String> gradientNames) {
        ParamDescriptor eps = ParamDescriptor.builder("eps", ParamType.DOUBLE).defaultValue("1e-5").min(0, true)
                .build();
        return TestHooks.provider(descriptor("batch_norm", Kind.NORMALIZATION, eps),
                a -> TestHooks.batchNorm(a.getDouble("eps"), gradientNames));
    }

    private static RegularizerProvider stoppingProvider(int stopAfter) {
        ParamDescriptor patience = ParamDescriptor.builder("patience", ParamType.INT).defaultValue("5").min(1, false)
                .build();
        return TestHooks.provider(descriptor("early_stopping", Kind.STOPPING_RULE, patience),
                a -> TestHooks.earlyStopping(a.getInt("patience"), stopAfter));
    }
}
