package dev.rein.benchmarks.jmh;

/**
 * What a person would write for each penalty with no framework at all: one loop for the value, one for the
 * gradient, the formula inline. The baseline the generated glue must match.
 */
final class HandWritten {
    private HandWritten() {
    }

    /** {@code Σ (λ/2)·w²}, and {@code g += scale·λ·w}. */
    static double l2(double[] w, double[] g, double lambda, double scale) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += 0.5 * lambda * w[i] * w[i];
        }
        for (int i = 0; i < w.length; i++) {
            g[i] += scale * (lambda * w[i]);
        }
        return sum;
    }

    /** {@code Σ λ·log1p((w/s)²)}, and {@code g += scale·2λ(w/s)/(s(1 + (w/s)²))}. */
    static double cauchy(double[] w, double[] g, double lambda, double s, double scale) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            double z = w[i] / s;
            sum += lambda * Math.log1p(z * z);
        }
        for (int i = 0; i < w.length; i++) {
            double z = w[i] / s;
            g[i] += scale * (lambda * 2 * z / (s * (1 + z * z)));
        }
        return sum;
    }

    /** {@code Σ λ·|w|}, and {@code g += scale·λ·sign(w)} with the built-in l1's branches. */
    static double l1(double[] w, double[] g, double lambda, double scale) {
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            sum += lambda * Math.abs(w[i]);
        }
        for (int i = 0; i < w.length; i++) {
            double wi = w[i];
            g[i] += scale * (wi > 0 ? lambda : wi < 0 ? -lambda : 0.0);
        }
        return sum;
    }
}
