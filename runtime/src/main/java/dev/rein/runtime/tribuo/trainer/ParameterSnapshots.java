package dev.rein.runtime.tribuo.trainer;

import dev.rein.api.hook.EpochScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tribuo.math.Parameters;
import org.tribuo.math.la.Tensor;

/**
 * Copies of the parameters at the epochs a stopping rule may ask to restore: every epoch whose validation score
 * is a new best (strictly better than all before it). A rule that restores its best epoch, whatever its
 * {@code min_delta}, names one of these: an epoch that beats the rule's best by more than {@code min_delta} beats
 * every earlier epoch too.
 *
 * <p>Memory: one copy of the parameters per new best; few in practice, as scores level off.
 */
final class ParameterSnapshots {
    private final Map<Integer, Tensor[]> byEpoch = new TreeMap<>();
    private int bestEpoch;
    private double bestValue;

    /** Keeps a copy of {@code parameters} if {@code score} is the best so far. */
    void offer(EpochScore score, Parameters parameters) {
        if (Double.isNaN(score.value())) {
            return;
        }
        if (bestEpoch == 0 || score.improvesOn(bestValue, 0)) {
            bestEpoch = score.epoch();
            bestValue = score.value();
            byEpoch.put(score.epoch(), copy(parameters.get()));
        }
    }

    /** The epoch with the best score so far, 0 before any finite score. */
    int bestEpoch() {
        return bestEpoch;
    }

    double bestValue() {
        return bestValue;
    }

    /**
     * Puts the copy of {@code epoch}'s parameters into {@code parameters}.
     *
     * @throws IllegalStateException if no copy of that epoch was kept
     */
    void restore(int epoch, Parameters parameters, String rule) {
        Tensor[] kept = byEpoch.get(epoch);
        if (kept == null) {
            throw new IllegalStateException("Stopping rule '" + rule + "' asked to restore epoch " + epoch
                    + ", but the trainer keeps the weights only of epochs whose validation score was a new best: "
                    + new ArrayList<>(byEpoch.keySet()) + "; a rule must restore one of those, or keep the current"
                    + " weights (EpochDecision.KEEP_CURRENT)");
        }
        parameters.set(copy(kept));
    }

    /** The epochs kept, ascending. */
    List<Integer> epochs() {
        return List.copyOf(byEpoch.keySet());
    }

    private static Tensor[] copy(Tensor[] tensors) {
        Tensor[] out = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            out[i] = tensors[i].copy();
        }
        return out;
    }
}
