package dev.rein.runtime.network;

import dev.rein.runtime.tribuo.trainer.PredictionTask;
import dev.rein.runtime.tribuo.trainer.ValidationMetric;
import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/**
 * The classifier's head: one output unit (a logit) per label, softmax cross-entropy, the label's id as the target,
 * and probabilities as the prediction's scores.
 *
 * <pre>{@code
 * var head = new SoftmaxHead(dataset.getOutputIDInfo());
 * head.loss(logits, labelIds, gradient, batch);   // Σ -log p(y); gradient (p - onehot(y)) / batch
 * }</pre>
 */
final class SoftmaxHead implements NetworkHead<Label> {
    @Serial
    private static final long serialVersionUID = 1L;

    private final ImmutableOutputInfo<Label> labels;

    SoftmaxHead(ImmutableOutputInfo<Label> labels) {
        this.labels = labels;
    }

    @Override
    public PredictionTask task() {
        return PredictionTask.CLASSIFICATION;
    }

    @Override
    public int outputs() {
        return labels.size();
    }

    @Override
    public int targetWidth() {
        return 1;
    }

    @Override
    public String outputName(int k) {
        return labels.getOutput(k).getLabel();
    }

    /** The label's id, exactly representable as a double. */
    @Override
    public void encode(Label output, double[] into, int offset) {
        int id = labels.getID(output);
        if (id < 0) {
            throw new IllegalArgumentException(NetworkMessages.unknownLabel(output.getLabel()).toString());
        }
        into[offset] = id;
    }

    @Override
    public double loss(double[] outputs, double[] targets, double[] gradient, int batch) {
        int classes = labels.size();
        double scale = gradient == null ? 0 : 1.0 / batch;
        double loss = 0;
        for (int r = 0; r < batch; r++) {
            loss += Softmax.crossEntropy(outputs, gradient, r * classes, classes, (int) targets[r], scale);
        }
        return loss;
    }

    @Override
    public Score score(ValidationMetric metric) {
        if (metric == ValidationMetric.ACCURACY) {
            return new Score() {
                private int correct;
                private int seen;
                private double[] probabilities = new double[0];

                @Override
                public void add(double[] outputs, double[] targets, int batch) {
                    int classes = labels.size();
                    if (probabilities.length < batch * classes) {
                        probabilities = new double[batch * classes];
                    }
                    for (int r = 0; r < batch; r++) {
                        Softmax.probabilities(outputs, probabilities, r * classes, classes);
                    }
                    for (int r = 0; r < batch; r++) {
                        if (argmax(probabilities, r * classes, classes) == (int) targets[r]) {
                            correct++;
                        }
                    }
                    seen += batch;
                }

                @Override
                public double value() {
                    return (double) correct / seen;
                }
            };
        }
        return new NetworkHead.MeanLoss(this);
    }

    @Override
    public Prediction<Label> predict(double[] outputs, int offset, int used, Example<Label> example) {
        int classes = labels.size();
        double[] p = new double[classes];
        Softmax.probabilities(java.util.Arrays.copyOfRange(outputs, offset, offset + classes), p, 0, classes);
        Map<String, Label> scores = new LinkedHashMap<>();
        int best = argmax(p, 0, classes);
        for (int k = 0; k < classes; k++) {
            String name = labels.getOutput(k).getLabel();
            scores.put(name, new Label(name, p[k]));
        }
        return new Prediction<>(new Label(labels.getOutput(best).getLabel(), p[best]), scores, used, example, true);
    }

    @Override
    public double outputScale(int k) {
        return 1;
    }

    @Override
    public double outputShift(int k) {
        return 0;
    }

    /** The first index of the largest of {@code values[offset .. offset + length)}, counted from {@code offset}. */
    static int argmax(double[] values, int offset, int length) {
        int best = 0;
        for (int k = 1; k < length; k++) {
            if (values[offset + k] > values[offset + best]) {
                best = k;
            }
        }
        return best;
    }
}
