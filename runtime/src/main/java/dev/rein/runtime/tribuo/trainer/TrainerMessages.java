package dev.rein.runtime.tribuo.trainer;

import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.spec.SpecException;
import java.util.List;

/**
 * Every message Rein's trainers give, worded in one place: a setting out of range, a stopping rule or metric that
 * does not fit, validation data that cannot be used. Each has a tag starting with {@code trainer-}
 * ({@code docs/messages.md} lists them); tests assert the tags, and {@code TrainerMessagesTest} the exact words.
 *
 * <pre>{@code
 * TrainerMessages.epochs("RegularizedLinearClassificationTrainer", 0);
 * // [trainer-epochs] RegularizedLinearClassificationTrainer: epochs is 0; it must be at least 1 (with a stopping
 * // rule, the most epochs a run may take)
 * }</pre>
 *
 * <p>A problem found deeper down (a spec that does not bind, a refusal of the plan) keeps its own tag when a trainer
 * says it again with its name in front: see {@link #inTrainer} and {@link #specInvalid}.
 */
final class TrainerMessages {
    private TrainerMessages() {
    }

    // --- settings (TrainerChecks) ---

    static ReinMessage noOptimiser(String trainer) {
        return ReinMessage.of("trainer-no-optimiser", trainer + ": optimiser is missing; give the Tribuo"
                + " StochasticGradientOptimiser to regularize, e.g. new AdaGrad(0.5, 0.1)");
    }

    static ReinMessage epochs(String trainer, int epochs) {
        return ReinMessage.of("trainer-epochs", trainer + ": epochs is " + epochs + "; it must be at least 1 (with a"
                + " stopping rule, the most epochs a run may take)");
    }

    static ReinMessage minibatchSize(String trainer, int minibatchSize) {
        return ReinMessage.of("trainer-minibatch-size", trainer + ": minibatchSize is " + minibatchSize + "; it must"
                + " be at least 1");
    }

    static ReinMessage validationSplit(String trainer, double validationSplit) {
        return ReinMessage.of("trainer-validation-split", trainer + ": validationSplit is " + validationSplit + "; it"
                + " must lie strictly between 0 and 1 (the share of the training data held out for a stopping rule,"
                + " e.g. 0.1)");
    }

    /**
     * A configured spec that does not bind, under the spec error's own tag: {@code [spec-unknown-regularizer]
     * Trainer: the configured spec is not valid. Spec error at column 1: ... Plugins that did not load: ...}.
     *
     * @param notLoaded the registry's problems, each a whole tagged message; empty when every plugin loaded
     */
    static ReinMessage specInvalid(String trainer, SpecException e, List<String> notLoaded) {
        String specError = ReinMessage.parse(e.getMessage()).map(ReinMessage::text).orElse(e.getMessage());
        return ReinMessage.of(e.tag(), trainer + ": the configured spec is not valid. " + specError
                + (notLoaded.isEmpty() ? "" : " Plugins that did not load: " + String.join(" ", notLoaded)));
    }

    /**
     * {@code message} (a refusal or another tagged message) with the trainer's name in front and its tag kept;
     * an untagged message (a plugin's own) with the name in front only.
     */
    static String inTrainer(String trainer, String message) {
        return ReinMessage.parse(message).map(m -> m.in(trainer).toString()).orElse(trainer + ": " + message);
    }

    // --- the stopping rule and its metric (StoppingPlan, ValidationMetric) ---

    static ReinMessage severalStoppingRules(String spec, List<String> rules) {
        return ReinMessage.of("trainer-several-stopping-rules", "Spec '" + spec + "' has " + rules.size()
                + " stopping rules (" + String.join(", ", rules) + "); a run can follow only one: keep one of them");
    }

    static ReinMessage stoppingAveraged(String rule, Object optimiser) {
        return ReinMessage.of("trainer-stopping-averaged", "Stopping rule '" + rule + "' cannot be used with "
                + optimiser + ": ParameterAveraging computes the averaged weights only after the last epoch, so each"
                + " epoch's validation would score weights the model never gets, and restoring an epoch would drop"
                + " the average. Use another optimiser with '" + rule + "', or ParameterAveraging without a stopping"
                + " rule");
    }

    /** {@code task} in words, e.g. {@code "classification"}; {@code valid} the metrics that fit it. */
    static ReinMessage metricWrongTask(String rule, String metric, String task, String valid) {
        return ReinMessage.of("trainer-metric-wrong-task", "Stopping rule '" + rule + "' asks for the validation"
                + " metric '" + metric + "', which does not fit a " + task + " trainer; use one of: " + valid);
    }

    static ReinMessage metricUnknown(String rule, String metric, String task, String valid) {
        return ReinMessage.of("trainer-metric-unknown", "Stopping rule '" + rule + "' asks for the validation metric '"
                + metric + "', which Rein's SGD trainers do not compute; for " + task + " use one of: " + valid);
    }

    // --- data and the epoch loop (EpochLoop, ValidationSplit, ValidationScorer, FactorizationMachines) ---

    /** Tribuo's own words for the same mistake. */
    static ReinMessage unknownOutputs() {
        return ReinMessage.of("trainer-unknown-outputs", "The supplied Dataset contained unknown Outputs, and this"
                + " Trainer is supervised.");
    }

    static ReinMessage validationEmpty(String rule) {
        return ReinMessage.of("trainer-validation-empty", "The validation dataset is empty; stopping rule '" + rule
                + "' needs examples to score each epoch on");
    }

    static ReinMessage splitTooSmall(double fraction, int examples) {
        return ReinMessage.of("trainer-split-too-small", "Cannot hold out " + fraction + " of " + examples
                + " training examples for validation and still train on some: give more training data, a smaller"
                + " validation split, or a validation dataset of its own");
    }

    /** {@code heldOut} examples of the data were held out for validation (0 if none). */
    static ReinMessage batchLargerThanData(int minibatchSize, int trainedOn, int heldOut) {
        return ReinMessage.of("trainer-batch-larger-than-data", "The mini-batch size " + minibatchSize
                + " is larger than the " + trainedOn + " examples trained on" + (heldOut > 0 ? " (" + heldOut
                + " more are held out for validation)" : "") + ": every mini-batch would be a partial one, whose"
                + " penalty Rein scales as for a full batch (up to (b/n)² too strong). Use a mini-batch size of "
                + trainedOn + " or less");
    }

    /** {@code example} from 1. */
    static ReinMessage validationUnscorable(int example, int examples) {
        return ReinMessage.of("trainer-validation-unscorable", "Validation example " + example + " of " + examples
                + " has no feature that the training data has, so the model cannot score it; remove it or check that"
                + " the validation data uses the training data's feature names");
    }

    /** {@code example} from 1; {@code has} of the {@code features} features. */
    static ReinMessage fmSparseBatch(String trainer, int example, int has, int features) {
        return ReinMessage.of("trainer-fm-sparse-batch", trainer + ": example " + example + " has " + has + " of the "
                + features + " features, and Tribuo 4.3.2's factorization machines cannot merge the gradients of"
                + " sparse examples in mini-batches (FMParameters.merge); use minibatchSize 1, or give every example"
                + " every feature");
    }

    static ReinMessage ruleReturnedNull(String rule, int epoch) {
        return ReinMessage.of("trainer-rule-returned-null", "Stopping rule '" + rule + "' returned null from"
                + " afterEpoch at epoch " + epoch + "; it must return EpochDecision.keepGoing() or"
                + " EpochDecision.stop(...)");
    }

    /** {@code keptEpoch} 0 when no copy is held. */
    static ReinMessage restoreNotKept(String rule, int epoch, int keptEpoch) {
        return ReinMessage.of("trainer-restore-not-kept", "Stopping rule '" + rule + "' asked to restore epoch " + epoch
                + ", but the trainer keeps one copy of the weights, of the epoch the rule's restorableEpoch() names"
                + " after each epoch (" + (keptEpoch == 0 ? "none is held" : "epoch " + keptEpoch + " is held")
                + "); a rule must restore the epoch it last named there, or keep the current weights"
                + " (EpochDecision.KEEP_CURRENT)");
    }
}
