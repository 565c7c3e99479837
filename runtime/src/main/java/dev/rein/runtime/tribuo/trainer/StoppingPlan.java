package dev.rein.runtime.tribuo.trainer;

import dev.rein.api.hook.StoppingRule;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.plan.RegularizationRefusedException;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.Regularization;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.ParameterAveraging;

/**
 * The stopping rule of a spec and the validation metric it asks for, checked against the trainer before any
 * training: at most one rule, a metric that fits the task, an optimiser whose weights exist at each epoch's end.
 *
 * <pre>{@code
 * StoppingPlan.of(regularization, PredictionTask.CLASSIFICATION, optimiser)   // empty without a stopping rule
 * }</pre>
 */
record StoppingPlan(BoundTerm term, ValidationMetric metric) {
    /**
     * @throws RegularizationRefusedException for two or more stopping rules, a metric that is unknown or does not
     *                                        fit {@code task}, or {@code ParameterAveraging} as the optimiser
     */
    static Optional<StoppingPlan> of(Regularization regularization, PredictionTask task,
            StochasticGradientOptimiser optimiser) {
        List<BoundTerm> rules = regularization.terms(Kind.STOPPING_RULE);
        if (rules.isEmpty()) {
            return Optional.empty();
        }
        if (rules.size() > 1) {
            throw new RegularizationRefusedException(TrainerMessages.severalStoppingRules(regularization.toSpec(),
                    rules.stream().map(BoundTerm::name).collect(Collectors.toList())));
        }
        BoundTerm term = rules.get(0);
        if (optimiser instanceof ParameterAveraging) {
            throw new RegularizationRefusedException(TrainerMessages.stoppingAveraged(term.name(), optimiser));
        }
        String metric = term.hook(StoppingRule.class).metric();
        return Optional.of(new StoppingPlan(term, ValidationMetric.resolve(metric, task, term.name())));
    }

    /** A new instance of the rule for one run (rules keep state), reset. */
    StoppingRule freshRule() {
        StoppingRule rule = term.forRun().hook(StoppingRule.class);
        rule.reset();
        return rule;
    }

    String ruleName() {
        return term.name();
    }
}
