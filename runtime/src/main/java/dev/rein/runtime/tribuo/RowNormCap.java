package dev.rein.runtime.tribuo;

import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.hook.Role;

/**
 * Recognises a constraint that caps each row's L2 norm (a max-norm), so that the lazy engine can apply it with one
 * scale factor per row instead of a pass over every weight. Like the closed form of the penalties, the form is
 * found by probing the hook, not by its name: a row far outside the ball must land on a sphere of some radius
 * {@code c}, and then rows of several norms must come out exactly as {@code w·min(1, c/‖w‖)} would leave them.
 *
 * <pre>{@code
 * double c = RowNormCap.of(maxNorm);   // 3.0 for max_norm(c=3); NaN for non_negative
 * }</pre>
 */
final class RowNormCap {
    /** Far outside any cap worth recognising: larger caps are left to the eager path. */
    private static final double FAR = 1e6;
    private static final double[] DIRECTION = {1.0 / 3, 2.0 / 3, -2.0 / 3, 0};

    private RowNormCap() {
    }

    /** The radius {@code c} of the row-norm ball {@code constraint} projects onto, or NaN when it is not one. */
    static double of(Constraint constraint) {
        try {
            double[] far = row(FAR);
            constraint.project(new ParameterBlock("probe", Role.WEIGHT, 1, far.length, far));
            double c = norm(far);
            if (!(c > 0 && c < FAR * (1 - 1e-9))) {
                return Double.NaN;
            }
            double[] factors = {0.5, 0.999, 1.5, 10, 0};
            double[] values = new double[factors.length * DIRECTION.length];
            for (int r = 0; r < factors.length; r++) {
                System.arraycopy(row(factors[r] * c), 0, values, r * DIRECTION.length, DIRECTION.length);
            }
            double[] projected = values.clone();
            constraint.project(new ParameterBlock("probe", Role.WEIGHT, factors.length, DIRECTION.length,
                    projected));
            for (int r = 0; r < factors.length; r++) {
                double keep = Math.min(1, 1 / Math.max(factors[r], Double.MIN_VALUE));
                for (int k = 0; k < DIRECTION.length; k++) {
                    double expected = values[r * DIRECTION.length + k] * keep;
                    if (Math.abs(projected[r * DIRECTION.length + k] - expected) > 1e-12 * Math.max(1, c)) {
                        return Double.NaN;
                    }
                }
            }
            return c;
        } catch (RuntimeException e) {
            return Double.NaN;   // a constraint that fails on a probe is simply not recognised
        }
    }

    private static double[] row(double norm) {
        double[] out = DIRECTION.clone();
        for (int k = 0; k < out.length; k++) {
            out[k] *= norm;
        }
        return out;
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
