package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.TestTerms.l1;
import static dev.rein.runtime.tribuo.TestTerms.l2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.spi.Kind;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.Target;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.common.sgd.FMParameters;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

class WeightSummaryTest {
    /** Weights [1, 0, -2], [0, 3, 0]; biases 5 and -1. */
    private static final double[][] W = {{1, 0, -2, 5}, {0, 3, 0, -1}};

    @Test
    void handBuiltLinearParameters() {
        LinearParameters p = RegularizedOptimiserStepTest.parameters(W);
        WeightSummary s = WeightSummary.of(p, TestTerms.of(l2(0.1), l1(0.5)));

        assertEquals(0.05 * 14 + 0.5 * 6, s.penalty(), 1e-12, "(0.1/2)·14 + 0.5·6, biases excluded");
        assertEquals(Math.sqrt(14), s.weightNorm(), 1e-12);
        assertEquals(3, s.zeroWeights());
        assertEquals(6, s.totalWeights());
        assertEquals("penalty 3.70000, weight norm 3.74166, 3 of 6 weights exactly zero", s.toString());
    }

    @Test
    void onAllPutsTheBiasesIntoThePenaltyButNotIntoTheNorm() {
        Regularization all = TestTerms.of(TestTerms.term("l2", Kind.PENALTY, new TestTerms.L2(0.1),
                Map.of("lambda", 0.1), Target.ALL, PenaltyMode.AUTO));
        WeightSummary s = WeightSummary.of(RegularizedOptimiserStepTest.parameters(W), all);

        assertEquals(0.05 * (14 + 25 + 1), s.penalty(), 1e-12);
        assertEquals(Math.sqrt(14), s.weightNorm(), 1e-12);
    }

    @Test
    void withoutPenaltiesThePenaltyIsZero() {
        assertEquals(new WeightSummary(0, Math.sqrt(14), 3, 6),
                WeightSummary.of(RegularizedOptimiserStepTest.parameters(W), Regularization.none()));
    }

    @Test
    void aTrainedModelIsReadThroughItsPublicWeights() {
        SyntheticData data = SyntheticData.regression(50, 3L, 0, 1.0);
        LinearSGDModel model = new LinearSGDTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.01), 5, -1, 1, 1L)
                .train(data.dataset);
        DenseMatrix w = model.getWeightsCopy();
        double squares = 0;
        for (int c = 0; c < w.getDimension2Size() - 1; c++) {
            squares += w.get(0, c) * w.get(0, c);
        }

        WeightSummary s = WeightSummary.of(model, TestTerms.of(l2(2.0)));
        assertEquals(squares, s.penalty(), 1e-12, "(2/2)·‖w‖²");
        assertEquals(Math.sqrt(squares), s.weightNorm(), 1e-12);
        assertEquals(5, s.totalWeights());
    }

    @Test
    void factorizationMachinesCountWeightsAndFactors() {
        FMParameters p = new FMParameters(new SplittableRandom(1), 3, 2, 2, 0.5);
        ((DenseVector) p.get()[0]).set(0, 7.0);
        double squares = 0;
        long total = 0;
        for (int i = 1; i < p.get().length; i++) {
            DenseMatrix m = (DenseMatrix) p.get()[i];
            for (int r = 0; r < m.getDimension1Size(); r++) {
                for (int c = 0; c < m.getDimension2Size(); c++) {
                    squares += m.get(r, c) * m.get(r, c);
                    total++;
                }
            }
        }

        WeightSummary s = WeightSummary.of(p, TestTerms.of(l2(1.0)));
        assertEquals(2 * 3 + 2 * 2 * 3, total, "a 2x3 weight matrix and two 2x3 factor matrices");
        assertEquals(total, s.totalWeights());
        assertEquals(total - 2 * 2 * 3, s.zeroWeights(), "the linear weights start at 0, the factors do not");
        assertEquals(0.5 * squares, s.penalty(), 1e-12);
        assertEquals(Math.sqrt(squares), s.weightNorm(), 1e-12);
    }

    @Test
    void countsMustBeConsistent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WeightSummary(0, 0, 7, 6));
        assertEquals(Optional.of("tribuo-summary-counts"), ReinMessage.tagOf(e));
        assertTrue(e.getMessage().endsWith("got 7 of 6"), e.getMessage());
    }
}
