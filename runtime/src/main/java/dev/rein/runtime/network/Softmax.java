package dev.rein.runtime.network;

/**
 * Softmax and its cross-entropy on one row of logits, computed from {@code z − max z} so that no exponential
 * overflows.
 *
 * <pre>{@code
 * double loss = Softmax.crossEntropy(logits, grad, offset, classes, label, 1.0 / batch);
 * // loss = log Σ e^z - z[label];  grad = (softmax(z) - onehot(label)) / batch
 * }</pre>
 */
final class Softmax {
    private Softmax() {
    }

    /** {@code out[offset + k] = e^(z_k) / Σ e^(z_j)}. */
    static void probabilities(double[] logits, double[] out, int offset, int classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, logits[offset + k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            double e = Math.exp(logits[offset + k] - max);
            out[offset + k] = e;
            sum += e;
        }
        for (int k = 0; k < classes; k++) {
            out[offset + k] /= sum;
        }
    }

    /**
     * {@code -log softmax(z)[label]}; unless {@code gradient} is null, also writes
     * {@code scale · (softmax(z) - onehot(label))} into it.
     */
    static double crossEntropy(double[] logits, double[] gradient, int offset, int classes, int label, double scale) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, logits[offset + k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += Math.exp(logits[offset + k] - max);
        }
        double logSum = max + Math.log(sum);
        if (gradient != null) {
            for (int k = 0; k < classes; k++) {
                double p = Math.exp(logits[offset + k] - logSum);
                gradient[offset + k] = scale * (k == label ? p - 1 : p);
            }
        }
        return logSum - logits[offset + label];
    }
}
