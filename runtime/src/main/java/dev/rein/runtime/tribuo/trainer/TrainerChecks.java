package dev.rein.runtime.tribuo.trainer;

import dev.rein.api.spi.Kind;
import dev.rein.runtime.plan.RegularizationRefusedException;
import dev.rein.runtime.registry.PluginProblem;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecBinder;
import dev.rein.runtime.spec.SpecException;
import dev.rein.runtime.tribuo.RegularizedOptimiser;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tribuo.math.StochasticGradientOptimiser;

/**
 * The checks every Rein SGD trainer runs when it is built or configured, so that a bad setting fails before any
 * training with a message that names the trainer, the setting and what would be valid. A problem found by the spec
 * binder or the plan keeps its tag and type, with the trainer's name put in front of its text.
 */
final class TrainerChecks {
    /** The share of the training data held out for a stopping rule when no validation data is given. */
    static final double DEFAULT_VALIDATION_SPLIT = 0.1;

    private TrainerChecks() {
    }

    /**
     * Binds a configured spec against {@code registry} ({@link PluginRegistry#shared()} by default: the class path
     * and the {@code rein.plugins} folders), which must stay open while the trainer is used: the hooks it builds
     * may still load classes from plugin jars.
     *
     * @throws IllegalArgumentException with the spec error's tag, column and message
     */
    static Regularization bind(String trainer, String spec, PluginRegistry registry) {
        try {
            return SpecBinder.bind(spec, registry);
        } catch (SpecException e) {
            List<String> notLoaded = registry.problems().stream().map(PluginProblem::message)
                    .collect(Collectors.toList());
            throw new IllegalArgumentException(TrainerMessages.specInvalid(trainer, e, notLoaded).toString(), e);
        }
    }

    /**
     * Checks the settings and the spec against the optimiser and task.
     *
     * @return the spec's stopping rule and metric, if it has one
     * @throws IllegalArgumentException for the first problem found: a {@link RegularizationRefusedException} when
     *                                  the spec cannot run with this optimiser or trainer
     */
    static Optional<StoppingPlan> check(String trainer, StochasticGradientOptimiser optimiser,
            Regularization regularization, PredictionTask task, int epochs, int minibatchSize,
            double validationSplit) {
        if (optimiser == null) {
            throw new IllegalArgumentException(TrainerMessages.noOptimiser(trainer).toString());
        }
        if (epochs < 1) {
            throw new IllegalArgumentException(TrainerMessages.epochs(trainer, epochs).toString());
        }
        if (minibatchSize < 1) {
            throw new IllegalArgumentException(TrainerMessages.minibatchSize(trainer, minibatchSize).toString());
        }
        if (!(validationSplit > 0 && validationSplit < 1)) {
            throw new IllegalArgumentException(TrainerMessages.validationSplit(trainer, validationSplit).toString());
        }
        try {
            new RegularizedOptimiser(optimiser, regularization.without(Kind.STOPPING_RULE), minibatchSize);
            return StoppingPlan.of(regularization, task, optimiser);
        } catch (RegularizationRefusedException e) {
            throw new RegularizationRefusedException(e.reinMessage().in(trainer), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(TrainerMessages.inTrainer(trainer, e.getMessage()), e);
        }
    }
}
