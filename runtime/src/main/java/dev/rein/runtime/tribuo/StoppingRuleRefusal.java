package dev.rein.runtime.tribuo;

import dev.rein.api.spi.Kind;
import dev.rein.runtime.plan.RegularizationRefusedException;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.Regularization;
import java.util.List;

/**
 * Refuses a stopping rule in the spec of a {@link RegularizedOptimiser}: an optimiser never learns where an epoch
 * ends and never sees validation data, so inside Tribuo's own trainer a rule such as {@code early_stopping} would be
 * ignored without a word. Rein's trainers follow the rule themselves and hand their optimiser the spec without it.
 *
 * <pre>{@code
 * new RegularizedOptimiser(new AdaGrad(0.5, 0.1), Regularization.of("l2 + early_stopping", registry));
 * // RegularizationRefusedException: [tribuo-stopping-rule-needs-trainer] Spec 'l2(...) + early_stopping(...)' has
 * // the stopping rule early_stopping, ... use one of Rein's trainers, e.g. RegularizedLinearClassificationTrainer
 * }</pre>
 */
final class StoppingRuleRefusal {
    private StoppingRuleRefusal() {
    }

    /** @throws RegularizationRefusedException if {@code regularization} has a stopping rule */
    static void check(Regularization regularization) {
        List<BoundTerm> rules = regularization.terms(Kind.STOPPING_RULE);
        if (!rules.isEmpty()) {
            throw new RegularizationRefusedException(TribuoMessages.stoppingRuleNeedsTrainer(regularization.toSpec(),
                    rules.stream().map(BoundTerm::name).toList(), regularization.without(Kind.STOPPING_RULE)
                            .toSpec()));
        }
    }
}
