package dev.rein.runtime.tribuo;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.check.TestHooks;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Target;
import java.util.Map;

/**
 * Element-wise penalties of different curvature without a closed form, as a user would write them, for the flow
 * catch-up's tests: smooth ({@link #logCosh}), nearly flat near zero ({@link #quartic}), steep near zero
 * ({@link #steep}, a pseudo-Huber of small width) and bounded ({@link #cauchy}).
 */
final class FlowPenalties {
    private FlowPenalties() {
    }

    /** {@code λ·log(cosh(w))}: L2 near zero, L1 far out; gradient {@code λ·tanh(w)}. */
    static ElementwisePenalty logCosh(double lambda) {
        return TestHooks.penalty(w -> lambda * Math.log(Math.cosh(w)), w -> lambda * Math.tanh(w), null);
    }

    /** {@code λ·s·log(cosh(w/s))}: L2 of curvature {@code λ/s} near zero, L1 beyond {@code s}. */
    static ElementwisePenalty logCosh(double lambda, double scale) {
        return TestHooks.penalty(w -> lambda * scale * Math.log(Math.cosh(w / scale)),
                w -> lambda * Math.tanh(w / scale), null);
    }

    /** {@code λ·w⁴/4}: its gradient {@code λw³} all but vanishes near zero. */
    static ElementwisePenalty quartic(double lambda) {
        return TestHooks.penalty(w -> lambda * w * w * w * w / 4, w -> lambda * w * w * w, null);
    }

    /** {@code λ·(√(w² + ε²) - ε)}: L1 but for a rounding of width {@code ε}, curvature {@code λ/ε} at zero. */
    static ElementwisePenalty steep(double lambda, double epsilon) {
        return TestHooks.penalty(w -> lambda * (Math.sqrt(w * w + epsilon * epsilon) - epsilon),
                w -> lambda * w / Math.sqrt(w * w + epsilon * epsilon), null);
    }

    /** {@code λ·log(1 + w²)}: bounded growth, negative curvature beyond {@code |w| = 1}. */
    static ElementwisePenalty cauchy(double lambda) {
        return TestHooks.penalty(w -> lambda * Math.log1p(w * w), w -> lambda * 2 * w / (1 + w * w), null);
    }

    /**
     * {@code λ·log(1 + |w|/ε)} with its proximal operator: a log penalty that makes exact zeros (the prox is the
     * root of a quadratic, or zero where that root is not the minimiser).
     */
    static ElementwisePenalty logL1(double lambda, double epsilon) {
        return TestHooks.penalty(w -> lambda * Math.log1p(Math.abs(w) / epsilon),
                w -> lambda * Math.signum(w) / (epsilon + Math.abs(w)), (w, step) -> logProx(w, step, lambda,
                        epsilon));
    }

    /** {@code argmin_x (x - w)²/(2s) + λ·log(1 + |x|/ε)}: the larger root of the stationarity condition or 0. */
    static double logProx(double w, double s, double lambda, double epsilon) {
        double a = Math.abs(w);
        // x + sλ/(ε + x) = a  ⇔  x² + (ε - a)x + (sλ - aε) = 0, for x ≥ 0
        double b = epsilon - a;
        double disc = b * b - 4 * (s * lambda - a * epsilon);
        if (disc < 0) {
            return 0.0;
        }
        double x = (-b + Math.sqrt(disc)) / 2;
        if (x <= 0) {
            return 0.0;
        }
        double atX = (x - a) * (x - a) / (2 * s) + lambda * Math.log1p(x / epsilon);
        double atZero = a * a / (2 * s);
        return atX < atZero ? Math.copySign(x, w) : 0.0;
    }

    /** A spec term for one of these hooks, in {@code mode}. */
    static BoundTerm term(String name, ElementwisePenalty hook, PenaltyMode mode) {
        return TestTerms.mode(TestTerms.term(name, Kind.PENALTY, hook, Map.of(), Target.WEIGHTS, PenaltyMode.AUTO),
                mode);
    }
}
