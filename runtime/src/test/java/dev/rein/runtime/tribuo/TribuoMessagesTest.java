package dev.rein.runtime.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rein.runtime.ReinMessage;
import org.junit.jupiter.api.Test;

/** The exact words of every message of the Tribuo adapter: the other tests assert tags and the values named. */
class TribuoMessagesTest {
    private static final String ADVICE = " Lower the learning rate or the penalty strength, scale the features, or"
            + " check the data for NaN or huge values; a penalty plugin whose gradient or proximal gives NaN or"
            + " infinity at a finite weight ends the same way ('rein check NAME' tests it).";

    @Test
    void divergence() {
        assertMessage("[tribuo-diverged] Training diverged at step 2 with spec 'l2(lambda=0.5)': the gradient of"
                + " tensor 0 at (0, 2) is NaN." + ADVICE, TribuoMessages.diverged(0, 2, "l2(lambda=0.5)",
                        TribuoMessages.nonFinite("gradient", 0, "at (0, 2)", Double.NaN)));
        assertMessage("[tribuo-diverged] Training diverged in epoch 3 with spec 'none': at step 17, the update of"
                + " tensor 1 at 4 is -Infinity." + ADVICE, TribuoMessages.diverged(3, 17, "none",
                        TribuoMessages.atStep(17, TribuoMessages.nonFinite("update", 1, "at 4",
                                Double.NEGATIVE_INFINITY))));
        assertMessage("[tribuo-diverged] Training diverged in the final catch-up with spec 'l1(lambda=0.1)': weight"
                + " (0, 1) is NaN after catching up the penalty steps it missed." + ADVICE,
                TribuoMessages.diverged(0, 0, "l1(lambda=0.1)", TribuoMessages.weightAfterCatchUp(0, 1, Double.NaN)));
        assertEquals("weight (2, 0) is Infinity after the update",
                TribuoMessages.weightAfterUpdate(2, 0, Double.POSITIVE_INFINITY));
        assertEquals("the step size 2.0 times the L2 part of the penalties reaches 1, which would flip the weights'"
                + " signs and which mode=cumulative cannot take", TribuoMessages.cumulativeStepTooLarge(2.0));
    }

    @Test
    void aCatchUpReplayedStepByStep() {
        assertMessage("[tribuo-flow-replayed] Spec 'cauchy(lambda=1.0)': some absent weights were caught up by"
                + " replaying each missed penalty step, because integrating the penalty's gradient flow over those"
                + " steps could not stay within 1.0E-6·|w| + 1.0E-9 of them (the penalty is stiff for these step"
                + " sizes, or the weight reached zero, or the flow would have cost more calls than the steps). Those"
                + " weights are caught up step by step, exactly, at the cost of one penalty step per missed step (if"
                + " that comes to cost more than stepping every weight, the run switches to that); a smaller learning"
                + " rate or penalty strength makes the flow usable again.",
                TribuoMessages.flowReplayed("cauchy(lambda=1.0)", 1e-6, 1e-9));
    }

    @Test
    void replaysThatCostMoreThanEagerSteps() {
        assertMessage("[tribuo-lazy-replays-costly] Spec 'welsch(lambda=0.01)': replaying absent weights' missed"
                + " penalty steps one by one (the flow could not meet its bound) cost more than stepping every weight"
                + " would, so from step 513 on every weight takes every step, exactly, as with --exact; a smaller"
                + " learning rate or penalty strength lets the fast path work again.",
                TribuoMessages.replaysCostMoreThanEager("welsch(lambda=0.01)", 513));
    }

    @Test
    void theOptimiserAdapter() {
        assertMessage("[tribuo-stopping-rule-needs-trainer] Spec 'l2(lambda=0.1) + early_stopping(patience=3)' has"
                + " the stopping rule early_stopping, which a RegularizedOptimiser cannot follow: inside Tribuo's own"
                + " trainers an optimiser never learns where an epoch ends and never sees validation data, so"
                + " early_stopping would be ignored. Train with one of Rein's trainers"
                + " (RegularizedLinearClassificationTrainer, RegularizedLinearRegressionTrainer,"
                + " RegularizedFMClassificationTrainer, RegularizedFMRegressionTrainer), which follow it, or give the"
                + " optimiser the spec without it: 'l2(lambda=0.1)'", TribuoMessages.stoppingRuleNeedsTrainer(
                        "l2(lambda=0.1) + early_stopping(patience=3)", java.util.List.of("early_stopping"),
                        "l2(lambda=0.1)"));
        assertMessage("[tribuo-modes-mismatch] RegularizedOptimiser was configured with modes 'l1=proximal', but spec"
                + " 'none' resolves to ''; modes is written by Rein: leave it out of the configuration and set each"
                + " penalty's mode in the spec", TribuoMessages.modesMismatch("l1=proximal", "none", ""));
        assertMessage("[tribuo-tensors-replaced] RegularizedOptimiser cannot apply 'l2(lambda=0.1)' with"
                + " HiddenPegasos: after its initialise the linear model (1 outputs x 3 features + bias) is held in"
                + " ShrinkingMatrix, whose update does more than add; wrap an optimiser that keeps plain DenseMatrix"
                + " parameters (SGD, AdaGrad, RMSProp, Adam, AdaDelta)", TribuoMessages.tensorsReplaced(
                        "l2(lambda=0.1)", "HiddenPegasos", "linear model (1 outputs x 3 features + bias)",
                        "ShrinkingMatrix"));
        assertMessage("[tribuo-cumulative-needs-lazy] mode=cumulative in 'l1(lambda=0.1, mode=cumulative) +"
                + " non_negative' keeps what each weight owes in Rein's lazy engine, which this training cannot use:"
                + " it needs a linear model (not a factorization machine), penalties of the form λ₁|w| + (λ₂/2)w²"
                + " only (l1, l2, elastic_net), no constraint but max_norm and none at all with L1, and no"
                + " ParameterAveraging; use mode=proximal instead",
                TribuoMessages.cumulativeNeedsLazy("l1(lambda=0.1, mode=cumulative) + non_negative"));
        assertMessage("[tribuo-step-before-initialise] RegularizedOptimiser.step was called before"
                + " initialise(Parameters); a Tribuo trainer calls initialise first",
                TribuoMessages.stepBeforeInitialise());
        assertMessage("[tribuo-dense-update] AdaGrad turned a sparse gradient into a DenseMatrix, so"
                + " RegularizedOptimiser cannot tell which weights it moved; this is a bug in Rein's lazy mode, please"
                + " report it with the optimiser", TribuoMessages.sparseUpdateDensified("AdaGrad", "DenseMatrix"));
    }

    @Test
    void layoutsAndTensors() {
        assertMessage("[tribuo-unknown-layout] Rein does not know the parameter layout of com.example.Other: it knows"
                + " LinearParameters (Tribuo's linear SGD trainers), FMParameters (factorization machines) and"
                + " LaidOutParameters (Rein's network); train with one of those, or without penalties and constraints",
                TribuoMessages.unknownLayout("com.example.Other"));
        assertMessage("[tribuo-no-bias-column] A linear model's weight matrix needs a bias column, but it has 0"
                + " columns", TribuoMessages.noBiasColumn(0));
        assertMessage("[tribuo-fm-too-few-tensors] A factorization machine has a bias vector, a weight matrix and a"
                + " factor matrix per output, so at least 3 tensors, but got 2", TribuoMessages.fmTooFewTensors(2));
        assertMessage("[tribuo-fm-bias-not-vector] Tensor 0 of a factorization machine should be the bias vector, but"
                + " is a DenseMatrix", TribuoMessages.fmBiasNotVector("DenseMatrix"));
        assertMessage("[tribuo-tensor-count] Expected 4 tensor(s) for a factorization machine with 2 outputs, but got"
                + " 3", TribuoMessages.tensorCount(4, "a factorization machine with 2 outputs", 3));
        assertMessage("[tribuo-tensor-not-matrix] Tensor 1 of a linear model should be a matrix, but is a"
                + " DenseVector", TribuoMessages.tensorNotMatrix(1, "a linear model", "DenseVector"));
        assertMessage("[tribuo-no-dense-copy] Cannot make a dense copy of a com.example.Odd; expected a Tribuo matrix"
                + " or vector", TribuoMessages.noDenseCopy("com.example.Odd"));
        assertMessage("[tribuo-negative-slot] Slot 'weights' has a negative index or size: tensor 0, -1 rows,"
                + " columns 0 + 3", TribuoMessages.negativeSlot("weights", 0, -1, 0, 3));
        assertMessage("[tribuo-summary-counts] A summary needs 0 <= zeroWeights <= totalWeights, got 7 of 6",
                TribuoMessages.summaryCounts(7, 6));
    }

    @Test
    void theDivergenceExceptionCarriesTheTagAndTheParts() {
        TrainingDivergedException e = TrainingDivergedException.atStep(5, "l2(lambda=0.1)", "the gradient is NaN")
                .inEpoch(2);
        assertEquals("tribuo-diverged", e.tag());
        assertEquals("[tribuo-diverged] Training diverged in epoch 2 with spec 'l2(lambda=0.1)': at step 5, the"
                + " gradient is NaN." + ADVICE, e.getMessage());
        assertEquals(2, e.epoch());
        assertEquals(5, e.step());
    }

    private static void assertMessage(String expected, ReinMessage actual) {
        assertEquals(expected, actual.toString());
    }
}
