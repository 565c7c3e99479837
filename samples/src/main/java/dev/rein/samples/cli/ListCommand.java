package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.registry.RegisteredRegularizer;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * {@code rein list}: one line per regularizer with its name, kind, where it came from and its description.
 * A broken jar in a plugin folder is reported as a warning; the rest is still listed and the exit code is 0.
 *
 * <pre>{@code
 * $ rein list --plugins ./plugins
 * l1            penalty     built-in               Lasso: lambda*|w|, drives small weights to exactly zero
 * cauchy        penalty     plugins/cauchy.jar     Cauchy penalty: shrinks small weights, spares large ones
 * }</pre>
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every regularizer Rein can find.")
final class ListCommand extends RegistryCommand {
    @Override
    int run(PluginRegistry registry, PrintWriter out) {
        int nameWidth = 4;
        int sourceWidth = 6;
        for (RegisteredRegularizer r : registry.all()) {
            nameWidth = Math.max(nameWidth, r.name().length());
            sourceWidth = Math.max(sourceWidth, r.source().describe().length());
        }
        String format = "%-" + nameWidth + "s  %-13s  %-" + sourceWidth + "s  %s%n";
        out.printf(format, "NAME", "KIND", "SOURCE", "DESCRIPTION");
        for (RegisteredRegularizer r : registry.all()) {
            out.printf(format, r.name(), r.descriptor().kind().displayName(), r.source().describe(),
                    r.descriptor().description());
        }
        return 0;
    }
}
