package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.samples.sweep.Shard;
import dev.rein.samples.sweep.SweepPlan;
import dev.rein.samples.sweep.Trial;
import dev.rein.samples.train.TrainingSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rein compare}: trains each spec on the same data, folds and seed and prints them side by side.
 *
 * <pre>{@code
 * rein compare --data train.csv --spec none --spec "l2(lambda=1e-3)" --spec "l1(lambda=1e-3)" --folds 5
 * }</pre>
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train several specs on the same data and seed and show them side by side.")
final class CompareCommand extends TrialsCommand {
    @Option(names = "--spec", required = true, paramLabel = "SPEC",
            description = "A spec to compare (repeat: --spec none --spec \"l2(lambda=1e-3)\").")
    List<String> specs = new ArrayList<>();

    @Override
    int run(PluginRegistry registry, PrintWriter out) {
        TrainingSettings settings = checkOptions();
        SweepPlan plan = SweepPlan.ofSpecs(specs, registry, model(), settings);
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("specs", plan.trials().stream().map(Trial::spec).toList());
        what.put("trial_count", plan.trials().size());
        return runTrials(plan, List.of(), what, Shard.ALL, settings, out);
    }
}
