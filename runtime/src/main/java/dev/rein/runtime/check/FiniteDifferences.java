package dev.rein.runtime.check;

import dev.rein.api.numeric.GradientTolerance;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * Derivatives by finite differences, and the tolerances to compare them with a claimed derivative.
 *
 * <p>The step is scaled to the point ({@code 1e-6·max(|x|, 1e-3)}), so that a weight of {@code 1e6} and one of
 * {@code 1e-6} are both measured at their own scale. A comparison allows a relative error of {@value #RTOL} plus
 * the error of the differences themselves: the larger of a rounding estimate from the size of the function values
 * and {@link GradientTolerance#absoluteTolerance}, the noise measured in the function near the point plus the
 * central difference's truncation error. The noise lets a penalty computed as a difference of nearly equal terms
 * ({@code sqrt(1 + w*w) - 1} at {@code w = 1e-6}) pass with its exact gradient; the truncation error, one curved
 * differently on each side of the point ({@code (w > 0 ? 2 : 1)·w²} at {@code w = 0}, central difference
 * {@code h/2}).
 *
 * <p>A <em>kink</em> (L1 at 0) shows as left and right one-sided differences that disagree and keep disagreeing
 * when the step shrinks 16-fold; a smooth function's one-sided differences close up in proportion to the step.
 * At a kink any claimed derivative between the one-sided ones is a valid subgradient.
 */
final class FiniteDifferences {
    /** The relative tolerance of every comparison. */
    static final double RTOL = GradientTolerance.RTOL;
    private static final double EPS = Math.ulp(1.0);

    private FiniteDifferences() {
    }

    /** The step used at {@code x}. */
    static double step(double x) {
        return GradientTolerance.step(x);
    }

    /** What finite differences say about {@code f'} at a point. */
    record Slopes(double left, double central, double right, boolean kink, double noise) {
        /** Whether {@code claimed} agrees: close to {@link #central()}, or at a kink between left and right. */
        boolean accepts(double claimed) {
            if (kink) {
                double tolerance = RTOL * Math.max(Math.abs(left), Math.abs(right)) + noise;
                return claimed >= Math.min(left, right) - tolerance && claimed <= Math.max(left, right) + tolerance;
            }
            return Math.abs(claimed - central) <= RTOL * Math.max(Math.abs(central), Math.abs(claimed)) + noise;
        }

        /** Whether {@code value} lies in {@code [min(left, right), max(left, right)]}, with tolerance. */
        boolean between(double value, double extraTolerance) {
            double tolerance = RTOL * Math.max(Math.max(Math.abs(left), Math.abs(right)), Math.abs(value)) + noise
                    + extraTolerance;
            return value >= Math.min(left, right) - tolerance && value <= Math.max(left, right) + tolerance;
        }

        /** How a person reads what the differences expect: {@code "1.00000"} or {@code "[-1.00000, 1.00000]"}. */
        String expected() {
            return kink ? "a subgradient in [" + num(Math.min(left, right)) + ", " + num(Math.max(left, right)) + "]"
                    : num(central);
        }
    }

    /** Left, central and right differences of {@code f} at {@code x}, and whether {@code x} is a kink. */
    static Slopes slopes(DoubleUnaryOperator f, double x) {
        double h = step(x);
        double fx = f.applyAsDouble(x);
        double fPlus = f.applyAsDouble(x + h);
        double fMinus = f.applyAsDouble(x - h);
        double noise = Math.max(roundoff(h, fx, fPlus, fMinus), GradientTolerance.absoluteTolerance(f, x));
        double left = (fx - fMinus) / h;
        double right = (fPlus - fx) / h;
        double gap = Math.abs(right - left);
        boolean kink = false;
        if (gap > RTOL * Math.max(Math.abs(left), Math.abs(right)) + noise) {
            double small = h / 16;
            double smallLeft = (fx - f.applyAsDouble(x - small)) / small;
            double smallRight = (f.applyAsDouble(x + small) - fx) / small;
            double smallGap = Math.abs(smallRight - smallLeft);
            kink = smallGap > gap / 2;
        }
        return new Slopes(left, (fPlus - fMinus) / (2 * h), right, kink, noise);
    }

    /** The rounding error of a difference quotient of values of this size, with a generous margin. */
    static double roundoff(double h, double... values) {
        double size = 0;
        for (double v : values) {
            size += Math.abs(v);
        }
        return 64 * EPS * size / h + Double.MIN_NORMAL;
    }

    /** A number for a report: six significant digits, e.g. {@code 1.00000e-06}. */
    static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
