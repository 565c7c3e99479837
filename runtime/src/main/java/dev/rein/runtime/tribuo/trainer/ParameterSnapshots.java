package dev.rein.runtime.tribuo.trainer;

import dev.rein.api.hook.EpochScore;
import dev.rein.api.hook.StoppingRule;
import org.tribuo.math.Parameters;
import org.tribuo.math.la.Tensor;

/**
 * The one copy of the parameters a run keeps for its stopping rule: of the epoch the rule says it may restore
 * ({@link StoppingRule#restorableEpoch()}), or by default of the latest epoch whose validation score beat every
 * earlier one. Memory: one model's worth, however many epochs improve. Also tracks the best score for the
 * training outcome.
 *
 * <pre>{@code
 * snapshots.offer(score, parameters, rule.restorableEpoch());   // after rule.afterEpoch(score)
 * snapshots.restore(decision.restoreEpoch(), parameters, "early_stopping");
 * }</pre>
 */
final class ParameterSnapshots {
    private int keptEpoch;
    private Tensor[] kept;
    private int bestEpoch;
    private double bestValue;

    /**
     * Records {@code score}, and keeps a copy of {@code parameters} if {@code restorable} (what the rule returned)
     * names this epoch, or is {@link StoppingRule#BEST_SO_FAR} and this score is the best so far.
     */
    void offer(EpochScore score, Parameters parameters, int restorable) {
        boolean best = !Double.isNaN(score.value()) && (bestEpoch == 0 || score.improvesOn(bestValue, 0));
        if (best) {
            bestEpoch = score.epoch();
            bestValue = score.value();
        }
        int wanted = restorable == StoppingRule.BEST_SO_FAR ? bestEpoch : restorable;
        if (wanted == score.epoch()) {
            kept = null;   // let the old copy go before the new one is made
            kept = copy(parameters.get());
            keptEpoch = score.epoch();
        } else if (wanted != keptEpoch) {
            kept = null;   // the rule will not ask for the copy held
            keptEpoch = 0;
        }
    }

    /** The epoch with the best score so far, 0 before any finite score. */
    int bestEpoch() {
        return bestEpoch;
    }

    double bestValue() {
        return bestValue;
    }

    /** The epoch whose copy is held, 0 for none. */
    int keptEpoch() {
        return keptEpoch;
    }

    /**
     * Puts the copy of {@code epoch}'s parameters into {@code parameters}.
     *
     * @throws IllegalStateException if the copy held is of another epoch
     */
    void restore(int epoch, Parameters parameters, String rule) {
        if (kept == null || epoch != keptEpoch) {
            throw new IllegalStateException(TrainerMessages.restoreNotKept(rule, epoch, keptEpoch).toString());
        }
        parameters.set(copy(kept));
    }

    private static Tensor[] copy(Tensor[] tensors) {
        Tensor[] out = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            out[i] = tensors[i].copy();
        }
        return out;
    }
}
