package dev.rein.runtime.tribuo.trainer;

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
 * training with a message that names the trainer, the setting and what would be valid.
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
     * @throws IllegalArgumentException for the first problem found
     */
    static Optional<StoppingPlan> check(String trainer, StochasticGradientOptimiser optimiser,
            Regularization regularization, PredictionTask task, int epochs, int minibatchSize,
            double validationSplit) {
        if (optimiser == null) {
            throw new IllegalArgumentException(trainer + ": optimiser is missing; give the Tribuo"
                    + " StochasticGradientOptimiser to regularize, e.g. new AdaGrad(0.5, 0.1)");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException(trainer + ": epochs is " + epochs + "; it must be at least 1 (with a"
                    + " stopping rule, the most epochs a run may take)");
        }
        if (minibatchSize < 1) {
            throw new IllegalArgumentException(trainer + ": minibatchSize is " + minibatchSize + "; it must be at"
                    + " least 1");
        }
        if (!(validationSplit > 0 && validationSplit < 1)) {
            throw new IllegalArgumentException(trainer + ": validationSplit is " + validationSplit + "; it must lie"
                    + " strictly between 0 and 1 (the share of the training data held out for a stopping rule,"
                    + " e.g. 0.1)");
        }
        try {
            new RegularizedOptimiser(optimiser, regularization, minibatchSize);
            return StoppingPlan.of(regularization, task, optimiser);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(trainer + ": " + e.getMessage(), e);
        }
    }
}
