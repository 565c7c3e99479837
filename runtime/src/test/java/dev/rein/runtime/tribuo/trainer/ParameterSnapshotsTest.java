package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.EpochScore;
import dev.rein.api.hook.StoppingRule;
import org.junit.jupiter.api.Test;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;

/** The run keeps one copy of the weights: of the epoch the rule may restore. */
class ParameterSnapshotsTest {
    private static final double[] LOSSES = {0.9, 0.5, 0.45, 0.44, 0.6};

    @Test
    void theCopyFollowsTheEpochTheRuleNamesAndOnlyThatOneIsKept() {
        LinearParameters p = new LinearParameters(3, 2);
        ParameterSnapshots snapshots = new ParameterSnapshots();
        // A rule with min_delta = 0.02: epoch 2 is its best, epochs 3 and 4 improve by less and do not count.
        int[] named = {1, 2, 2, 2, 2};
        for (int e = 1; e <= 5; e++) {
            setAll(p, e);
            snapshots.offer(loss(e), p, named[e - 1]);
            assertEquals(named[e - 1], snapshots.keptEpoch());
        }
        assertEquals(4, snapshots.bestEpoch(), "the outcome still reports the best score");
        setAll(p, 99);
        snapshots.restore(2, p, "rule");
        assertEquals(2.0, ((DenseMatrix) p.get()[0]).get(1, 1), 0.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> snapshots.restore(4, p, "rule"));
        assertTrue(e.getMessage().contains("asked to restore epoch 4") && e.getMessage().contains("epoch 2 is held"),
                e.getMessage());
    }

    @Test
    void byDefaultTheLatestNewBestIsTheOneCopy() {
        LinearParameters p = new LinearParameters(3, 2);
        ParameterSnapshots snapshots = new ParameterSnapshots();
        for (int e = 1; e <= 5; e++) {
            setAll(p, e);
            snapshots.offer(loss(e), p, StoppingRule.BEST_SO_FAR);
        }
        assertEquals(4, snapshots.keptEpoch());
        assertThrows(IllegalStateException.class, () -> snapshots.restore(2, p, "rule"),
                "earlier bests are not held");
        snapshots.restore(4, p, "rule");
        assertEquals(4.0, ((DenseMatrix) p.get()[0]).get(0, 0), 0.0);
    }

    @Test
    void aRuleThatNeverRestoresCostsNoCopy() {
        LinearParameters p = new LinearParameters(3, 2);
        ParameterSnapshots snapshots = new ParameterSnapshots();
        for (int e = 1; e <= 3; e++) {
            snapshots.offer(loss(e), p, StoppingRule.NOTHING_TO_RESTORE);
            assertEquals(0, snapshots.keptEpoch());
        }
    }

    private static EpochScore loss(int epoch) {
        return new EpochScore(epoch, "loss", LOSSES[epoch - 1], false);
    }

    private static void setAll(LinearParameters p, double value) {
        DenseMatrix w = (DenseMatrix) p.get()[0];
        for (int r = 0; r < w.getDimension1Size(); r++) {
            for (int c = 0; c < w.getDimension2Size(); c++) {
                w.set(r, c, value);
            }
        }
    }
}
