package dev.rein.samples.cli;

import dev.rein.api.spi.Kind;
import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.registry.RegisteredRegularizer;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecBinder;
import dev.rein.runtime.tribuo.RegularizedOptimiser;
import dev.rein.samples.train.OptimiserChoice;
import java.io.PrintWriter;
import java.util.List;
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
        } else {
            printParameters(d, out);
        }
        if (d.kind() == Kind.PENALTY || d.kind() == Kind.BLOCK_PENALTY) {
            printAutoModes(registry, d.name(), out);
        }
        return 0;
    }

    private static void printParameters(RegularizerDescriptor d, PrintWriter out) {
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
    }

    /**
     * What {@code mode=auto} does with this penalty (default arguments, weights only) under each optimiser of
     * {@code rein train}, and why; or the refusal's tag. Skipped when the penalty has a required parameter.
     */
    private static void printAutoModes(PluginRegistry registry, String name, PrintWriter out) {
        Regularization spec;
        try {
            spec = SpecBinder.bind(name, registry);
        } catch (IllegalArgumentException e) {
            return;   // a required parameter: no default spec to show
        }
        out.printf("  mode=auto under each optimiser of rein train (--optimiser NAME), and why:%n");
        for (OptimiserChoice choice : OptimiserChoice.values()) {
            String what;
            try {
                List<String> lines = new RegularizedOptimiser(choice.create(choice.defaultLearningRate(), 1), spec, 1)
                        .describe();
                String line = lines.get(0);
                what = line.substring(line.indexOf("chose ") + "chose ".length());
            } catch (IllegalArgumentException e) {
                what = "refused: " + ReinMessage.tagOf(e).map(t -> "[" + t + "]").orElse(e.getMessage());
            }
            out.printf("    %-17s %s%n", choice.cliName(), what);
        }
    }
}
