package dev.rein.runtime.plan;

import dev.rein.api.hook.ElementwisePenalty;

/**
 * An element-wise penalty of the form {@code R(w) = λ₁|w| + (λ₂/2)w²} with {@code λ₁, λ₂ >= 0} (L1, L2, elastic
 * net), recognised from its hook by probing the value and gradient at fixed points, not by its name; the lazy
 * engine's closed form and {@code mode=cumulative} rely on it.
 *
 * <pre>{@code
 * ElasticForm f = ElasticForm.of(hook);   // null when the hook is not of this form
 * double l1 = f.l1, l2 = f.l2;
 * boolean standardProx = f.proximalMatches(hook);
 * }</pre>
 */
public final class ElasticForm {
    private static final double[] PROBES = {-3.5, -1, -0.25, 0, 0.125, 0.7, 2.5};
    /** {@code λ₁}. */
    public final double l1;
    /** {@code λ₂}. */
    public final double l2;

    private ElasticForm(double l1, double l2) {
        this.l1 = l1;
        this.l2 = l2;
    }

    /** The form of {@code p}, or null when its value or gradient is not of it at every probe. */
    public static ElasticForm of(ElementwisePenalty p) {
        double l2 = p.value(2) - 2 * p.value(1);
        double l1 = p.value(1) - l2 / 2;
        if (!(l1 >= 0 && l2 >= 0)) {
            return null;
        }
        for (double w : PROBES) {
            double value = l1 * Math.abs(w) + 0.5 * l2 * w * w;
            double gradient = l1 * Math.signum(w) + l2 * w;
            if (!close(value, p.value(w)) || !close(gradient, p.gradient(w))) {
                return null;
            }
        }
        return new ElasticForm(l1, l2);
    }

    /** Whether {@code p.proximal} soft-thresholds by {@code step·λ₁}, then shrinks by {@code 1 + step·λ₂}. */
    public boolean proximalMatches(ElementwisePenalty p) {
        for (double step : new double[] {0.01, 0.5, 3}) {
            for (double w : PROBES) {
                double t = step * l1;
                double soft = Math.copySign(Math.max(0, Math.abs(w) - t), w);
                if (!close(soft / (1 + step * l2), p.proximal(w, step))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean close(double expected, double actual) {
        return Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected));
    }
}
