package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.samples.plot.ChartFolder;
import dev.rein.samples.plot.SweepPlots;
import dev.rein.samples.sweep.ShardMerge;
import dev.rein.samples.sweep.SweepReport;
import dev.rein.samples.sweep.SweepTable;
import dev.rein.samples.train.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rein merge}: joins the {@code --json} output of a sweep's shards into the table and JSON of the unsharded
 * sweep; refuses shards of different sweeps (spec, data, folds, seed, settings), missing or repeated slices, and
 * trials that are not what their sweep ran (an index outside the sweep or the slice, params or a spec its spec does
 * not give that index, a metric that is no number or out of range). It plans the sweep's trials again to check them,
 * so a sweep of plugins from a folder needs the same {@code --plugins}.
 *
 * <pre>{@code
 * for i in 0 1 2 3; do rein sweep --data train.csv --spec "l1(lambda=1e-6..1e-1 log 12)" --shard $i/4 --json \
 *     > shard-$i.json; done
 * rein merge shard-*.json --json
 * }</pre>
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the --json files of a sweep's shards into one table and JSON.")
final class MergeCommand extends RegistryCommand {
    @Parameters(paramLabel = "FILE", arity = "1..*", description = "What each shard's rein sweep --json printed.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--json", description = "End the output with one line of JSON: {\"sweep\": {...}, \"shard\": {...},"
                    + " \"trials\": [...], \"best\": {...}} (the lines before it are the table).")
    boolean json;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Write the regularization path (or the specs side by side) as PNG and SVG into DIR.")
    Path plots;

    @Override
    int run(PluginRegistry registry, PrintWriter out) {
        ChartFolder folder = plots == null ? null : ChartFolder.check(plots, "--plots");
        SweepReport merged = ShardMerge.merge(files, registry);
        @SuppressWarnings("unchecked")
        List<String> labels = merged.sweep().get("axes") instanceof List<?> axes ? (List<String>) axes : List.of();
        out.printf("%d trials from %d shard files%n", merged.trials().size(), files.size());
        SweepTable.print(out, labels, merged.trials());
        if (folder != null) {
            SweepPlots.write(folder, labels, merged.trials(), null, null, null, null)
                    .forEach(file -> out.printf("plot: %s%n", file));
        }
        if (json) {
            out.println(Json.object(merged.toJson()));
        }
        return 0;
    }
}
