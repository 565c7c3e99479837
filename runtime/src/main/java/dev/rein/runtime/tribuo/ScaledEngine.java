package dev.rein.runtime.tribuo;

import dev.rein.runtime.plan.ElasticForm;

/**
 * The closed-form histories: every gradient term is L2-like ({@code (λ₂/2)w²}) and every proximal term
 * elastic-net-like ({@code λ₁|w| + (λ₂/2)w²}, as the plugin declares it or {@link ElasticForm} verifies it
 * out to {@code ±10⁶}). Each step then maps {@code |w|}
 * to {@code max(0, a·|w| - b)} with {@code a > 0}, {@code b ≥ 0}. The matrix stores {@code u = w / A}, {@code A} the
 * product of the {@code a}s since the history began, so scaling every weight is one multiplication of {@code A}
 * (Bottou's {@code W = a·V}); in units of {@code u} a step only soft-thresholds, by {@code b / A}, and this class
 * keeps the running sum {@code S} of those thresholds. Subclasses decide what a threshold does to a weight.
 *
 * <p>To bound rounding the history is folded in whenever {@code A} falls below {@code e^-7} while thresholds are
 * pending (so that a difference of threshold sums, which grow like {@code 1/A}, loses at most about {@code 1e3}
 * ulps) or below {@code e^-600} without.
 */
abstract class ScaledEngine extends LazyEngine {
    private static final double MIN_SCALE_WITH_THRESHOLDS = Math.exp(-7);

    /** Summed λ₂ of the gradient terms. */
    private final double gradientL2;
    /** λ₁, λ₂ of each proximal term, in spec order. */
    private final double[] proximalL1;
    private final double[] proximalL2;

    /** The scale A and the threshold sum S after the latest step, and S before it (1, 0, 0 at base). */
    double scaleNow = 1;
    double sumNow;
    double sumBefore;
    /** Whether any step since the history began had a threshold. */
    boolean thresholds;
    /** What one unit of the update adds to a stored {@code u}, and the step's threshold on it. */
    double stepGain;
    double stepThreshold;

    ScaledEngine(int rows, int features, ClosedForm form, LazyTerms bias, String spec) {
        super(rows, features, bias, spec);
        this.gradientL2 = form.gradientL2();
        this.proximalL1 = form.proximalL1();
        this.proximalL2 = form.proximalL2();
    }

    @Override
    final boolean canDefer(double h) {
        return 1 - h * gradientL2 > 0;
    }

    @Override
    final void recordHistory(double h) {
        double previousScale = scaleNow;
        double gradientScaling = 1 - h * gradientL2;
        double a = gradientScaling;
        double b = 0;
        for (int k = 0; k < proximalL1.length; k++) {
            b += h * proximalL1[k];                        // soft-threshold by h·λ₁: (a, b + τ)
            double shrink = 1 / (1 + h * proximalL2[k]);   // then scale: (σa, σb)
            a *= shrink;
            b *= shrink;
        }
        scaleNow = previousScale * a;
        stepThreshold = b / scaleNow;
        sumBefore = sumNow;
        sumNow += stepThreshold;
        thresholds |= b > 0;
        stepGain = 1 / (previousScale * gradientScaling);
    }

    @Override
    boolean needsCatchUpAll() {
        return scaleNow < (thresholds ? MIN_SCALE_WITH_THRESHOLDS : MIN_SCALE);
    }

    @Override
    double rowFactor(int r) {
        return scaleNow;
    }

    /** Back to scale 1 with no thresholds pending. */
    final void resetScaleAndSums() {
        scaleNow = 1;
        sumNow = 0;
        sumBefore = 0;
        thresholds = false;
    }

    /**
     * {@code sign(u)·max(0, |u| - threshold)}, without a branch: near zero the sign of {@code |u| - threshold} is
     * unpredictable, and a mispredicted branch costs more than this arithmetic ({@code (m + |m|)/2} is
     * {@code max(m, 0)} exactly; adding {@code +0.0} turns a {@code -0.0} into {@code 0.0}).
     */
    static double softThreshold(double u, double threshold) {
        double magnitude = Math.abs(u) - threshold;
        return Math.copySign((magnitude + Math.abs(magnitude)) * 0.5, u) + 0.0;
    }

    /**
     * The coefficients of a closed-form history.
     *
     * @param gradientL2 the summed λ₂ of the gradient terms
     * @param proximalL1 λ₁ of each proximal term
     * @param proximalL2 λ₂ of each proximal term
     */
    record ClosedForm(double gradientL2, double[] proximalL1, double[] proximalL2) {
        /** The closed form of {@code terms}, or null when some term is not of it. */
        static ClosedForm of(LazyTerms terms) {
            double l2 = 0;
            for (var g : terms.gradients()) {
                ElasticForm f = ElasticForm.of(g);
                if (f == null || f.l1 != 0) {
                    return null;   // an L1 subgradient step on its own oscillates around 0: no monotone closed form
                }
                l2 += f.l2;
            }
            int n = terms.proximals().length;
            double[] l1s = new double[n];
            double[] l2s = new double[n];
            for (int k = 0; k < n; k++) {
                ElasticForm f = ElasticForm.of(terms.proximals()[k]);
                if (f == null || (!terms.paidCumulatively()[k] && !f.proximalMatches(terms.proximals()[k]))) {
                    return null;   // cumulative terms never call their proximal operator
                }
                l1s[k] = f.l1;
                l2s[k] = f.l2;
            }
            return new ClosedForm(l2, l1s, l2s);
        }

        /** Whether some term has an L1 part, i.e. whether steps can have thresholds. */
        boolean anyL1() {
            for (double l1 : proximalL1) {
                if (l1 > 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
