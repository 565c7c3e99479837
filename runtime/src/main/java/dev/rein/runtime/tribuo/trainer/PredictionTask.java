package dev.rein.runtime.tribuo.trainer;

/** What a trainer predicts; decides which {@link ValidationMetric}s fit it and the sign of Tribuo's losses. */
public enum PredictionTask {
    /** Labels ({@code org.tribuo.classification.Label}). */
    CLASSIFICATION("classification"),
    /** Real values ({@code org.tribuo.regression.Regressor}). */
    REGRESSION("regression");

    private final String displayName;

    PredictionTask(String displayName) {
        this.displayName = displayName;
    }

    /**
     * The factor that turns the value Tribuo's objectives return into a loss (lower is better): their
     * classification objectives ({@code LogMulticlass}, {@code Hinge}) return the negated loss, their regression
     * objectives ({@code SquaredLoss}, {@code AbsoluteLoss}, {@code Huber}) the loss itself.
     */
    double lossSign() {
        return this == CLASSIFICATION ? -1 : 1;
    }

    public String displayName() {
        return displayName;
    }
}
