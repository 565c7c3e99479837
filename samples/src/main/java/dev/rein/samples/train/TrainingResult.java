package dev.rein.samples.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * What {@code rein train} reports about a run.
 *
 * @param model         the trained model: a plain Tribuo {@code LinearSGDModel}, or Rein's {@code FeedForwardModel}
 * @param spec          the canonical spec ({@code "none"} without regularization)
 * @param modes         how each penalty was applied, as Rein chose it, e.g. {@code "l1=proximal"}; empty without
 *                      penalties
 * @param trainAccuracy accuracy on the training data
 * @param testAccuracy  accuracy on the test data, empty without {@code --test}
 * @param penalty       {@code Σ R_k(w)} of the trained weights
 * @param weightNorm    L2 norm of the weights, biases excluded
 * @param zeroWeights   weights that are exactly zero, biases excluded
 * @param totalWeights  weights in all, biases excluded
 * @param trainSeconds  wall-clock training time
 * @param epochs        epochs actually run (a stopping rule may end the run before {@code --epochs})
 * @param bestEpoch     the epoch with the best validation score; empty without a stopping rule
 * @param stopReason    why training stopped: {@code "completed all epochs"} when every epoch ran (always so
 *                      without a stopping rule), else the stopping rule's reason
 * @param trainExamples the examples trained on, which {@code trainAccuracy} is measured on
 * @param heldOut       the examples of the training data held out to validate a stopping rule (0 with a separate
 *                      validation file or without a stopping rule)
 */
public record TrainingResult(Model<Label> model, String spec, String modes, double trainAccuracy,
        OptionalDouble testAccuracy, double penalty, double weightNorm, long zeroWeights, long totalWeights,
        double trainSeconds, int epochs, OptionalInt bestEpoch, String stopReason, int trainExamples, int heldOut) {

    /**
     * The fields of {@code rein train --json}, in a stable order; {@code best_epoch} is {@code null} and
     * {@code stop_reason} {@code "completed all epochs"} when the spec has no stopping rule; {@code train_examples} is
     * the number trained on and {@code held_out_examples} the number split off for validation.
     */
    public Map<String, Object> jsonFields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("spec", spec);
        out.put("modes", modes);
        out.put("train_accuracy", trainAccuracy);
        out.put("test_accuracy", testAccuracy.isPresent() ? testAccuracy.getAsDouble() : null);
        out.put("penalty", penalty);
        out.put("weight_norm", weightNorm);
        out.put("zero_weights", zeroWeights);
        out.put("total_weights", totalWeights);
        out.put("train_seconds", trainSeconds);
        out.put("epochs", epochs);
        out.put("best_epoch", bestEpoch.isPresent() ? bestEpoch.getAsInt() : null);
        out.put("stop_reason", stopReason);
        out.put("train_examples", trainExamples);
        out.put("held_out_examples", heldOut);
        return out;
    }
}
