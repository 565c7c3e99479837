package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.samples.demo.Demo;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code rein demo}: generates a small problem where regularization visibly matters (few examples, many noisy
 * features; nothing is downloaded) and prints test accuracy, weight norm and non-zeros with and without several
 * built-ins.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Show what regularization does on a small generated problem.")
final class DemoCommand extends RegistryCommand {
    @Override
    int run(PluginRegistry registry, PrintWriter out) {
        new Demo(registry).run(out);
        return 0;
    }
}
