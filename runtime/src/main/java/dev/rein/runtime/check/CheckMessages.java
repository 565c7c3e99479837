package dev.rein.runtime.check;

import dev.rein.runtime.ReinMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The checks {@code rein check} runs, each named and tagged in one place: a check's tag ({@code check-...},
 * listed in {@code docs/messages.md}) is what a failed line of a report starts with, and what a test asserts; its
 * name is the words after it. What a check found (a point, expected and actual values) is measured where the check
 * runs and stays there.
 *
 * <pre>{@code
 * CheckMessages.GRADIENT.tag();    // "check-gradient"
 * CheckMessages.GRADIENT.text();   // "gradient matches finite differences"
 * // in a report: FAIL  [check-gradient] gradient matches finite differences: wrong at 38 of 39 points; ...
 * CheckMessages.failed(report);
 * // [check-failed] l2: 6 checks, 1 failed
 * // PASS  descriptor: l2, a penalty ...
 * }</pre>
 */
final class CheckMessages {
    // --- every kind (PluginChecker) ---
    static final ReinMessage DESCRIPTOR = ReinMessage.of("check-descriptor", "descriptor");
    static final ReinMessage PARAMETERS = ReinMessage.of("check-parameters", "parameters");
    static final ReinMessage CREATE = ReinMessage.of("check-create", "create");

    // --- element-wise penalties ---
    static final ReinMessage FINITE = ReinMessage.of("check-finite", "value is finite");
    static final ReinMessage GRADIENT = ReinMessage.of("check-gradient", "gradient matches finite differences");
    static final ReinMessage PROX_OPTIMALITY = ReinMessage.of("check-prox-optimality",
            "proximal satisfies (w - x)/step in [R'(x-), R'(x+)]");
    static final ReinMessage PROX_MINIMUM = ReinMessage.of("check-prox-minimum",
            "proximal minimises (z - w)^2/(2 step) + R(z) locally");
    static final ReinMessage ARRAYS = ReinMessage.of("check-arrays", "array methods agree with scalar ones");
    static final ReinMessage CLOSED_FORM = ReinMessage.of("check-closed-form",
            "declared closed form agrees with value, gradient and proximal");

    // --- block penalties and constraints ---
    static final ReinMessage BLOCK_GRADIENT = ReinMessage.of("check-block-gradient",
            "block gradient matches finite differences");
    static final ReinMessage BLOCK_PROX = ReinMessage.of("check-block-prox",
            "block proximal satisfies its optimality condition");
    static final ReinMessage IDEMPOTENT = ReinMessage.of("check-projection-idempotent",
            "projection is idempotent and leaves feasible blocks untouched");
    static final ReinMessage DETERMINISTIC = ReinMessage.of("check-projection-deterministic",
            "projection is finite and deterministic");

    // --- layers ---
    static final ReinMessage ACTIVATION_EVAL = ReinMessage.of("check-activation-eval",
            "EVAL backward matches finite differences of forward");
    static final ReinMessage ACTIVATION_TRAIN = ReinMessage.of("check-activation-train",
            "TRAIN backward matches finite differences of forward (same seed)");
    static final ReinMessage ACTIVATION_SEEDED = ReinMessage.of("check-activation-seeded",
            "TRAIN forward depends only on the given random generator");
    static final ReinMessage NORMALIZATION_ARRAYS = ReinMessage.of("check-normalization-arrays",
            "learned parameters and gradients match by name and length");
    static final ReinMessage NORMALIZATION_INPUT = ReinMessage.of("check-normalization-input",
            "TRAIN input gradient matches finite differences");
    static final ReinMessage NORMALIZATION_LEARNED = ReinMessage.of("check-normalization-learned",
            "TRAIN learned-parameter gradients match finite differences");

    // --- stopping rules ---
    static final ReinMessage METRIC = ReinMessage.of("check-metric", "metric() names a metric");
    static final ReinMessage IMPROVING = ReinMessage.of("check-improving",
            "never stops while the metric strictly improves");

    private static final Map<String, String> TAG_BY_NAME = List.of(DESCRIPTOR, PARAMETERS, CREATE, FINITE,
            GRADIENT, PROX_OPTIMALITY, PROX_MINIMUM, ARRAYS, CLOSED_FORM, BLOCK_GRADIENT, BLOCK_PROX, IDEMPOTENT,
            DETERMINISTIC, ACTIVATION_EVAL, ACTIVATION_TRAIN, ACTIVATION_SEEDED, NORMALIZATION_ARRAYS,
            NORMALIZATION_INPUT, NORMALIZATION_LEARNED, METRIC, IMPROVING).stream()
            .collect(Collectors.toUnmodifiableMap(ReinMessage::text, ReinMessage::tag));
    /** The setup of a kind's checks, named after the kind, e.g. {@code "penalty checks"}. */
    private static final ReinMessage SETUP = ReinMessage.of("check-setup", " checks");
    /** A result with a name that is none of Rein's checks, built outside this package. */
    private static final ReinMessage OTHER = ReinMessage.of("check-other", "another check");

    private CheckMessages() {
    }

    /**
     * The check that could not even be set up for a kind, e.g. {@code "penalty checks"}: the plugin threw while
     * Rein prepared its checks.
     */
    static ReinMessage setup(String kind) {
        return ReinMessage.of(SETUP.tag(), kind + SETUP.text());
    }

    /** The detail of a check that ran out of time. */
    static String timedOut(Duration limit) {
        return "did not return within " + seconds(limit) + "; the plugin may loop forever (its thread is left"
                + " running). Look for a loop that never ends at the values the other checks name, or give"
                + " a longer time limit if it is only slow";
    }

    /** The detail of a check not started because {@code stuckCheck} ran out of time before it. */
    static String notStarted(String stuckCheck) {
        return "not started: the plugin did not return from '" + stuckCheck + "'";
    }

    /** The detail of a check whose wait was interrupted. */
    static String interrupted() {
        return "interrupted while waiting for the plugin";
    }

    static ReinMessage timeLimitNotPositive(Duration limit) {
        return ReinMessage.of("check-time-limit", "the time limit of each check is " + limit + "; give a positive"
                + " duration, e.g. Duration.ofSeconds(10)");
    }

    private static String seconds(Duration limit) {
        long millis = limit.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
    }

    /** What {@link PluginChecker#assertPasses} throws: the whole report, after the tag. */
    static ReinMessage failed(CheckReport report) {
        return ReinMessage.of("check-failed", report.toString());
    }

    /** The tag of the check called {@code name}; {@code check-other} for a name that is none of Rein's. */
    static String tagOf(String name) {
        String tag = TAG_BY_NAME.get(name);
        if (tag != null) {
            return tag;
        }
        return name.endsWith(SETUP.text()) ? SETUP.tag() : OTHER.tag();
    }
}
