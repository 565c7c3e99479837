package dev.rein.runtime.check;

import java.util.Objects;

/**
 * The outcome of one check of a plugin.
 *
 * <pre>{@code
 * CheckResult.pass("gradient matches finite differences", "39 points");
 * CheckResult.fail("gradient matches finite differences",
 *         "wrong at 38 of 39 points; first at w = 1.0E-6: gradient(w) = 2.00000e-06 but finite differences give 1.00000e-06");
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

    /** {@code "PASS  name: detail"} or {@code "FAIL  name: detail"}. */
    @Override
    public String toString() {
        return (passed ? "PASS" : "FAIL") + "  " + name + (detail.isEmpty() ? "" : ": " + detail);
    }
}
