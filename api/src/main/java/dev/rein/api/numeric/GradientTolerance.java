package dev.rein.api.numeric;

import java.util.function.DoubleUnaryOperator;

/**
 * When a claimed derivative agrees with a reference one: within a relative tolerance of {@value #RTOL}, plus an
 * absolute term for the rounding noise of the penalty itself, measured at the point.
 *
 * <p>Why measured: a penalty whose value near zero is a difference of nearly equal terms, such as the stable smooth
 * absolute value {@code |w| + log1p(exp(-2|w|)) - log 2} or {@code sqrt(1 + w*w) - 1}, is accurate only to about
 * {@code 1e-16} in absolute terms while its value at {@code w = 1e-6} is about {@code 5e-13}. A finite difference
 * with step {@code h = 1e-9} then carries an error near {@code 1e-16 / 1e-9 = 1e-7}, five per cent of the exact
 * gradient {@code 1e-6}: a purely relative test calls a correct gradient wrong. Like PyTorch's {@code gradcheck}
 * ({@code |claimed - numeric| <= atol + rtol·|numeric|}), Rein adds an absolute term, but sizes it from the noise
 * it measures in the function's values near the point (the spread of fourth differences on each side, as in Moré
 * and Wild's ECnoise), so a well-conditioned penalty keeps the tight relative test:
 *
 * <pre>{@code
 * DoubleUnaryOperator r = w -> Math.sqrt(1 + w * w) - 1;
 * double w = 1e-6;
 * double h = GradientTolerance.step(w);                                    // 1e-9
 * double numeric = (r.applyAsDouble(w + h) - r.applyAsDouble(w - h)) / (2 * h);
 * double atol = GradientTolerance.absoluteTolerance(r, w);                 // about 4e-7 here
 * GradientTolerance.agrees(w / Math.sqrt(1 + w * w), numeric, atol);      // true: the exact gradient
 * GradientTolerance.agrees(-w / Math.sqrt(1 + w * w), numeric, atol);     // false: the wrong sign
 * }</pre>
 *
 * <p>A gradient off by 1 % still fails wherever the noise is small against the gradient, which for any penalty
 * is most of the range of weights.
 */
public final class GradientTolerance {
    /** The relative part of every comparison. */
    public static final double RTOL = 1e-5;
    /** How many measured noise levels (divided by the step) the absolute part allows. */
    public static final double NOISE_FACTOR = 4;
    /** Points on each side of {@code x} whose fourth differences measure the noise. */
    private static final int STENCIL = 8;
    /** {@code (4!)² / 8!}: makes the mean square of fourth differences of white noise its variance. */
    private static final double FOURTH_DIFFERENCE_GAIN = 1.0 / 70;

    private GradientTolerance() {
    }

    /** The finite-difference step at {@code x}: {@code 1e-6·max(|x|, 1e-3)}, each weight at its own scale. */
    public static double step(double x) {
        return 1e-6 * Math.max(Math.abs(x), 1e-3);
    }

    /**
     * The absolute tolerance of a derivative of {@code f} at {@code x}: {@value #NOISE_FACTOR} times the measured
     * noise of {@code f} near {@code x}, divided by {@link #step(double)}; zero where {@code f} is exact there.
     */
    public static double absoluteTolerance(DoubleUnaryOperator f, double x) {
        double h = step(x);
        return NOISE_FACTOR * measuredNoise(f, x, h) / h;
    }

    /**
     * The standard deviation of rounding noise in {@code f} near {@code x}, from fourth differences with spacing
     * {@code h}: the smaller of the estimates on the left and on the right, so that a kink at {@code x} itself
     * (L1 at zero), which lies at the end of both stencils, does not pass for noise.
     */
    public static double measuredNoise(DoubleUnaryOperator f, double x, double h) {
        return Math.min(oneSidedNoise(f, x, -h), oneSidedNoise(f, x, h));
    }

    private static double oneSidedNoise(DoubleUnaryOperator f, double x, double h) {
        double[] v = new double[STENCIL + 1];
        for (int j = 0; j <= STENCIL; j++) {
            v[j] = f.applyAsDouble(x + j * h);
        }
        double sumOfSquares = 0;
        int count = 0;
        for (int i = 0; i + 4 <= STENCIL; i++) {
            double fourth = v[i] - 4 * v[i + 1] + 6 * v[i + 2] - 4 * v[i + 3] + v[i + 4];
            sumOfSquares += fourth * fourth;
            count++;
        }
        double noise = Math.sqrt(FOURTH_DIFFERENCE_GAIN * sumOfSquares / count);
        return Double.isFinite(noise) ? noise : 0;
    }

    /**
     * Whether {@code claimed} agrees with {@code reference}:
     * {@code |claimed - reference| <= RTOL·max(|claimed|, |reference|) + absolute}.
     */
    public static boolean agrees(double claimed, double reference, double absolute) {
        return claimed == reference
                || Math.abs(claimed - reference) <= RTOL * Math.max(Math.abs(claimed), Math.abs(reference)) + absolute;
    }
}
