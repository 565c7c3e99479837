package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.Target;
import dev.rein.runtime.tribuo.TestTerms;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.SGD;

/** Each training run builds its own hooks: runs never share a hook's state, in sequence or at once. */
class ConcurrentRunsTest {
    /** Caps each row at a radius that shrinks with every projection this instance has made: state. */
    static final class ShrinkingCap implements Constraint {
        private int calls;

        @Override
        public void project(ParameterBlock block) {
            calls++;
            double c = 3.0 / (1 + calls / 40.0);
            for (int r = 0; r < block.rows(); r++) {
                double norm = Math.sqrt(block.rowSquaredNorm(r));
                if (norm > c) {
                    block.scaleRow(r, c / norm);
                }
            }
        }
    }

    private static final Regularization SPEC = TestTerms.of(TestTerms.term("shrinking_cap", Kind.CONSTRAINT,
            ShrinkingCap::new, Map.of(), Target.WEIGHTS, PenaltyMode.AUTO));
    private static final MutableDataset<Label> DATA = TestData.blobs(150, 4L);

    private static RegularizedLinearClassificationTrainer trainer() {
        return new RegularizedLinearClassificationTrainer(new LogMulticlass(), SGD.getSimpleSGD(0.2), SPEC, 3, 1,
                11L);
    }

    @Test
    void aSecondRunStartsWithFreshHooks() {
        var trainer = trainer();
        double[] first = Weights.of(trainer.train(DATA, Map.of(), 0));
        double[] second = Weights.of(trainer.train(DATA, Map.of(), 0));
        assertArrayEquals(first, second, 0.0, "the same invocation count and fresh hooks give the same model");
    }

    @Test
    void twoRunsAtOnceOnOneTrainerEachGetWhatTheyGetAlone() throws Exception {
        var trainer = trainer();
        double[] alone = Weights.of(trainer.train(DATA, Map.of(), 0));
        double[] withOwnHookCounting = Weights.of(new RegularizedLinearClassificationTrainer(new LogMulticlass(),
                SGD.getSimpleSGD(0.2), Regularization.none(), 3, 1, 11L).train(DATA, Map.of(), 0));
        assertFalse(Arrays.equals(alone, withOwnHookCounting), "the constraint changes the model");

        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[]>> runs = pool.invokeAll(List.of(
                    () -> {
                        start.await();
                        return Weights.of(trainer.train(DATA, Map.of(), 0));
                    },
                    () -> {
                        start.await();
                        return Weights.of(trainer.train(DATA, Map.of(), 0));
                    }));
            for (Future<double[]> run : runs) {
                assertArrayEquals(alone, run.get(), 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
