package dev.rein.runtime.check;

import static dev.rein.runtime.check.FiniteDifferences.num;

import dev.rein.api.hook.ElasticCoefficients;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.runtime.plan.ElasticForm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The checks of an {@link ElementwisePenalty}: finite values, the gradient against finite differences of the
 * value, the proximal operator against its optimality condition, the array methods against the scalar ones, and a
 * declared closed form ({@link ElementwisePenalty#closedForm()}) against value, gradient and proximal operator.
 */
final class ElementwisePenaltyChecks {
    private final CheckRun run;
    static final String FINITE = CheckMessages.FINITE.text();
    static final String GRADIENT = CheckMessages.GRADIENT.text();
    static final String PROX_OPTIMALITY = CheckMessages.PROX_OPTIMALITY.text();
    static final String PROX_MINIMUM = CheckMessages.PROX_MINIMUM.text();
    static final String ARRAYS = CheckMessages.ARRAYS.text();
    static final String CLOSED_FORM = CheckMessages.CLOSED_FORM.text();

    private static final double[] FIXED_POINTS = {0, 1e-6, -1e-6, 1e-3, -1e-3, 0.1, -0.1, 1, -1, 3, -3, 1e3, -1e3,
        1e6, -1e6};
    private static final double[] PROX_STEPS = {1e-3, 0.1, 1};
    private static final int RANDOM_POINTS = 24;

    private final ElementwisePenalty penalty;
    private final double[] points;

    ElementwisePenaltyChecks(ElementwisePenalty penalty, long seed, CheckRun run) {
        this.run = run;
        this.penalty = penalty;
        this.points = testPoints(seed);
    }

    /**
     * Near zero, moderate and large weights of both signs, then seeded random ones spread over eight orders of
     * magnitude.
     */
    static double[] testPoints(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] points = new double[FIXED_POINTS.length + RANDOM_POINTS];
        System.arraycopy(FIXED_POINTS, 0, points, 0, FIXED_POINTS.length);
        for (int i = FIXED_POINTS.length; i < points.length; i++) {
            points[i] = (random.nextBoolean() ? 1 : -1) * Math.pow(10, random.nextDouble(-4, 4));
        }
        return points;
    }

    List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        results.add(run.guard(FINITE, this::finite));
        results.add(run.guard(GRADIENT, this::gradient));
        if (penalty.hasProximal()) {
            results.add(run.guard(PROX_OPTIMALITY, this::proxOptimality));
            results.add(run.guard(PROX_MINIMUM, this::proxMinimum));
        }
        results.add(run.guard(ARRAYS, this::arrays));
        CheckResult closedForm = run.guard(CLOSED_FORM, this::closedForm);
        if (closedForm != null) {
            results.add(closedForm);
        }
        return results;
    }

    private CheckResult finite() {
        for (double w : points) {
            double r = penalty.value(w);
            if (!Double.isFinite(r)) {
                return CheckResult.fail(FINITE, "R(" + w + ") = " + r);
            }
        }
        return CheckResult.pass(FINITE, points.length + " points, 0 included");
    }

    private CheckResult gradient() {
        int failures = 0;
        int kinks = 0;
        String first = null;
        int notFinite = 0;
        for (double w : points) {
            if (!Double.isFinite(penalty.value(w))) {
                notFinite++;   // no slope to compare with: the finite check reports these points
                continue;
            }
            FiniteDifferences.Slopes slopes = FiniteDifferences.slopes(penalty::value, w);
            double claimed = penalty.gradient(w);
            if (!Double.isFinite(claimed) || !slopes.accepts(claimed)) {
                failures++;
                if (first == null) {
                    first = "at w = " + w + ": gradient(w) = " + num(claimed) + " but finite differences give "
                            + slopes.expected();
                }
            } else if (slopes.kink()) {
                kinks++;
            }
        }
        String skipped = notFinite > 0 ? "; " + notFinite + " points where R is not finite left to the finite check"
                : "";
        if (failures > 0) {
            return CheckResult.fail(GRADIENT, "wrong at " + failures + " of " + (points.length - notFinite)
                    + " points; first " + first + skipped);
        }
        return CheckResult.pass(GRADIENT, (points.length - notFinite) + " points" + (kinks > 0 ? " (" + kinks
                + " at a kink, where any subgradient is accepted)" : "") + skipped);
    }

    private CheckResult proxOptimality() {
        int checked = 0;
        for (double step : PROX_STEPS) {
            for (double w : points) {
                double x = penalty.proximal(w, step);
                if (!Double.isFinite(x)) {
                    return CheckResult.fail(PROX_OPTIMALITY, "prox(w = " + w + ", step = " + step + ") = " + x);
                }
                double s = (w - x) / step;
                FiniteDifferences.Slopes slopes = FiniteDifferences.slopes(penalty::value, x);
                // w - x loses the low bits of the larger of the two: allow for them.
                double cancellation = 4 * Math.ulp(Math.max(Math.abs(w), Math.abs(x))) / step;
                if (!slopes.between(s, cancellation)) {
                    return CheckResult.fail(PROX_OPTIMALITY, "x = prox(w = " + w + ", step = " + step + ") = "
                            + num(x) + ", but (w - x)/step = " + num(s) + " is not in [R'(x-), R'(x+)] = ["
                            + num(Math.min(slopes.left(), slopes.right())) + ", "
                            + num(Math.max(slopes.left(), slopes.right())) + "]");
                }
                checked++;
            }
        }
        return CheckResult.pass(PROX_OPTIMALITY, checked + " points at steps 1e-3, 0.1, 1");
    }

    private CheckResult proxMinimum() {
        int checked = 0;
        for (double step : PROX_STEPS) {
            for (double w : points) {
                double x = penalty.proximal(w, step);
                double d = 1e-4 * Math.max(Math.max(Math.abs(x), Math.abs(w)), 1e-3);
                double fx = objective(x, w, step);
                for (double z : new double[] {x - d, x + d}) {
                    double fz = objective(z, w, step);
                    if (!(fz >= fx - 16 * Math.ulp(1.0) * (Math.abs(fx) + Math.abs(fz)))) {
                        return CheckResult.fail(PROX_MINIMUM, "x = prox(w = " + w + ", step = " + step + ") = "
                                + num(x) + ", but F(" + num(z) + ") = " + num(fz) + " < F(x) = " + num(fx));
                    }
                }
                checked++;
            }
        }
        return CheckResult.pass(PROX_MINIMUM, checked + " points, F(x) <= F(x +- d)");
    }

    private double objective(double z, double w, double step) {
        return (z - w) * (z - w) / (2 * step) + penalty.value(z);
    }

    private CheckResult arrays() {
        int from = 3;
        int to = points.length - 3;
        double[] w = points.clone();
        double expectedSum = 0;
        double size = 0;
        for (int i = from; i < to; i++) {
            expectedSum += penalty.value(w[i]);
            size += Math.abs(penalty.value(w[i]));
        }
        double sum = penalty.value(w, from, to);
        boolean agrees = Math.abs(sum - expectedSum) <= 1e-12 * size + Double.MIN_NORMAL
                || Double.compare(sum, expectedSum) == 0;   // the same NaN or infinity: the finite check's to report
        if (!agrees) {
            return CheckResult.fail(ARRAYS, "value(w, " + from + ", " + to + ") = " + num(sum)
                    + " but the scalar values sum to " + num(expectedSum));
        }
        double scale = 0.5;
        double[] gradient = new double[w.length];
        Arrays.fill(gradient, 1.0);
        penalty.addGradient(w, from, to, gradient, scale);
        for (int i = 0; i < w.length; i++) {
            double expected = i >= from && i < to ? 1.0 + scale * penalty.gradient(w[i]) : 1.0;
            if (!close(gradient[i], expected)) {
                return CheckResult.fail(ARRAYS, "addGradient(w, " + from + ", " + to + ", g, 0.5) left g[" + i
                        + "] = " + num(gradient[i]) + " (w = " + w[i] + ") where g[i] + 0.5·gradient(w[i]) = "
                        + num(expected) + (i < from || i >= to ? " (outside the range: must stay as it was)" : ""));
            }
        }
        if (penalty.hasProximal()) {
            double step = 0.1;
            double[] x = w.clone();
            penalty.proximal(x, from, to, step);
            for (int i = 0; i < w.length; i++) {
                double expected = i >= from && i < to ? penalty.proximal(w[i], step) : w[i];
                if (!close(x[i], expected)) {
                    return CheckResult.fail(ARRAYS, "proximal(w, " + from + ", " + to + ", 0.1) set w[" + i + "] = "
                            + num(x[i]) + " where the scalar proximal(" + w[i] + ", 0.1) gives " + num(expected)
                            + (i < from || i >= to ? " (outside the range: must stay as it was)" : ""));
                }
            }
        }
        if (!Arrays.equals(w, points)) {
            return CheckResult.fail(ARRAYS, "value or addGradient changed the weights they were given");
        }
        return CheckResult.pass(ARRAYS, "value, addGradient" + (penalty.hasProximal() ? ", proximal" : "")
                + " on a sub-range of " + w.length + " weights");
    }

    /**
     * Null without a declaration. Else the declaration must hold at every test point, far ones included: the runtime's closed-form catch-up relies on it
     * for every weight. Same tolerance as the runtime's comparison: {@code 1e-12·max(1, |expected|)}, and any
     * subgradient in {@code [-λ₁, λ₁]} at {@code w = 0}.
     */
    private CheckResult closedForm() {
        Optional<ElasticCoefficients> declared = penalty.closedForm();
        if (declared.isEmpty()) {
            return null;   // nothing declared, nothing to check
        }
        ElasticCoefficients form = declared.get();
        for (double w : points) {
            double value = penalty.value(w);
            if (!agrees(form.value(w), value)) {
                return CheckResult.fail(CLOSED_FORM, "declares " + form + ", but at w = " + w + ": R(w) = "
                        + num(value) + " where λ₁|w| + (λ₂/2)w² = " + num(form.value(w)));
            }
            double gradient = penalty.gradient(w);
            boolean ok = w == 0
                    ? Math.abs(gradient) <= form.l1() + 1e-12 * Math.max(1, form.l1())
                    : agrees(form.gradient(w), gradient);
            if (!ok) {
                return CheckResult.fail(CLOSED_FORM, "declares " + form + ", but at w = " + w + ": gradient(w) = "
                        + num(gradient) + " where λ₁·sign(w) + λ₂·w = " + num(form.gradient(w)));
            }
        }
        if (penalty.hasProximal()) {
            for (double step : PROX_STEPS) {
                for (double w : points) {
                    double x = penalty.proximal(w, step);
                    if (!agrees(form.proximal(w, step), x)) {
                        return CheckResult.fail(CLOSED_FORM, "declares " + form + ", but prox(w = " + w
                                + ", step = " + step + ") = " + num(x) + " where soft-thresholding by step·λ₁, then"
                                + " dividing by 1 + step·λ₂ gives " + num(form.proximal(w, step)));
                    }
                }
            }
        }
        if (ElasticForm.of(penalty) == null) {
            return CheckResult.fail(CLOSED_FORM, "declares " + form + ", which agrees at these points, but training"
                    + " compares it at its own points too (-3.5, -1, -0.25, 0, 0.125, 0.7, 2.5 and every decade from"
                    + " ±10 to ±1e6) and finds one where the penalty differs, so it would ignore the declaration and"
                    + " catch the weights up by replay: make the @ClosedForm method and the @Penalty agree everywhere");
        }
        return CheckResult.pass(CLOSED_FORM, form + " at " + points.length + " points"
                + (penalty.hasProximal() ? ", and the proximal operator at steps 1e-3, 0.1, 1" : ""));
    }

    private static boolean agrees(double expected, double actual) {
        return expected == actual || Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected));
    }

    private static boolean close(double actual, double expected) {
        return Math.abs(actual - expected) <= 1e-12 * Math.max(Math.abs(actual), Math.abs(expected))
                + Double.MIN_NORMAL || Double.compare(actual, expected) == 0;   // the same NaN or infinity agrees
    }
}
