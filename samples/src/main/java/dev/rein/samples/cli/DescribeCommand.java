package dev.rein.samples.cli;

import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.registry.RegisteredRegularizer;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rein describe NAME}: a regularizer's kind, source, aliases and parameters with types, defaults, bounds
 * and descriptions.
 *
 * <pre>{@code
 * $ rein describe elastic_net
 * elastic_net (penalty, built-in)
 *   Elastic net: lambda*(l1_ratio*|w| + (1-l1_ratio)/2*w^2), sparse and stable
 *   aliases: elasticnet
 *   parameters:
 *     lambda    double  default 1e-4  a number >= 0       Overall strength lambda
 *     l1_ratio  double  default 0.5   a number in [0, 1]  Share of L1 in the mix (rho)
 * }</pre>
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Show a regularizer's parameters, defaults and bounds.")
final class DescribeCommand extends RegistryCommand {
    @Parameters(paramLabel = "NAME", description = "The regularizer's name or alias.")
    String name;

    @Override
    int run(PluginRegistry registry, PrintWriter out) {
        RegisteredRegularizer r = Lookup.require(registry, name);
        RegularizerDescriptor d = r.descriptor();
        out.printf("%s (%s, %s)%n", d.name(), d.kind().displayName(), r.source().describe());
        if (!d.description().isEmpty()) {
            out.printf("  %s%n", d.description());
        }
        if (!d.aliases().isEmpty()) {
            out.printf("  aliases: %s%n", String.join(", ", d.aliases()));
        }
        out.printf("  implemented by %s, built against Rein API %d%n", d.implementation(), d.apiVersion());
        if (d.params().isEmpty()) {
            out.printf("  parameters: none%n");
            return 0;
        }
        out.printf("  parameters:%n");
        int width = 4;
        for (ParamDescriptor p : d.params()) {
            width = Math.max(width, p.name().length());
        }
        for (ParamDescriptor p : d.params()) {
            out.printf("    %-" + width + "s  %-7s  %-18s  %-24s  %s%n", p.name(),
                    p.type().name().toLowerCase(Locale.ROOT),
                    p.defaultValue().map(v -> "default " + v).orElse("required"), p.validRange(), p.description());
        }
        return 0;
    }
}
