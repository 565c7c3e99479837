package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginProblem;
import dev.rein.runtime.registry.PluginRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command that looks plugins up shares: {@code --plugins DIR} (repeatable; the system property
 * {@code rein.plugins} adds more) and {@code --verbose}.
 *
 * <pre>{@code
 * rein list --plugins ./plugins --plugins /opt/rein/plugins
 * }</pre>
 */
public final class PluginOptions {
    @Option(names = "--plugins", paramLabel = "DIR",
            description = "Folder of plugin jars to load (repeatable; the system property rein.plugins adds more).")
    List<Path> pluginFolders = new ArrayList<>();

    @Option(names = "--verbose", description = "Print stack traces and Tribuo's own log messages.")
    boolean verbose;

    /** Loads the registry and reports its problems, one paragraph each, to {@code err}. */
    PluginRegistry openRegistry(PrintWriter err) {
        PluginRegistry registry = PluginRegistry.standard(pluginFolders);
        for (PluginProblem problem : registry.problems()) {
            err.println("warning: " + problem.describe(verbose));
        }
        err.flush();
        return registry;
    }
}
