package dev.rein.runtime.check;

import java.util.Objects;

/**
 * The outcome of one check of a plugin. Each of Rein's checks has a stable {@link #tag()}, which a failed line of a
 * report starts with ({@code docs/messages.md} lists them):
 *
 * <pre>{@code
 * CheckResult.pass("gradient matches finite differences", "39 points");
 * // PASS  gradient matches finite differences: 39 points
 * CheckResult failed = CheckResult.fail("gradient matches finite differences",
 *         "wrong at 38 of 39 points; first at w = 1.0E-6: gradient(w) = 2.00000e-06 but finite differences give 1.00000e-06");
 * failed.tag();   // "check-gradient"
 * // FAIL  [check-gradient] gradient matches finite differences: wrong at 38 of 39 points; ...
 * }</pre>
 *
 * @param name   what was checked, e.g. {@code "gradient matches finite differences"}
 * @param passed whether it held
 * @param detail on a pass what was covered, on a failure where and how it failed (the point, expected, actual)
 */
public record CheckResult(String name, boolean passed, String detail) {
    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }

    public static CheckResult pass(String name, String detail) {
        return new CheckResult(name, true, detail);
    }

    public static CheckResult fail(String name, String detail) {
        return new CheckResult(name, false, detail);
    }

    /**
     * The check's tag, e.g. {@code "check-gradient"}: {@code check-setup} for a kind's checks that could not be set
     * up ({@code "penalty checks"}), {@code check-other} for a name that is none of Rein's checks.
     */
    public String tag() {
        return CheckMessages.tagOf(name);
    }

    /** {@code "PASS  name: detail"} or {@code "FAIL  [tag] name: detail"}. */
    @Override
    public String toString() {
        return (passed ? "PASS  " : "FAIL  [" + tag() + "] ") + name + (detail.isEmpty() ? "" : ": " + detail);
    }
}
