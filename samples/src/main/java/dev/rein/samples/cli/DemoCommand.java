package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.samples.demo.Demo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code rein demo}: generates a small problem where regularization visibly matters (few examples, many noisy
 * features; nothing is downloaded) and prints test accuracy, weight norm and non-zeros with and without several
 * built-ins.
 */
@Command(name = "demo", description = "Show what regularization does on a small generated problem.")
final class DemoCommand implements Callable<Integer> {
    @Mixin
    PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (PluginRegistry registry = plugins.openRegistry(spec.commandLine().getErr())) {
            new Demo(registry).run(spec.commandLine().getOut());
        }
        return 0;
    }
}
