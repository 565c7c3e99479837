package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.samples.demo.Demo;
import dev.rein.samples.plot.ChartFolder;
import dev.rein.samples.demo.NetworkDemo;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rein demo}: generates a small problem where regularization visibly matters (few examples, many noisy
 * features; nothing is downloaded) and prints test accuracy, weight norm and non-zeros with and without several
 * built-ins; then sweeps L1's strength by cross-validation and writes the charts into {@code --plots}
 * ({@code rein-demo-plots} by default).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show what regularization does on a small generated problem.")
final class DemoCommand extends RegistryCommand {
    @Option(names = "--plots", paramLabel = "DIR", defaultValue = "rein-demo-plots",
            description = "Where the closing sweep's charts go (default ${DEFAULT-VALUE}).")
    Path plots;

    @Option(names = "--network", description = "Show instead what dropout and batch normalization do to the gap"
            + " between train and test accuracy of a feed-forward network that is too large for its data.")
    boolean network;

    @Override
    int run(PluginRegistry registry, PrintWriter out) {
        if (network) {
            new NetworkDemo(registry).run(out);
        } else {
            ChartFolder folder = ChartFolder.check(plots, "--plots");
            Demo demo = new Demo(registry);
            demo.run(out);
            demo.sweep(out, folder);
        }
        return 0;
    }
}
