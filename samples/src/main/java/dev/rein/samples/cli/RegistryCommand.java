package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A subcommand that works on the plugin registry: it gets {@code --plugins}/{@code --verbose}, opens the registry
 * (reporting broken plugins as warnings), runs, and closes the registry's class loaders.
 *
 * <pre>{@code
 * final class ListCommand extends RegistryCommand {
 *     int run(PluginRegistry registry, PrintWriter out) { ...; return 0; }
 * }
 * }</pre>
 */
abstract class RegistryCommand implements Callable<Integer> {
    @Mixin
    PluginOptions plugins;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (PluginRegistry registry = plugins.openRegistry(spec.commandLine().getErr())) {
            return run(registry, out);
        } finally {
            out.flush();
        }
    }

    /** The command's work; returns the exit code. */
    abstract int run(PluginRegistry registry, PrintWriter out);

    /** Prints {@code warning: ...} on {@code err} at once, so it shows before a long run's output. */
    static void warn(PrintWriter err, String warning) {
        err.println("warning: " + warning);
        err.flush();
    }
}
