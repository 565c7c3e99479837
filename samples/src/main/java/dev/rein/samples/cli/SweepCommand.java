package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.samples.sweep.Shard;
import dev.rein.samples.sweep.SweepAxis;
import dev.rein.samples.sweep.SweepPlan;
import dev.rein.samples.sweep.SweepSpec;
import dev.rein.samples.train.TrainingSettings;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rein sweep}: trains one trial per value of a range or list in the spec (several make a grid), in parallel,
 * and prints every trial with the best marked.
 *
 * <pre>{@code
 * rein sweep --data train.csv --spec "l1(lambda=1e-6..1e-1 log 12)" --folds 5 --json
 * rein sweep --data train.csv --test test.csv --spec "elastic_net(lambda=[1e-3, 1e-2], l1_ratio=0..1 lin 5)"
 * rein sweep --data train.csv --spec "l2(lambda=1e-4..1 log 8)" --shard 2/4 --json > shard-2.json
 * rein merge shard-*.json
 * }</pre>
 *
 * <p>Everything is checked before any training: the ranges (not empty, within the parameter's bounds), every
 * trial's spec, the options, and, once the data is read, the folds against its size.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Train one trial per value of the ranges and lists in a spec, in parallel, and find the best.")
final class SweepCommand extends TrialsCommand {
    @Option(names = "--spec", required = true, paramLabel = "SPEC",
            description = "A spec whose numeric values may be ranges (lo..hi log N, lo..hi lin N) or lists ([a, b]),"
                    + " e.g. \"l1(lambda=1e-6..1e-1 log 12)\".")
    String specText;

    @Option(names = "--shard", paramLabel = "i/n|auto",
            description = "Run only slice i of n (trials whose index %% n == i); auto reads a Slurm job array or a"
                    + " Kubernetes Indexed Job. Join the slices' --json with rein merge.")
    String shardText;

    @Option(names = "--shard-count", paramLabel = "N",
            description = "With --shard auto in a Kubernetes Indexed Job: its completions count (only with --shard"
                    + " auto).")
    Integer shardCount;

    @Override
    int run(PluginRegistry registry, PrintWriter out) {
        TrainingSettings settings = checkOptions();
        SweepSpec sweep = SweepSpec.parse(specText);
        SweepPlan plan = SweepPlan.of(sweep, registry, model(), settings);
        Shard shard = Shard.parse(shardText, shardCount, environment());
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("spec", specText);
        what.put("axes", sweep.axes().stream().map(SweepAxis::label).toList());
        what.put("trial_count", plan.trials().size());
        return runTrials(plan, sweep.axes().stream().map(SweepAxis::label).toList(), what, shard, settings, out);
    }
}
