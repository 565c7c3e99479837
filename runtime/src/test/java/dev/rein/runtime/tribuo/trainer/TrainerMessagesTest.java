package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact words of every trainer message: the trainer tests assert tags and the values named. */
class TrainerMessagesTest {
    private static final String TRAINER = "RegularizedLinearClassificationTrainer";

    @Test
    void settings() {
        assertMessage("[trainer-no-optimiser] RegularizedLinearClassificationTrainer: optimiser is missing; give the"
                + " Tribuo StochasticGradientOptimiser to regularize, e.g. new AdaGrad(0.5, 0.1)",
                TrainerMessages.noOptimiser(TRAINER));
        assertMessage("[trainer-epochs] RegularizedLinearClassificationTrainer: epochs is 0; it must be at least 1"
                + " (with a stopping rule, the most epochs a run may take)", TrainerMessages.epochs(TRAINER, 0));
        assertMessage("[trainer-minibatch-size] RegularizedLinearClassificationTrainer: minibatchSize is 0; it must be"
                + " at least 1", TrainerMessages.minibatchSize(TRAINER, 0));
        assertMessage("[trainer-validation-split] RegularizedLinearClassificationTrainer: validationSplit is 1.0; it"
                + " must lie strictly between 0 and 1 (the share of the training data held out for a stopping rule,"
                + " e.g. 0.1)", TrainerMessages.validationSplit(TRAINER, 1.0));
    }

    @Test
    void problemsFoundDeeperDownKeepTheirTag() {
        SpecException e = new SpecException("l3", 1, ReinMessage.of("spec-unknown-regularizer",
                "unknown regularizer 'l3' (rein list shows all)"));
        assertMessage("[spec-unknown-regularizer] RegularizedLinearClassificationTrainer: the configured spec is not"
                + " valid. Spec error at column 1: unknown regularizer 'l3' (rein list shows all)\n  l3\n  ^",
                TrainerMessages.specInvalid(TRAINER, e, List.of()));
        assertMessage("[spec-unknown-regularizer] RegularizedLinearClassificationTrainer: the configured spec is not"
                + " valid. Spec error at column 1: unknown regularizer 'l3' (rein list shows all)\n  l3\n  ^ Plugins"
                + " that did not load: [plugin-jar-unreadable] a.jar is broken. [plugin-jar-unreadable] b.jar too.",
                TrainerMessages.specInvalid(TRAINER, e, List.of("[plugin-jar-unreadable] a.jar is broken.",
                        "[plugin-jar-unreadable] b.jar too.")));
        assertEquals("[plan-pegasos-penalty] RegularizedLinearClassificationTrainer: Penalty 'l2' cannot wrap ...",
                TrainerMessages.inTrainer(TRAINER, "[plan-pegasos-penalty] Penalty 'l2' cannot wrap ..."));
        assertEquals("RegularizedLinearClassificationTrainer: a plugin's own words",
                TrainerMessages.inTrainer(TRAINER, "a plugin's own words"));
    }

    @Test
    void stoppingRulesAndMetrics() {
        assertMessage("[trainer-several-stopping-rules] Spec 'patience(metric=loss, patience=2) +"
                + " scripted(metric=loss)' has 2 stopping rules (patience, scripted); a run can follow only one: keep"
                + " one of them", TrainerMessages.severalStoppingRules("patience(metric=loss, patience=2) +"
                        + " scripted(metric=loss)", List.of("patience", "scripted")));
        assertMessage("[trainer-stopping-averaged] Stopping rule 'patience' cannot be used with"
                + " ParameterAveraging(optimiser=AdaGrad): ParameterAveraging computes the averaged weights only after"
                + " the last epoch, so each epoch's validation would score weights the model never gets, and"
                + " restoring an epoch would drop the average. Use another optimiser with 'patience', or"
                + " ParameterAveraging without a stopping rule",
                TrainerMessages.stoppingAveraged("patience", "ParameterAveraging(optimiser=AdaGrad)"));
        assertMessage("[trainer-metric-wrong-task] Stopping rule 'patience' asks for the validation metric 'rmse',"
                + " which does not fit a classification trainer; use one of: accuracy, loss",
                TrainerMessages.metricWrongTask("patience", "rmse", "classification", "accuracy, loss"));
        assertMessage("[trainer-metric-unknown] Stopping rule 'patience' asks for the validation metric 'f1', which"
                + " Rein's SGD trainers do not compute; for classification use one of: accuracy, loss",
                TrainerMessages.metricUnknown("patience", "f1", "classification", "accuracy, loss"));
    }

    @Test
    void dataAndTheEpochLoop() {
        assertMessage("[trainer-unknown-outputs] The supplied Dataset contained unknown Outputs, and this Trainer is"
                + " supervised.", TrainerMessages.unknownOutputs());
        assertMessage("[trainer-validation-empty] The validation dataset is empty; stopping rule 'early_stopping'"
                + " needs examples to score each epoch on", TrainerMessages.validationEmpty("early_stopping"));
        assertMessage("[trainer-split-too-small] Cannot hold out 0.99 of 10 training examples for validation and"
                + " still train on some: give more training data, a smaller validation split, or a validation"
                + " dataset of its own", TrainerMessages.splitTooSmall(0.99, 10));
        assertMessage("[trainer-validation-unscorable] Validation example 3 of 3 has no feature that the training"
                + " data has, so the model cannot score it; remove it or check that the validation data uses the"
                + " training data's feature names", TrainerMessages.validationUnscorable(3, 3));
        assertMessage("[trainer-fm-sparse-batch] RegularizedFMClassificationTrainer: example 1 has 3 of the 4"
                + " features, and Tribuo 4.3.2's factorization machines cannot merge the gradients of sparse examples"
                + " in mini-batches (FMParameters.merge); use minibatchSize 1, or give every example every feature",
                TrainerMessages.fmSparseBatch("RegularizedFMClassificationTrainer", 1, 3, 4));
        assertMessage("[trainer-rule-returned-null] Stopping rule 'scripted' returned null from afterEpoch at epoch"
                + " 4; it must return EpochDecision.keepGoing() or EpochDecision.stop(...)",
                TrainerMessages.ruleReturnedNull("scripted", 4));
        assertMessage("[trainer-restore-not-kept] Stopping rule 'scripted' asked to restore epoch 2, but the trainer"
                + " keeps one copy of the weights, of the epoch the rule's restorableEpoch() names after each epoch"
                + " (epoch 1 is held); a rule must restore the epoch it last named there, or keep the current"
                + " weights (EpochDecision.KEEP_CURRENT)", TrainerMessages.restoreNotKept("scripted", 2, 1));
        assertMessage("[trainer-restore-not-kept] Stopping rule 'scripted' asked to restore epoch 2, but the trainer"
                + " keeps one copy of the weights, of the epoch the rule's restorableEpoch() names after each epoch"
                + " (none is held); a rule must restore the epoch it last named there, or keep the current weights"
                + " (EpochDecision.KEEP_CURRENT)", TrainerMessages.restoreNotKept("scripted", 2, 0));
    }

    private static void assertMessage(String expected, ReinMessage actual) {
        assertEquals(expected, actual.toString());
    }
}
