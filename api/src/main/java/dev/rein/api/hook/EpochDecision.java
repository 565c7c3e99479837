package dev.rein.api.hook;

import java.util.Objects;

/**
 * A {@link StoppingRule}'s answer after an epoch: go on, or stop (and which epoch's weights to keep).
 *
 * <pre>{@code
 * return EpochDecision.keepGoing();
 * return EpochDecision.stop("no improvement in 5 epochs", bestEpoch);   // restore epoch bestEpoch
 * return EpochDecision.stop("target reached", EpochDecision.KEEP_CURRENT);
 * }</pre>
 */
public final class EpochDecision {
    /** The value of {@link #restoreEpoch()} that keeps the weights as they are. */
    public static final int KEEP_CURRENT = -1;

    private static final EpochDecision KEEP_GOING = new EpochDecision(false, "", KEEP_CURRENT);

    private final boolean stop;
    private final String reason;
    private final int restoreEpoch;

    private EpochDecision(boolean stop, String reason, int restoreEpoch) {
        this.stop = stop;
        this.reason = reason;
        this.restoreEpoch = restoreEpoch;
    }

    /** Train another epoch. */
    public static EpochDecision keepGoing() {
        return KEEP_GOING;
    }

    /**
     * Stop now; {@code restoreEpoch} (1-based) names the epoch whose weights the model keeps, or
     * {@link #KEEP_CURRENT}.
     */
    public static EpochDecision stop(String reason, int restoreEpoch) {
        Objects.requireNonNull(reason, "reason");
        if (restoreEpoch != KEEP_CURRENT && restoreEpoch < 1) {
            throw new IllegalArgumentException("restoreEpoch is " + restoreEpoch
                    + "; epochs count from 1, or use EpochDecision.KEEP_CURRENT");
        }
        return new EpochDecision(true, reason, restoreEpoch);
    }

    public boolean shouldStop() {
        return stop;
    }

    /** Why training stopped; empty when it goes on. */
    public String reason() {
        return reason;
    }

    public int restoreEpoch() {
        return restoreEpoch;
    }

    @Override
    public String toString() {
        return stop ? "stop (" + reason + ", restore " + restoreEpoch + ")" : "keep going";
    }
}
