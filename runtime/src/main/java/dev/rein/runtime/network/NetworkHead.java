package dev.rein.runtime.network;

import dev.rein.runtime.tribuo.trainer.PredictionTask;
import dev.rein.runtime.tribuo.trainer.ValidationMetric;
import java.io.Serializable;
import org.tribuo.Example;
import org.tribuo.Output;
import org.tribuo.Prediction;

/**
 * What a network's output units mean for one kind of Tribuo {@link Output}: the only part of training and
 * prediction that depends on the output type. Everything else (the layers, the epoch loop, the regularization plan,
 * the stopping rule, saving) is shared.
 *
 * <p>A head turns an example's output into the numbers the loss is computed against (its <em>targets</em>, a fixed
 * number per example), computes the loss of a batch and its gradient with respect to the output units, accumulates
 * the validation metric a stopping rule asks for, and turns one row of output units back into a Tribuo prediction.
 *
 * <pre>{@code
 * NetworkHead<Label> head = new SoftmaxHead(outputInfo);            // labels: softmax cross-entropy
 * double[] targets = new double[batch * head.targetWidth()];
 * head.encode(example.getOutput(), targets, 0);                      // the label's id
 * double summed = head.loss(outputs, targets, gradient, batch);     // gradient of the mean, per output unit
 * Prediction<Label> p = head.predict(outputs, 0, used, example);
 * }</pre>
 *
 * <p>The two implementations are {@link SoftmaxHead} ({@code Label}) and {@link SquaredErrorHead} ({@code Regressor}).
 *
 * @param <T> the output type
 */
interface NetworkHead<T extends Output<T>> extends Serializable {
    /** Classification or regression: which validation metrics fit. */
    PredictionTask task();

    /** The number of output units the network needs. */
    int outputs();

    /** How many doubles one example's target takes in a batch's target array. */
    int targetWidth();

    /** The name of output unit {@code k}: a label, or a regression dimension. */
    String outputName(int k);

    /**
     * Writes the targets of {@code output} into {@code into[offset .. offset + targetWidth())}.
     *
     * @throws IllegalArgumentException if the output does not fit the training data's (an unknown label, a missing
     *                                  regression dimension)
     */
    void encode(T output, double[] into, int offset);

    /**
     * The summed loss of the batch's rows of {@code outputs} ({@code batch × outputs()}) against {@code targets}
     * ({@code batch × targetWidth()}); unless {@code gradient} is null, also writes the gradient of the batch's
     * <em>mean</em> loss with respect to each output unit into it ({@code batch × outputs()}).
     */
    double loss(double[] outputs, double[] targets, double[] gradient, int batch);

    /**
     * A fresh accumulator of {@code metric} (one that {@link #task()} fits) over a validation set.
     */
    Score score(ValidationMetric metric);

    /** The prediction of row {@code offset / outputs()} of {@code outputs}, which used {@code used} features. */
    Prediction<T> predict(double[] outputs, int offset, int used, Example<T> example);

    /**
     * How a change of output unit {@code k} shows in the prediction: 1 for a logit (an excuse and the weights are
     * reported as they are), {@code σ_k} for a standardized regression target (they are reported in the target's
     * units).
     */
    double outputScale(int k);

    /** What output unit {@code k} adds to the prediction besides its scaled value: 0, or a target's mean. */
    double outputShift(int k);

    /** A validation metric summed over the batches of a validation set. */
    interface Score {
        /** Adds a batch: the network's outputs in prediction mode and the encoded targets. */
        void add(double[] outputs, double[] targets, int batch);

        /** The metric over everything added. */
        double value();
    }

    /** The mean of a head's own loss over a validation set: {@code Σ loss / n}, summed batch by batch. */
    final class MeanLoss implements Score {
        private final NetworkHead<?> head;
        private double loss;
        private int seen;

        MeanLoss(NetworkHead<?> head) {
            this.head = head;
        }

        @Override
        public void add(double[] outputs, double[] targets, int batch) {
            loss += head.loss(outputs, targets, null, batch);
            seen += batch;
        }

        @Override
        public double value() {
            return loss / seen;
        }
    }
}
