package dev.rein.runtime.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link PluginChecker} found about one regularizer: a list of {@link CheckResult}s, in the order run.
 *
 * <pre>{@code
 * CheckReport report = new PluginChecker().check(provider);
 * report.passed();                  // true when every check passed
 * System.out.println(report.summary() + "\n" + report.format());
 * // l1: 8 checks, all passed
 * // PASS  descriptor: l1, a penalty
 * // PASS  parameters: lambda = 1e-4 (default)
 * // ...
 * // PASS  gradient matches finite differences: 39 points (1 at a kink, where any subgradient is accepted)
 * report.failures().stream().map(CheckResult::tag).toList();   // e.g. [check-prox-optimality]; [] when passed
 * }</pre>
 *
 * @param subject the regularizer checked, e.g. {@code "l1"} or {@code "l1 (built-in)"}
 * @param results every check, in the order run
 */
public record CheckReport(String subject, List<CheckResult> results) {
    public CheckReport {
        Objects.requireNonNull(subject, "subject");
        results = List.copyOf(results);
    }

    /** Whether every check passed. */
    public boolean passed() {
        return results.stream().allMatch(CheckResult::passed);
    }

    /** The checks that failed. */
    public List<CheckResult> failures() {
        return results.stream().filter(r -> !r.passed()).toList();
    }

    /**
     * The result of the check called or tagged {@code nameOrTag}, if it ran:
     * {@code report.result("check-gradient")} is {@code report.result("gradient matches finite differences")}.
     */
    public Optional<CheckResult> result(String nameOrTag) {
        return results.stream().filter(r -> r.name().equals(nameOrTag) || r.tag().equals(nameOrTag)).findFirst();
    }

    /** {@code "l1: 6 checks, all passed"} or {@code "l1: 6 checks, 2 failed"}. */
    public String summary() {
        int failed = failures().size();
        return subject + ": " + results.size() + " checks, " + (failed == 0 ? "all passed" : failed + " failed");
    }

    /** One line per check: {@code PASS} or {@code FAIL} (with the check's tag), its name and its detail. */
    public String format() {
        return results.stream().map(CheckResult::toString).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return summary() + "\n" + format();
    }
}
