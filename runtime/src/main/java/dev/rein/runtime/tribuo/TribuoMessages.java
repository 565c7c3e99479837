package dev.rein.runtime.tribuo;

import dev.rein.runtime.ReinMessage;
import java.util.List;

/**
 * Every message the Tribuo adapter gives, worded in one place: divergence, an optimiser or parameter layout Rein
 * cannot regularize, a configuration that contradicts itself. Each has a tag starting with {@code tribuo-}
 * ({@code docs/messages.md} lists them); tests assert the tags, and {@code TribuoMessagesTest} the exact words.
 *
 * <pre>{@code
 * TribuoMessages.diverged(7, 0, "l2(lambda=0.1)", "weight of feature 'f3' for output 'A' is NaN");
 * // [tribuo-diverged] Training diverged in epoch 7 with spec 'l2(lambda=0.1)': weight of feature 'f3' for output
 * // 'A' is NaN. Lower the learning rate or the penalty strength, scale the features, or check the data for NaN or
 * // huge values.
 * }</pre>
 *
 * <p>The methods that return a {@code String} word the detail of a divergence, the part after the spec.
 */
final class TribuoMessages {
    private TribuoMessages() {
    }

    // --- learning-rate schedules ---

    static ReinMessage rateFactor(double factor) {
        return ReinMessage.of("tribuo-rate-factor", "a learning-rate factor must be finite and above 0; got "
                + factor);
    }

    static ReinMessage rateScheduleRefused(String optimiser, String spec) {
        return ReinMessage.of("tribuo-rate-schedule-refused", "a learning-rate schedule scales each update by its"
                + " factor, which is a step at the scheduled rate only under SGD without momentum, AdaGrad, RMSProp"
                + " and Adam (not averaged, not in FTRL's form or mode=cumulative); " + optimiser + " with spec '"
                + spec + "' is not one of them: use one of those optimisers, or no schedule");
    }

    // --- divergence (TrainingDivergedException and where it is found) ---

    /** {@code epoch} and {@code step} 0 when not known; both 0 for the final catch-up. */
    static ReinMessage diverged(int epoch, long step, String spec, String detail) {
        return ReinMessage.of("tribuo-diverged", "Training diverged " + (epoch > 0 ? "in epoch " + epoch
                : step > 0 ? "at step " + step : "in the final catch-up") + " with spec '" + spec + "': " + detail
                + ". Lower the learning rate or the penalty strength, scale the features, or check the data for NaN"
                + " or huge values; a penalty plugin whose gradient or proximal gives NaN or infinity at a finite"
                + " weight ends the same way ('rein check NAME' tests it).");
    }

    /** A step's detail, once the epoch is known: {@code "at step 17, the gradient of ... is NaN"}. */
    static String atStep(long step, String detail) {
        return "at step " + step + ", " + detail;
    }

    /** {@code what} is {@code "gradient"} or {@code "update"}; {@code where} e.g. {@code "at (0, 3)"}. */
    static String nonFinite(String what, int tensor, String where, double value) {
        return "the " + what + " of tensor " + tensor + " " + where + " is " + value;
    }

    static String nonFiniteSum(String what) {
        return "the " + what + " added to the parameters made one of them NaN or infinite";
    }

    static String cumulativeStepTooLarge(double h) {
        return "the step size " + h + " times the L2 part of the penalties reaches 1, which would flip the weights'"
                + " signs and which mode=cumulative cannot take";
    }

    static String weightAfterUpdate(int row, int column, double value) {
        return "weight (" + row + ", " + column + ") is " + value + " after the update";
    }

    static String weightAfterCatchUp(int row, int column, double value) {
        return "weight (" + row + ", " + column + ") is " + value + " after catching up the penalty steps it missed";
    }

    // --- lazy catch-up ---

    /** Logged once per run, the first time a weight's missed steps are replayed one by one. */
    static ReinMessage flowReplayed(String spec, double relative, double absolute) {
        return ReinMessage.of("tribuo-flow-replayed", "Spec '" + spec + "': some absent weights were caught up by"
                + " replaying each missed penalty step, because integrating the penalty's gradient flow over those"
                + " steps could not stay within " + relative + "·|w| + " + absolute + " of them (the penalty is stiff"
                + " for these step sizes, or the weight reached zero, or the flow would have cost more calls than the"
                + " steps). Those weights are caught up step by step, exactly, at the cost of one penalty step per"
                + " missed step (if that comes to cost more than stepping every weight, the run switches to that); a"
                + " smaller learning rate or penalty strength makes the flow usable again.");
    }

    static ReinMessage replaysCostMoreThanEager(String spec, long step) {
        return ReinMessage.of("tribuo-lazy-replays-costly", "Spec '" + spec + "': replaying absent weights' missed"
                + " penalty steps one by one (the flow could not meet its bound) cost more than stepping every weight"
                + " would, so from step " + step + " on every weight takes every step, exactly, as with --exact; a"
                + " smaller learning rate or penalty strength lets the fast path work again.");
    }

    static ReinMessage penaltyNotReproducible(String terms) {
        return ReinMessage.of("tribuo-penalty-not-reproducible", "The penalty " + terms + " answered the same weight"
                + " with two different gradients: Rein assumes a penalty is a function of the weight and its"
                + " parameters only (no randomness, no state), so this run calls its gradient for every catch-up"
                + " step instead of reading a table of it, and two runs of it will not give the same model. Remove the"
                + " randomness (for noise, use the gaussian_noise layer of --model mlp) or seed it per weight.");
    }

    // --- RegularizedOptimiser ---

    /** {@code rest} is the spec without its stopping rules. */
    static ReinMessage stoppingRuleNeedsTrainer(String spec, List<String> rules, String rest) {
        String named = String.join(", ", rules);
        return ReinMessage.of("tribuo-stopping-rule-needs-trainer", "Spec '" + spec + "' has the stopping rule "
                + named + ", which a RegularizedOptimiser cannot follow: inside Tribuo's own trainers an optimiser"
                + " never learns where an epoch ends and never sees validation data, so " + named + " would be"
                + " ignored. Train with one of Rein's trainers (RegularizedLinearClassificationTrainer,"
                + " RegularizedLinearRegressionTrainer, RegularizedFMClassificationTrainer,"
                + " RegularizedFMRegressionTrainer), which follow it, or give the optimiser the spec without it: '"
                + rest + "'");
    }

    static ReinMessage modesMismatch(String configured, String spec, String modes) {
        return ReinMessage.of("tribuo-modes-mismatch", "RegularizedOptimiser was configured with modes '" + configured
                + "', but spec '" + spec + "' resolves to '" + modes + "'; modes is written by Rein: leave it out of"
                + " the configuration and set each penalty's mode in the spec");
    }

    /** {@code layout} as {@link ParameterLayout#describe()} writes it; {@code types} the tensors' classes. */
    static ReinMessage tensorsReplaced(String spec, Object optimiser, String layout, String types) {
        return ReinMessage.of("tribuo-tensors-replaced", "RegularizedOptimiser cannot apply '" + spec + "' with "
                + optimiser + ": after its initialise the " + layout + " is held in " + types + ", whose update does"
                + " more than add; wrap an optimiser that keeps plain DenseMatrix parameters (SGD, AdaGrad, RMSProp,"
                + " Adam, AdaDelta)");
    }

    static ReinMessage cumulativeNeedsLazy(String spec) {
        return ReinMessage.of("tribuo-cumulative-needs-lazy", "mode=cumulative in '" + spec + "' keeps what each"
                + " weight owes in Rein's lazy engine, which this training cannot use: it needs a linear model (not a"
                + " factorization machine), penalties of the form λ₁|w| + (λ₂/2)w² only (l1, l2, elastic_net),"
                + " no constraint but max_norm and none at all with L1, and no ParameterAveraging; use"
                + " mode=proximal instead");
    }

    static ReinMessage stepBeforeInitialise() {
        return ReinMessage.of("tribuo-step-before-initialise", "RegularizedOptimiser.step was called before"
                + " initialise(Parameters); a Tribuo trainer calls initialise first");
    }

    /** {@code type} is the simple class name of the update the optimiser returned. */
    static ReinMessage sparseUpdateDensified(Object optimiser, String type) {
        return ReinMessage.of("tribuo-dense-update", optimiser + " turned a sparse gradient into a " + type
                + ", so RegularizedOptimiser cannot tell which weights it moved; this is a bug in Rein's lazy mode,"
                + " please report it with the optimiser");
    }

    // --- parameter layouts and tensors ---

    static ReinMessage unknownLayout(String parametersClass) {
        return ReinMessage.of("tribuo-unknown-layout", "Rein does not know the parameter layout of " + parametersClass
                + ": it knows LinearParameters (Tribuo's linear SGD trainers), FMParameters (factorization"
                + " machines) and LaidOutParameters (Rein's network); train with one of those, or without penalties and constraints");
    }

    static ReinMessage noBiasColumn(int columns) {
        return ReinMessage.of("tribuo-no-bias-column", "A linear model's weight matrix needs a bias column, but it has "
                + columns + " columns");
    }

    static ReinMessage fmTooFewTensors(int tensors) {
        return ReinMessage.of("tribuo-fm-too-few-tensors", "A factorization machine has a bias vector, a weight"
                + " matrix and a factor matrix per output, so at least 3 tensors, but got " + tensors);
    }

    static ReinMessage fmBiasNotVector(String type) {
        return ReinMessage.of("tribuo-fm-bias-not-vector", "Tensor 0 of a factorization machine should be the bias"
                + " vector, but is a " + type);
    }

    /** {@code model} e.g. {@code "a linear model"}. */
    static ReinMessage tensorCount(int expected, String model, int got) {
        return ReinMessage.of("tribuo-tensor-count", "Expected " + expected + " tensor(s) for " + model + ", but got "
                + got);
    }

    static ReinMessage tensorNotMatrix(int index, String model, String type) {
        return ReinMessage.of("tribuo-tensor-not-matrix", "Tensor " + index + " of " + model + " should be a matrix,"
                + " but is a " + type);
    }

    static ReinMessage noDenseCopy(String tensorClass) {
        return ReinMessage.of("tribuo-no-dense-copy", "Cannot make a dense copy of a " + tensorClass + "; expected a"
                + " Tribuo matrix or vector");
    }

    static ReinMessage negativeSlot(String name, int tensor, int rows, int firstColumn, int columns) {
        return ReinMessage.of("tribuo-negative-slot", "Slot '" + name + "' has a negative index or size: tensor "
                + tensor + ", " + rows + " rows, columns " + firstColumn + " + " + columns);
    }

    static ReinMessage summaryCounts(long zeroWeights, long totalWeights) {
        return ReinMessage.of("tribuo-summary-counts", "A summary needs 0 <= zeroWeights <= totalWeights, got "
                + zeroWeights + " of " + totalWeights);
    }
}
