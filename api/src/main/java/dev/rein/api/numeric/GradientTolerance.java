package dev.rein.api.numeric;

import java.util.function.DoubleUnaryOperator;

/**
 * When a claimed derivative agrees with a reference one: within a relative tolerance of {@value #RTOL}, plus an
 * absolute term for the error a central finite difference can have at the point: the rounding noise of the penalty
 * itself, measured near the point, and the difference's truncation error, estimated by a second step.
 *
 * <p>Why measured noise: a penalty whose value near zero is a difference of nearly equal terms, such as the stable
 * smooth absolute value {@code |w| + log1p(exp(-2|w|)) - log 2} or {@code sqrt(1 + w*w) - 1}, is accurate only to
 * about {@code 1e-16} in absolute terms while its value at {@code w = 1e-6} is about {@code 5e-13}. A finite
 * difference with step {@code h = 1e-9} then carries an error near {@code 1e-16 / 1e-9 = 1e-7}, five per cent of
 * the exact gradient {@code 1e-6}: a purely relative test calls a correct gradient wrong. Like PyTorch's
 * {@code gradcheck} ({@code |claimed - numeric| <= atol + rtol·|numeric|}), Rein adds an absolute term, but sizes
 * it from the noise it measures in the function's values near the point, so a well-conditioned penalty keeps the
 * tight relative test. The noise is the spread of fourth divided differences on 9 points each side (as in Moré
 * and Wild's ECnoise), at two spacings ({@code h} and {@code 16h}) and with irregular gaps: such a penalty's values
 * lie on a coarse grid (multiples of {@code 1e-16}), and at evenly spaced points whose increments are close to a
 * whole number of grid steps the rounding repeats itself and looks smooth ({@code 0.25(sqrt(1 + 4w²) - 1)} at
 * {@code w = 1e-6} is off by {@code 8e-4} relative while its evenly spaced fourth differences are exactly 0).
 *
 * <p>Why truncation: a central difference is exact only up to {@code h²·f'''/6}, and up to
 * {@code h·(f''₊ - f''₋)/4} where the curvature differs on each side of the point ({@code (w > 0 ? 2 : 1)·w²} at
 * {@code w = 0} has gradient 0 and central difference {@code h/2}). Both shrink with the step, so the difference
 * between the central differences with steps {@code 2h} and {@code h} bounds the error of the latter (it is 3 times
 * that error in the first case, equal to it in the second); {@value #TRUNCATION_FACTOR} times it is allowed. For a
 * smooth penalty it is about {@code 1e-12} relative, so it weakens nothing there.
 *
 * <pre>{@code
 * DoubleUnaryOperator r = w -> Math.sqrt(1 + w * w) - 1;
 * double w = 1e-6;
 * double h = GradientTolerance.step(w);                                    // 1e-9
 * double numeric = (r.applyAsDouble(w + h) - r.applyAsDouble(w - h)) / (2 * h);
 * double atol = GradientTolerance.absoluteTolerance(r, w);                 // about 2e-7 here
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
    /** How many estimated truncation errors of the central difference the absolute part allows. */
    public static final double TRUNCATION_FACTOR = 2;
    /** Gaps after {@code x} (in units of the spacing) of the points whose divided differences measure the noise. */
    private static final int STENCIL = 8;
    /** Offsets from {@code x}: gaps {@code 0.5 + frac(j·0.618...)}, irregular so that rounding does not repeat. */
    private static final double[] OFFSETS = offsets();
    /** For each window of 5 offsets, the fourth divided difference's weights, scaled to unit sum of squares. */
    private static final double[][] WEIGHTS = weights();
    /** The spacings (in units of the step) at which the noise is measured. */
    private static final double[] SPACINGS = {1, 16};

    private GradientTolerance() {
    }

    private static double[] offsets() {
        double[] t = new double[STENCIL + 1];
        double golden = (Math.sqrt(5) - 1) / 2;
        for (int j = 1; j <= STENCIL; j++) {
            t[j] = t[j - 1] + 0.5 + (j * golden - Math.floor(j * golden));
        }
        return t;
    }

    /** Scaled to unit sum of squares, the weights turn white noise of variance σ² into values of variance σ². */
    private static double[][] weights() {
        double[][] w = new double[STENCIL - 3][5];
        for (int i = 0; i < w.length; i++) {
            double sumOfSquares = 0;
            for (int k = 0; k < 5; k++) {
                double product = 1;
                for (int m = 0; m < 5; m++) {
                    if (m != k) {
                        product *= OFFSETS[i + k] - OFFSETS[i + m];
                    }
                }
                w[i][k] = 1 / product;
                sumOfSquares += w[i][k] * w[i][k];
            }
            for (int k = 0; k < 5; k++) {
                w[i][k] /= Math.sqrt(sumOfSquares);
            }
        }
        return w;
    }

    /** The finite-difference step at {@code x}: {@code 1e-6·max(|x|, 1e-3)}, each weight at its own scale. */
    public static double step(double x) {
        return 1e-6 * Math.max(Math.abs(x), 1e-3);
    }

    /**
     * The absolute tolerance of a derivative of {@code f} at {@code x}: {@value #NOISE_FACTOR} times the measured
     * noise of {@code f} near {@code x} divided by {@link #step(double)}, plus {@value #TRUNCATION_FACTOR} times
     * the {@link #truncationError truncation error} of the central difference; zero where {@code f} is exact and
     * its central difference too (a polynomial of degree 2 or less on both sides).
     */
    public static double absoluteTolerance(DoubleUnaryOperator f, double x) {
        double h = step(x);
        return NOISE_FACTOR * measuredNoise(f, x, h) / h + TRUNCATION_FACTOR * truncationError(f, x);
    }

    /**
     * An estimate of the truncation error of the central difference of {@code f} at {@code x} with step
     * {@code h = step(x)}: {@code |D(2h) - D(h)|}, where {@code D(s) = (f(x + s) - f(x - s))/(2s)}. Zero for a
     * quadratic, and where the curvature differs on each side (the error is then {@code h·(f''₊ - f''₋)/4}) equal
     * to the error itself.
     */
    public static double truncationError(DoubleUnaryOperator f, double x) {
        double h = step(x);
        double once = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
        double twice = (f.applyAsDouble(x + 2 * h) - f.applyAsDouble(x - 2 * h)) / (4 * h);
        double error = Math.abs(twice - once);
        return Double.isFinite(error) ? error : 0;
    }

    /**
     * The standard deviation of rounding noise in {@code f} near {@code x}, from fourth divided differences on
     * irregularly spaced points about {@code h} apart and about {@code 16h} apart, the larger of the two: for each
     * spacing, the smaller of the estimates on the left and on the right, so that a kink near {@code x} (L1 at
     * zero, seen from {@code x = 1e-9}), which lies inside one of the stencils only, does not pass for noise.
     */
    public static double measuredNoise(DoubleUnaryOperator f, double x, double h) {
        double noise = 0;
        for (double spacing : SPACINGS) {
            noise = Math.max(noise, Math.min(oneSidedNoise(f, x, -spacing * h), oneSidedNoise(f, x, spacing * h)));
        }
        return noise;
    }

    private static double oneSidedNoise(DoubleUnaryOperator f, double x, double h) {
        double[] v = new double[STENCIL + 1];
        for (int j = 0; j <= STENCIL; j++) {
            v[j] = f.applyAsDouble(x + OFFSETS[j] * h);
        }
        double sumOfSquares = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            double fourth = 0;
            for (int k = 0; k < 5; k++) {
                fourth += WEIGHTS[i][k] * v[i + k];
            }
            sumOfSquares += fourth * fourth;
        }
        double noise = Math.sqrt(sumOfSquares / WEIGHTS.length);
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
