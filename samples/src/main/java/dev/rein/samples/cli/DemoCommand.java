package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.samples.demo.Demo;
import dev.rein.samples.demo.NetworkDemo;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rein demo}: generates a small problem where regularization visibly matters (few examples, many noisy
 * features; nothing is downloaded) and prints test accuracy, weight norm and non-zeros with and without several
 * built-ins.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show what regularization does on a small generated problem.")
final class DemoCommand extends RegistryCommand {
    @Option(names = "--network", description = "Show instead what dropout and batch normalization do to the gap"
            + " between train and test accuracy of a feed-forward network that is too large for its data.")
    boolean network;

    @Override
    int run(PluginRegistry registry, PrintWriter out) {
        if (network) {
            new NetworkDemo(registry).run(out);
        } else {
            new Demo(registry).run(out);
        }
        return 0;
    }
}
