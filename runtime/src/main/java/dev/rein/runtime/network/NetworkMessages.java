package dev.rein.runtime.network;

import dev.rein.runtime.ReinMessage;
import java.util.Arrays;
import java.util.List;

/**
 * Every message of the network trainer and model, worded in one place and tagged {@code network-...}
 * ({@code docs/messages.md} lists them).
 *
 * <pre>{@code
 * NetworkMessages.layerPosition("dropout", "3", 2);
 * // [network-layer-position] Layer plugin 'dropout' has after=3, but the network has 2 hidden layers: give
 * // after=1 to after=2, or leave after= out to put the layer after every hidden layer
 * }</pre>
 */
final class NetworkMessages {
    private NetworkMessages() {
    }

    static ReinMessage tensorFields() {
        return ReinMessage.of("network-tensor-fields", "Rein's network cannot reach the arrays inside Tribuo's"
                + " DenseMatrix and DenseVector (this Tribuo renamed them, or a module system closes them); the network"
                + " needs Tribuo 4.3.x on the class path, not the module path");
    }

    static ReinMessage activation(String name) {
        return ReinMessage.of("network-activation", "Unknown activation '" + name + "'; use one of: "
                + String.join(", ", Arrays.stream(Activation.values()).map(Activation::displayName).toList()));
    }

    static ReinMessage sizes(int inputs, int[] hidden, int outputs) {
        return ReinMessage.of("network-sizes", "A network of " + inputs + " inputs, hidden layers "
                + Arrays.toString(hidden) + " and " + outputs + " outputs is not possible: every width must be at"
                + " least 1 (give hidden layers as e.g. 256,128)");
    }

    static ReinMessage layerPosition(String term, String after, int hiddenLayers) {
        return ReinMessage.of("network-layer-position", "Layer plugin '" + term + "' has after=" + after
                + ", but the network has " + hiddenLayers + " hidden layer" + (hiddenLayers == 1 ? "" : "s")
                + ": give after=1" + (hiddenLayers > 1 ? " to after=" + hiddenLayers : "") + ", or leave after= out"
                + " to put the layer after every hidden layer");
    }

    static ReinMessage layerWithoutHidden(String term) {
        return ReinMessage.of("network-layer-without-hidden", "Layer plugin '" + term + "' needs a hidden layer to sit"
                + " after, but the network has none: give hidden layers (e.g. --layers 128) or drop '" + term
                + "' from the spec");
    }

    static ReinMessage savedLayer(SavedLayer layer, String problem) {
        String term = layer.term();
        int paren = term.indexOf('(');
        String name = paren < 0 ? term : term.substring(0, paren);
        String from = layer.origin() == null ? "" : ", which came from the plugin jar '" + layer.origin() + "'";
        return ReinMessage.of("network-saved-layer", "The model has a layer '" + term + "' after hidden layer "
                + layer.position() + " that needs the plugin '" + name + "'" + from + ", and it does not bind with the"
                + " plugins at hand (" + problem + "); give the folder holding that plugin's jar with --plugins DIR"
                + " (in code: the rein.plugins system property, or FeedForwardModel.bindLayers(registry))");
    }

    static ReinMessage invalidProto(String problem) {
        return ReinMessage.of("network-invalid-proto", "Not a valid Rein network model: " + problem + "; the file is"
                + " damaged or was not written by a Rein network model's serialize()");
    }

    static ReinMessage savedArray(String term, String array, int expected, int found) {
        return ReinMessage.of("network-saved-array", "The model's layer '" + term + "' should hold an array '" + array
                + "' of " + expected + " values but " + (found < 0 ? "has none" : "has " + found) + ": the plugin"
                + " loaded now is not the version the model was trained with");
    }

    static ReinMessage normalizationArrays(String term, int learned, int gradients) {
        return ReinMessage.of("network-normalization-arrays", "Normalization plugin '" + term + "' exposes " + learned
                + " learned parameter arrays but " + gradients + " gradient arrays; learnedGradients() must list one"
                + " gradient per learned parameter, in the same order");
    }

    static ReinMessage learnedWithoutRole(String term, String array) {
        return ReinMessage.of("network-learned-without-role", "Normalization plugin '" + term + "' lists learned"
                + " parameter '" + array + "' without a role; give it Role.NORMALIZATION_SCALE or"
                + " Role.NORMALIZATION_SHIFT (a null role is for state() arrays, which are saved but not optimised)");
    }

    static ReinMessage parametersProto() {
        return ReinMessage.of("network-parameters-proto", "A network's parameters are not serialized on their own;"
                + " save the FeedForwardModel instead");
    }

    static ReinMessage tensorCount(int expected, int found, String layout) {
        return ReinMessage.of("network-tensor-count", "Expected " + expected + " tensors for the " + layout + " but got "
                + found + "; an optimiser must return one update per parameter tensor");
    }

    static ReinMessage severalStoppingRules(String spec, List<String> rules) {
        return ReinMessage.of("network-several-stopping-rules", "The spec '" + spec + "' has " + rules.size()
                + " stopping rules (" + String.join(", ", rules) + "); a network follows at most one: keep one");
    }

    static ReinMessage rateSchedule(String trainer, String schedule, String optimiser, boolean cumulative) {
        String why = cumulative
                ? " scales each step, but the spec has a penalty in mode=cumulative (mode=auto's choice for l1 and"
                        + " elastic_net under AdaGrad), whose accumulated penalty a schedule cannot scale: give that"
                        + " term mode=proximal, e.g. l1(lambda=1e-3, mode=proximal), or leave the schedule out"
                : " scales each update, which is a step at the scheduled rate only under SGD without momentum,"
                        + " AdaGrad, RMSProp and Adam (not averaged, not in FTRL's form); the optimiser is " + optimiser
                        + ": use one of those, or no schedule";
        return ReinMessage.of("network-rate-schedule", trainer + ": the learning-rate schedule " + schedule + why);
    }

    static ReinMessage setting(String name, Object value, String valid) {
        return setting("FeedForwardTrainer", name, value, valid);
    }

    static ReinMessage setting(String trainer, String name, Object value, String valid) {
        return ReinMessage.of("network-setting", trainer + ": " + name + " is " + value + "; " + valid);
    }

    static ReinMessage noFeatures(int features) {
        return ReinMessage.of("network-no-features", "The example has none of the model's " + features
                + " features, so the network would predict from nothing; check that the example's feature names match"
                + " the training data's");
    }

    static ReinMessage noTrainingData(String trainer) {
        return ReinMessage.of("network-no-training-data", trainer + ": the training dataset is empty, or every"
                + " example went to validation; give more examples or a smaller validationSplit");
    }

    static ReinMessage validationEmpty(String rule) {
        return ReinMessage.of("network-validation-empty", "Stopping rule '" + rule + "' needs validation data, but the"
                + " validation set is empty: give a validation dataset or more training examples");
    }

    static ReinMessage ruleReturnedNull(String rule, int epoch) {
        return ReinMessage.of("network-rule-returned-null", "Stopping rule '" + rule + "' returned null after epoch "
                + epoch + "; return EpochDecision.keepGoing() or EpochDecision.stop(...)");
    }

    static ReinMessage restoreNotKept(String rule, int epoch, int kept) {
        return ReinMessage.of("network-restore-not-kept", "Stopping rule '" + rule + "' asked to restore epoch "
                + epoch + ", but the trainer kept " + (kept == 0 ? "no epoch" : "epoch " + kept) + ": a rule must name"
                + " the epoch it may restore in restorableEpoch()");
    }

    static ReinMessage missingDimension(String dimension, String present) {
        return ReinMessage.of("network-missing-dimension", "An example's regression target has no dimension '"
                + dimension + "' (it has " + present + "); every example needs the training data's dimensions");
    }

    static ReinMessage targetNotFinite(int example, String dimension, double value) {
        return ReinMessage.of("network-target-not-finite", "Training example " + example + " (counted from 0, in the"
                + " order the network trains on after any validation split) has target " + dimension + " = " + value
                + ": a regression target must be a finite number; drop or fix that example.");
    }

    static ReinMessage targetScaling(String problem) {
        return ReinMessage.of("network-target-scaling", "A regression network's target scaling is not usable: "
                + problem);
    }

    static ReinMessage unknownLabel(String label) {
        return ReinMessage.of("network-unknown-label", "The validation data has label '" + label + "', which the"
                + " training data lacks; validate on data with the training labels only");
    }
}
