package dev.rein.samples.cli;

import dev.rein.runtime.check.CheckReport;
import dev.rein.runtime.check.PluginChecker;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.registry.RegisteredRegularizer;
import dev.rein.samples.train.UserInputException;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rein check NAME}: runs the plugin checker (gradient against central finite differences at many points,
 * proximal operator against its optimality condition, defaults within bounds, constraints idempotent), prints
 * each result and exits with 1 if any check failed. Each check gets {@code --time-limit} seconds (10 by default): a
 * plugin that never returns fails that check, and the checks after it are not started. The same checks are a Java API
 * ({@link PluginChecker}) for an author's JUnit tests.
 *
 * <pre>{@code
 * $ rein check cauchy --plugins ./plugins
 * PASS  defaults within bounds
 * PASS  gradient matches finite differences at 41 points
 * ...
 * }</pre>
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a regularizer: gradient, proximal operator, defaults.")
final class CheckCommand extends RegistryCommand {
    @Parameters(paramLabel = "NAME", description = "The regularizer's name or alias.")
    String name;

    @Option(names = "--time-limit", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long each check may take before the plugin is reported as not returning (default"
                    + " ${DEFAULT-VALUE}).")
    double timeLimitSeconds;

    @Override
    int run(PluginRegistry registry, PrintWriter out) {
        if (!(timeLimitSeconds > 0) || timeLimitSeconds > 86_400) {
            throw new UserInputException("--time-limit is " + timeLimitSeconds + "; give the seconds each check may"
                    + " take, more than 0 and at most 86400, e.g. --time-limit 30.");
        }
        RegisteredRegularizer r = Lookup.require(registry, name);
        out.printf("Checking %s (%s, %s)%n", r.name(), r.descriptor().kind().displayName(), r.source().describe());
        out.flush();
        CheckReport report = new PluginChecker(PluginChecker.DEFAULT_SEED,
                Duration.ofMillis(Math.round(timeLimitSeconds * 1000))).check(r);
        out.println(report.format());
        out.printf("%s: %s%n", r.name(), report.passed() ? "all checks passed" : "CHECKS FAILED");
        return report.passed() ? 0 : 1;
    }
}
