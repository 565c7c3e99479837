package dev.rein.runtime.check;

import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.BlockPenalty;
import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.hook.Normalization;
import dev.rein.api.hook.StoppingRule;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.RegularizerProvider;
import dev.rein.api.spi.SpecNames;
import dev.rein.runtime.registry.RegisteredRegularizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Checks a regularizer plugin numerically: what {@code rein check} runs, and what a plugin author calls from a
 * JUnit test.
 *
 * <pre>{@code
 * @Test
 * void cauchyIsCorrect() {
 *     PluginChecker.assertPasses(new CauchyProvider());   // AssertionError with the report if a check fails
 * }
 *
 * CheckReport report = new PluginChecker().check(provider, Map.of("lambda", "0.5"));  // a stronger penalty
 * System.out.println(report);
 * }</pre>
 *
 * <p>What is checked, by kind:
 * <ul>
 *   <li>every kind: the descriptor (name, no reserved parameter names), every default parses within its bounds;
 *       a required parameter gets a sample value inside its bounds, or an override; the provider builds an
 *       instance of its kind's hook;</li>
 *   <li>penalty: the value is finite; the gradient agrees with central finite differences at 0, near 0
 *       ({@code ±1e-6, ±1e-3}), moderate ({@code ±0.1, ±1, ±3}) and large ({@code ±1e3, ±1e6}) weights and at
 *       seeded random ones (any subgradient at a kink); the proximal operator, if any, satisfies
 *       {@code (w - x)/step ∈ [R'(x-), R'(x+)]} and minimises {@code (z - w)²/(2·step) + R(z)} locally, at steps
 *       {@code 1e-3, 0.1, 1}; the array methods agree with the scalar ones; a declared closed form
 *       ({@code @ClosedForm}, {@code λ₁|w| + (λ₂/2)w²}) agrees with the value, gradient and proximal operator at
 *       every one of those points, the large ones included;</li>
 *   <li>block penalty: the gradient against finite differences on a random block; the proximal operator's
 *       optimality condition, coordinate by coordinate;</li>
 *   <li>constraint: the projection is deterministic and idempotent on random blocks of several shapes;</li>
 *   <li>activation: backward against finite differences of forward, in EVAL and in TRAIN mode (every forward with
 *       a fresh generator of the same seed);</li>
 *   <li>normalization: learned parameters and gradients match by name and length; input and parameter gradients
 *       against finite differences in TRAIN mode;</li>
 *   <li>stopping rule: a metric name; never stops while the metric strictly improves.</li>
 * </ul>
 *
 * <p>Checks run with the default parameter values unless overridden; a penalty whose default coefficient is
 * {@code 0} passes trivially, so give such a plugin an override. Each check (reading the descriptor and building
 * the hook included) runs on a thread of its own and gets {@link #DEFAULT_TIME_LIMIT} (or the limit given): a
 * plugin that never returns fails that check instead of hanging the caller. A checker is immutable and
 * thread-safe.
 */
public final class PluginChecker {
    static final String DESCRIPTOR = CheckMessages.DESCRIPTOR.text();
    static final String PARAMETERS = CheckMessages.PARAMETERS.text();
    static final String CREATE = CheckMessages.CREATE.text();

    /** How long each check may take by default before the plugin is reported as not returning. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

    /** The seed of {@link #PluginChecker()}. */
    public static final long DEFAULT_SEED = 20240611L;

    private final long seed;
    private final Duration timeLimit;

    /** A checker with a fixed default seed: the same plugin always gets the same report. */
    public PluginChecker() {
        this(DEFAULT_SEED);
    }

    /** A checker whose random test points and blocks come from {@code seed}. */
    public PluginChecker(long seed) {
        this(seed, DEFAULT_TIME_LIMIT);
    }

    /**
     * A checker whose checks each get {@code timeLimit}: a plugin that does not return within it (an endless loop)
     * fails that check, and the checks after it are reported as not started.
     *
     * <pre>{@code
     * new PluginChecker(1L, Duration.ofSeconds(2)).check(provider);
     * // FAIL  [check-gradient] gradient matches finite differences: did not return within 2 s; ...
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code timeLimit} is not positive
     */
    public PluginChecker(long seed, Duration timeLimit) {
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException(CheckMessages.timeLimitNotPositive(timeLimit).toString());
        }
        this.seed = seed;
        this.timeLimit = timeLimit;
    }

    /**
     * Checks {@code provider} with default and sample values; fails with the formatted report, tagged
     * {@code check-failed}, if a check fails.
     */
    public static void assertPasses(RegularizerProvider provider) {
        assertPasses(provider, Map.of());
    }

    /** As {@link #assertPasses(RegularizerProvider)}, with some parameter values given as spec text. */
    public static void assertPasses(RegularizerProvider provider, Map<String, String> argumentOverrides) {
        CheckReport report = new PluginChecker().check(provider, argumentOverrides);
        if (!report.passed()) {
            throw new AssertionError(CheckMessages.failed(report).toString());
        }
    }

    /** Checks a registered plugin; the report's subject names where it came from. */
    public CheckReport check(RegisteredRegularizer plugin) {
        return check(plugin.name() + " (" + plugin.source().describe() + ")", plugin.provider(), Map.of());
    }

    /** Checks {@code provider} with default values, and sample values for required parameters. */
    public CheckReport check(RegularizerProvider provider) {
        return check(provider, Map.of());
    }

    /**
     * Checks {@code provider} with {@code argumentOverrides} (parameter name to value as written in a spec, e.g.
     * {@code Map.of("lambda", "0.5")}) in place of defaults and samples.
     */
    public CheckReport check(RegularizerProvider provider, Map<String, String> argumentOverrides) {
        Objects.requireNonNull(provider, "provider");
        return check(null, provider, argumentOverrides);
    }

    /** {@code subject} null: the descriptor's name, or the provider's class when the descriptor cannot be read. */
    private CheckReport check(String subject, RegularizerProvider provider, Map<String, String> overrides) {
        List<CheckResult> results = new ArrayList<>();
        CheckRun run = new CheckRun(timeLimit);
        RegularizerDescriptor[] read = new RegularizerDescriptor[1];
        CheckResult descriptorResult = run.guard(DESCRIPTOR, () -> {
            read[0] = Objects.requireNonNull(provider.descriptor(), "descriptor() returned null");
            return descriptor(read[0]);
        });
        results.add(descriptorResult);
        if (read[0] == null || run.stuck()) {   // a stuck descriptor() may still return later, on its own thread
            return new CheckReport(subject != null ? subject : provider.getClass().getName(), results);
        }
        RegularizerDescriptor descriptor = read[0];
        if (subject == null) {
            subject = descriptor.name();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        CheckResult parameters = parameters(descriptor, overrides, values);
        results.add(parameters);
        if (!parameters.passed()) {
            return new CheckReport(subject, results);
        }
        Object[] built = new Object[1];
        Class<?> hookType = descriptor.kind().hookType();
        CheckResult created = run.guard(CREATE, () -> {
            Object hook;
            try {
                hook = provider.create(Arguments.of(values));
            } catch (RuntimeException | LinkageError e) {
                return CheckResult.fail(CREATE, "create" + values + " " + threw(e));
            }
            if (!hookType.isInstance(hook)) {
                return CheckResult.fail(CREATE, "create" + values + " returned "
                        + (hook == null ? "null" : "a " + hook.getClass().getName()) + ", which is not a "
                        + hookType.getSimpleName() + " as kind " + descriptor.kind().displayName() + " requires");
            }
            built[0] = hook;
            return CheckResult.pass(CREATE, "a " + hook.getClass().getName());
        });
        results.add(created);
        if (!created.passed()) {
            return new CheckReport(subject, results);
        }
        Object hook = built[0];
        try {
            results.addAll(kindChecks(hook, run));
        } catch (RuntimeException | LinkageError e) {
            // Each check guards itself; this catches what a plugin throws while a check is being set up.
            results.add(CheckResult.fail(CheckMessages.setup(descriptor.kind().displayName()).text(), threw(e)));
        }
        return new CheckReport(subject, results);
    }

    private List<CheckResult> kindChecks(Object hook, CheckRun run) {
        if (hook instanceof ElementwisePenalty p) {
            return new ElementwisePenaltyChecks(p, seed, run).run();
        }
        if (hook instanceof BlockPenalty b) {
            return new BlockPenaltyChecks(b, seed, run).run();
        }
        if (hook instanceof Constraint c) {
            return new ConstraintChecks(c, seed, run).run();
        }
        if (hook instanceof ActivationRegularizer a) {
            return new LayerChecks(seed, run).activation(a);
        }
        if (hook instanceof Normalization n) {
            return new LayerChecks(seed, run).normalization(n);
        }
        return new StoppingRuleChecks((StoppingRule) hook, run).run();
    }

    private static CheckResult descriptor(RegularizerDescriptor d) {
        List<String> problems = new ArrayList<>();
        if (!SpecNames.isValidName(d.name())) {
            problems.add("name '" + d.name() + "' is not lower_snake_case");
        }
        for (String alias : d.aliases()) {
            if (!SpecNames.isValidName(alias)) {
                problems.add("alias '" + alias + "' is not lower_snake_case");
            }
        }
        for (ParamDescriptor p : d.params()) {
            if (SpecNames.isReservedKey(p.name())) {
                problems.add("parameter '" + p.name() + "' uses a key Rein reserves ("
                        + String.join(", ", SpecNames.RESERVED_KEYS) + ")");
            } else if (!SpecNames.isValidName(p.name())) {
                problems.add("parameter '" + p.name() + "' is not lower_snake_case");
            }
        }
        return problems.isEmpty() ? CheckResult.pass(DESCRIPTOR, d.name() + ", a " + d.kind().displayName())
                : CheckResult.fail(DESCRIPTOR, String.join("; ", problems));
    }

    /** Fills {@code values} with every parameter: override, else default, else a sample inside the bounds. */
    private static CheckResult parameters(RegularizerDescriptor d, Map<String, String> overrides,
            Map<String, Object> values) {
        for (String key : overrides.keySet()) {
            if (d.param(key).isEmpty()) {
                return CheckResult.fail(PARAMETERS, "override '" + key + "' is not a parameter of " + d.name()
                        + "; it takes " + d.params().stream().map(ParamDescriptor::name).toList());
            }
        }
        List<String> used = new ArrayList<>();
        for (ParamDescriptor p : d.params()) {
            String text;
            String origin;
            if (overrides.containsKey(p.name())) {
                text = overrides.get(p.name());
                origin = "override";
            } else if (p.defaultValue().isPresent()) {
                text = p.defaultValue().get();
                origin = "default";
            } else {
                text = SampleValues.sample(p);
                origin = "sample: required, no default";
            }
            try {
                values.put(p.name(), p.parse(text));
            } catch (IllegalArgumentException e) {
                return CheckResult.fail(PARAMETERS, "the " + origin + " of " + p.name() + " is invalid: "
                        + e.getMessage());
            }
            used.add(p.name() + " = " + text + " (" + origin + ")");
        }
        return CheckResult.pass(PARAMETERS, used.isEmpty() ? "none" : String.join(", ", used));
    }

    /** Runs one check; an exception thrown by the plugin fails the check instead of escaping. */
    static CheckResult guard(String name, Supplier<CheckResult> check) {
        try {
            return check.get();
        } catch (RuntimeException | LinkageError | StackOverflowError e) {
            return CheckResult.fail(name, threw(e));
        }
    }

    private static String threw(Throwable e) {
        return "threw " + e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
