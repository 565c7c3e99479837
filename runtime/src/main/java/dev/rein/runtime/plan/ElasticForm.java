package dev.rein.runtime.plan;

import dev.rein.api.hook.ElasticCoefficients;
import dev.rein.api.hook.ElementwisePenalty;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * An element-wise penalty of the form {@code R(w) = λ₁|w| + (λ₂/2)w²} with {@code λ₁, λ₂ >= 0} (L1, L2, elastic
 * net): the lazy engine's closed form and {@code mode=cumulative} rely on it, so it must hold for every weight, not
 * only for small ones.
 *
 * <pre>{@code
 * ElasticForm f = ElasticForm.of(hook);   // null when the hook is not of this form
 * double l1 = f.l1, l2 = f.l2;
 * boolean standardProx = f.proximalMatches(hook);
 * }</pre>
 *
 * <p>Where the form comes from:
 * <ul>
 *   <li><b>Declared</b>: a plugin with a {@link dev.rein.api.ClosedForm} method (its hook's
 *       {@link ElementwisePenalty#closedForm()} is present) gives {@code λ₁, λ₂} itself. The declaration is still
 *       compared with the hook's value and gradient at every probe point below; one that contradicts them is
 *       refused: {@code of} returns null, so the weights are caught up by replay, and a warning on this class's
 *       {@link Logger} names the plugin's class, its declaration and the first point where they differ (once per
 *       class). {@code rein check} ({@code PluginChecker}) fails such a plugin too.</li>
 *   <li><b>Recognised</b>, for a plugin that declares nothing: {@code λ₂} is the slope of the gradient between
 *       {@code ε = 2⁻³⁰} and {@code 10⁶}, {@code λ₁ = R'(ε) - λ₂·ε} (each read where it dominates, so both come out
 *       to a few ulps whatever the mix; a coefficient below {@code 1e-14} times the other is rounding of a zero),
 *       then the same comparison at every probe point, null on any difference.</li>
 * </ul>
 * The probe points are those near zero, {@code -3.5, -1, -0.25, 0, 0.125, 0.7, 2.5}, every decade from
 * {@code ±10} to {@code ±10⁶} (the large weights {@code rein check} also samples), so that a penalty equal to L2
 * for {@code |w| <= 10} and linear beyond (a Huber-like penalty) is not taken for L2, and twenty points a decade
 * from {@code ±10⁻⁶} to {@code ±10⁶}, so that a well or a bump between them is not missed. A penalty that shows
 * no form but zero is not recognised at all (it is caught up by replay, exactly). A value or gradient agrees
 * when it is within {@code 1e-12·max(1, |expected|)}; at {@code w = 0} any gradient in {@code [-λ₁, λ₁]} (a
 * subgradient) agrees. No finite set of probes proves the form, which is what a declaration is for; a penalty that
 * bends away only beyond {@code 10⁶} would still be taken for the form without one.
 */
public final class ElasticForm {
    /** Near zero, where most weights live. */
    private static final double[] NEAR = {-3.5, -1, -0.25, 0, 0.125, 0.7, 2.5};
    /** Far out: each decade from 10 to a million, on both sides, nearest first (a report names the nearest). */
    private static final double[] FAR = {10, -10, 100, -100, 1e3, -1e3, 1e4, -1e4, 1e5, -1e5, 1e6, -1e6};
    /**
     * Between them, twenty points a decade from {@code 10⁻⁶} to {@code 10⁶} on each side, so that a bump, a well or a
     * dead zone somewhere in between (a penalty that is zero at the points above) does not pass for a form.
     */
    private static final double[] DENSE = dense();
    private static final double[] STEPS = {0.01, 0.5, 3};
    /** Where the recognition reads {@code λ₂} off the gradient: {@code λ₂·w} dwarfs {@code λ₁} there. */
    private static final double FAR_OUT = 1e6;
    /** Where it reads {@code λ₁}: {@code λ₂·w} is negligible there. A power of two, so that {@code λ·w} is exact. */
    private static final double NEAR_IN = 0x1p-30;
    private static final double TOLERANCE = 1e-12;
    /** A coefficient this much smaller than the other is rounding of a zero at every probe point. */
    private static final double ROUNDING = 1e-14;

    private static final Logger LOG = Logger.getLogger(ElasticForm.class.getName());
    /** Classes whose refused declaration was reported already. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    /** {@code λ₁}. */
    public final double l1;
    /** {@code λ₂}. */
    public final double l2;

    private ElasticForm(double l1, double l2) {
        this.l1 = l1;
        this.l2 = l2;
    }

    /**
     * The form of {@code p}: its declared one if that agrees with its value and gradient at every probe point,
     * else, when it declares none, the one its value and gradient show at every probe point; null otherwise.
     */
    public static ElasticForm of(ElementwisePenalty p) {
        Optional<ElasticCoefficients> declared;
        try {
            declared = p.closedForm();
        } catch (RuntimeException e) {
            report(p, PlanMessages.closedFormThrew(e));
            return null;
        }
        if (declared.isPresent()) {
            ElasticForm form = new ElasticForm(declared.get().l1(), declared.get().l2());
            String difference = form.firstDifference(p);
            if (difference != null) {
                report(p, PlanMessages.closedFormDisagrees(declared.get(), difference));
                return null;
            }
            return form;
        }
        return recognised(p);
    }

    private static ElasticForm recognised(ElementwisePenalty p) {
        try {
            return probed(p);
        } catch (RuntimeException e) {
            // a penalty that refuses far-out weights (|w| = 1e6) is no elastic net; training meets its refusal only
            // if a weight gets there, and then names the plugin
            return null;
        }
    }

    private static ElasticForm probed(ElementwisePenalty p) {
        double nearIn = p.gradient(NEAR_IN);
        double l2 = (p.gradient(FAR_OUT) - nearIn) / (FAR_OUT - NEAR_IN);
        double l1 = nearIn - l2 * NEAR_IN;
        if (Math.abs(l1) <= ROUNDING * l2) {
            l1 = 0;
        }
        if (Math.abs(l2) * FAR_OUT <= ROUNDING * l1) {
            l2 = 0;
        }
        if (!(l1 >= 0 && l2 >= 0 && l1 < Double.POSITIVE_INFINITY && l2 < Double.POSITIVE_INFINITY)) {
            return null;
        }
        if (l1 == 0 && l2 == 0) {
            return null;   // zero at every probe is no evidence of the form: a zero penalty replays cheaply anyway
        }
        ElasticForm form = new ElasticForm(l1, l2);
        return form.firstDifference(p) == null ? form : null;
    }

    private static double[] dense() {
        int perDecade = 20;
        double[] points = new double[2 * (12 * perDecade + 1)];
        for (int k = 0; k <= 12 * perDecade; k++) {
            double w = Math.pow(10, -6 + (double) k / perDecade);
            points[2 * k] = w;
            points[2 * k + 1] = -w;
        }
        return points;
    }

    /** Where {@code p}'s value or gradient first differs from this form, in words, or null where none does. */
    private String firstDifference(ElementwisePenalty p) {
        for (double[] points : new double[][] {NEAR, FAR, DENSE}) {
            for (double w : points) {
                double value = p.value(w);
                if (!close(value(w), value)) {
                    return PlanMessages.valueDiffers(w, value, value(w));
                }
                double gradient = p.gradient(w);
                boolean agrees = w == 0
                        ? Math.abs(gradient) <= l1 + TOLERANCE * Math.max(1, l1)
                        : close(gradient(w), gradient);
                if (!agrees) {
                    return PlanMessages.gradientDiffers(w, gradient,
                            w == 0 ? "a value in [-" + l1 + ", " + l1 + "]" : Double.toString(gradient(w)));
                }
            }
        }
        return null;
    }

    /** Whether {@code p.proximal} soft-thresholds by {@code step·λ₁}, then shrinks by {@code 1 + step·λ₂}. */
    public boolean proximalMatches(ElementwisePenalty p) {
        for (double step : STEPS) {
            for (double[] points : new double[][] {NEAR, FAR}) {
                for (double w : points) {
                    double t = step * l1;
                    double soft = Math.copySign(Math.max(0, Math.abs(w) - t), w);
                    if (!close(soft / (1 + step * l2), p.proximal(w, step))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private double value(double w) {
        return l1 * Math.abs(w) + 0.5 * l2 * w * w;
    }

    private double gradient(double w) {
        return l1 * Math.signum(w) + l2 * w;
    }

    private static boolean close(double expected, double actual) {
        return expected == actual || Math.abs(expected - actual) <= TOLERANCE * Math.max(1, Math.abs(expected));
    }

    private static void report(ElementwisePenalty p, String why) {
        String name = p.getClass().getName();
        if (REPORTED.add(name)) {
            LOG.warning(PlanMessages.closedFormIgnored(name, why).toString());
        }
    }

    @Override
    public String toString() {
        return "λ₁ = " + l1 + ", λ₂ = " + l2;
    }
}
