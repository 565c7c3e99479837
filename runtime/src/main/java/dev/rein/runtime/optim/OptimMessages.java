package dev.rein.runtime.optim;

import dev.rein.runtime.ReinMessage;

/**
 * Every message Rein's optimisers give, worded in one place; each has a tag starting with {@code optim-}
 * ({@code docs/messages.md} lists them).
 *
 * <pre>{@code
 * OptimMessages.notInRange("ReinAdam", "betaTwo", 1.0, "at least 0 and below 1");
 * // [optim-setting-out-of-range] ReinAdam: betaTwo is 1.0; it must be at least 0 and below 1
 * }</pre>
 */
final class OptimMessages {
    private OptimMessages() {
    }

    static ReinMessage notInRange(String owner, String name, double value, String valid) {
        return ReinMessage.of("optim-setting-out-of-range", owner + ": " + name + " is " + value + "; it must be "
                + valid);
    }

    static ReinMessage rateSchedule(String text, String why) {
        return ReinMessage.of("optim-rate-schedule", "learning-rate schedule '" + text + "': " + why);
    }

    static ReinMessage regionRange(int tensor, int firstColumn, int columns) {
        return ReinMessage.of("optim-region-range", "a penalised region needs a tensor index >= 0, a first column"
                + " >= 0 and at least one column; got tensor " + tensor + ", first column " + firstColumn + ", "
                + columns + " columns");
    }

    static ReinMessage penaltyBeforeInitialise(String owner) {
        return ReinMessage.of("optim-penalty-before-initialise", owner + ".addPenalty was called before"
                + " initialise(Parameters); a run's penalty is added after initialise and forgotten at reset");
    }

    static ReinMessage stepBeforeInitialise(String owner) {
        return ReinMessage.of("optim-step-before-initialise", owner + ".step was called before"
                + " initialise(Parameters)");
    }

    static ReinMessage noStepYet(String owner) {
        return ReinMessage.of("optim-no-step-yet", owner + " has taken no step since initialise, so it has no step"
                + " sizes");
    }

    static ReinMessage rowLength(int row, int tensor, int columns, int asked) {
        return ReinMessage.of("optim-row-length", "row " + row + " of tensor " + tensor + " has " + columns
                + " columns, not " + asked);
    }

    static ReinMessage tensorRank(String owner, int tensor, int dimensions) {
        return ReinMessage.of("optim-tensor-rank", owner + " keeps its state per matrix or vector, but parameter"
                + " tensor " + tensor + " has " + dimensions + " dimensions");
    }

    static ReinMessage gradientCount(String owner, int tensors, int gradients) {
        return ReinMessage.of("optim-gradient-count", owner + " was initialised with " + tensors
                + " parameter tensors but step received " + gradients + " gradients");
    }

    static ReinMessage gradientType(String owner, String type, int tensor) {
        return ReinMessage.of("optim-gradient-type", owner + " cannot read a gradient of type " + type + " (tensor "
                + tensor + "); it reads DenseMatrix, DenseSparseMatrix, DenseVector and SparseVector");
    }

    static ReinMessage gradientShape(String owner, int tensor, String shape, int rows, int columns) {
        return ReinMessage.of("optim-gradient-shape", owner + ": gradient tensor " + tensor + " has shape " + shape
                + " but its parameter has " + rows + " row(s) of " + columns);
    }
}
