package dev.rein.runtime.check;

import dev.rein.api.hook.EpochDecision;
import dev.rein.api.hook.EpochScore;
import dev.rein.api.hook.StoppingRule;
import java.util.List;

/**
 * The checks of a {@link StoppingRule}: it names its metric, and after {@link StoppingRule#reset()} it never stops
 * a run whose metric improves by a full unit every epoch, whichever direction is better.
 */
final class StoppingRuleChecks {
    private final CheckRun run;
    static final String METRIC = CheckMessages.METRIC.text();
    static final String IMPROVING = CheckMessages.IMPROVING.text();

    private static final int EPOCHS = 100;

    private final StoppingRule rule;

    StoppingRuleChecks(StoppingRule rule, CheckRun run) {
        this.run = run;
        this.rule = rule;
    }

    List<CheckResult> run() {
        return List.of(run.guard(METRIC, this::metric), run.guard(IMPROVING, this::improving));
    }

    private CheckResult metric() {
        String metric = rule.metric();
        return metric == null || metric.isBlank()
                ? CheckResult.fail(METRIC, "metric() returned " + (metric == null ? "null" : "'" + metric + "'"))
                : CheckResult.pass(METRIC, metric);
    }

    private CheckResult improving() {
        for (boolean higherIsBetter : new boolean[] {true, false}) {
            rule.reset();
            for (int epoch = 1; epoch <= EPOCHS; epoch++) {
                double value = higherIsBetter ? epoch : EPOCHS + 1 - epoch;
                EpochDecision decision = rule.afterEpoch(new EpochScore(epoch, rule.metric(), value, higherIsBetter));
                if (decision == null || decision.shouldStop()) {
                    return CheckResult.fail(IMPROVING, (decision == null ? "afterEpoch returned null"
                            : "stopped (" + decision.reason() + ")") + " at epoch " + epoch + " although the metric"
                            + " improved by 1 every epoch (" + (higherIsBetter ? "higher" : "lower") + " is better)");
                }
            }
        }
        return CheckResult.pass(IMPROVING, EPOCHS + " improving epochs, higher and lower is better");
    }
}
