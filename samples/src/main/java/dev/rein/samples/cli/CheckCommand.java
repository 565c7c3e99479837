package dev.rein.samples.cli;

import dev.rein.runtime.check.CheckReport;
import dev.rein.runtime.check.PluginChecker;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.registry.RegisteredRegularizer;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rein check NAME}: runs the plugin checker (gradient against central finite differences at many points,
 * proximal operator against its optimality condition, defaults within bounds, constraints idempotent), prints
 * each result and exits with 1 if any check failed. The same checks are a Java API
 * ({@link PluginChecker}) for an author's JUnit tests.
 *
 * <pre>{@code
 * $ rein check cauchy --plugins ./plugins
 * PASS  defaults within bounds
 * PASS  gradient matches finite differences at 41 points
 * ...
 * }</pre>
 */
@Command(name = "check", description = "Check a regularizer: gradient, proximal operator, defaults.")
final class CheckCommand extends RegistryCommand {
    @Parameters(paramLabel = "NAME", description = "The regularizer's name or alias.")
    String name;

    @Override
    int run(PluginRegistry registry, PrintWriter out) {
        RegisteredRegularizer r = Lookup.require(registry, name);
        out.printf("Checking %s (%s, %s)%n", r.name(), r.descriptor().kind().displayName(), r.source().describe());
        CheckReport report = new PluginChecker().check(r);
        out.println(report.format());
        out.printf("%s: %s%n", r.name(), report.passed() ? "all checks passed" : "CHECKS FAILED");
        return report.passed() ? 0 : 1;
    }
}
