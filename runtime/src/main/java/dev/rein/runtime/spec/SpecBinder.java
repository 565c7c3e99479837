package dev.rein.runtime.spec;

import dev.rein.api.hook.BlockPenalty;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.Kind;
import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.SpecNames;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.registry.RegisteredRegularizer;
import dev.rein.runtime.registry.RegularizerCatalog;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Binds a parsed {@link Spec} to plugins: looks every name up in a {@link RegularizerCatalog}, parses and checks
 * every value against the plugin's {@link ParamDescriptor}, fills in defaults, reads Rein's own options and
 * builds the hooks.
 *
 * <pre>{@code
 * Regularization r = SpecBinder.bind("ridge(lambda=0.1) + max_norm(c=3, on=all)", catalog);
 * r.toSpec();   // "l2(lambda=0.1) + max_norm(c=3.0, on=all)": canonical names, every parameter
 * SpecBinder.bind("l3", catalog);
 * // SpecException: [spec-unknown-regularizer] Spec error at column 1: unknown regularizer 'l3'; did you mean l1,
 * //               l2? (rein list shows all)
 * }</pre>
 *
 * <p>The options Rein reads itself, next to a plugin's parameters:
 * <ul>
 *   <li>{@code on=weights|all} ({@link Target}), on penalties, block penalties and constraints;</li>
 *   <li>{@code mode=auto|coupled|decoupled|proximal|cumulative} ({@link PenaltyMode}), on penalties and block
 *       penalties;
 *       {@code proximal} only when the plugin has a proximal operator;</li>
 *   <li>{@code after=<text>}, on activation and normalization layers: where the layer sits in a network.</li>
 * </ul>
 *
 * <p>Every problem is a {@link SpecException} with the column it is at. Beyond what each plugin's parameters
 * accept, a regularizer may appear once in a spec ({@code l1 + l1}, or {@code l2 + ridge}, is refused: merge the
 * terms), and a numeric value may not be infinite ({@code lambda=1e999}) unless the plugin declares infinity as a
 * bound ({@link ParamDescriptor#allowsInfinity}).
 */
public final class SpecBinder {
    private static final Set<Kind> TARGETED = EnumSet.of(Kind.PENALTY, Kind.BLOCK_PENALTY, Kind.CONSTRAINT);
    private static final Set<Kind> MODED = EnumSet.of(Kind.PENALTY, Kind.BLOCK_PENALTY);
    private static final Set<Kind> LAYERS = EnumSet.of(Kind.ACTIVATION, Kind.NORMALIZATION);

    private final Spec spec;
    private final RegularizerCatalog catalog;

    private SpecBinder(Spec spec, RegularizerCatalog catalog) {
        this.spec = spec;
        this.catalog = catalog;
    }

    /** Parses {@code text} and binds it; see {@link #bind(Spec, RegularizerCatalog)}. */
    public static Regularization bind(String text, RegularizerCatalog catalog) {
        return bind(SpecParser.parse(text), catalog);
    }

    /**
     * Binds every term of {@code spec}, in order.
     *
     * @throws SpecException for an unknown name, parameter or option, a bad or missing value, or a plugin that
     *                       fails to build
     */
    public static Regularization bind(Spec spec, RegularizerCatalog catalog) {
        if (spec.isEmpty()) {
            return Regularization.none();
        }
        SpecBinder binder = new SpecBinder(spec, catalog);
        List<BoundTerm> bound = new ArrayList<>();
        List<SpecTerm> canonical = new ArrayList<>();
        Map<String, SpecTerm> firstOfName = new LinkedHashMap<>();
        for (SpecTerm term : spec.terms()) {
            BoundTerm b = binder.bindTerm(term);
            SpecTerm first = firstOfName.putIfAbsent(b.name(), term);
            if (first != null) {
                throw binder.error(term.column(), SpecMessages.repeatedTerm(b.name(), term.name(), first.name(),
                        first.column()));
            }
            bound.add(b);
            canonical.add(canonicalTerm(b));
        }
        return new Regularization(new Spec("", canonical).toString(), bound);
    }

    private BoundTerm bindTerm(SpecTerm term) {
        RegisteredRegularizer plugin = catalog.find(term.name()).orElseThrow(() -> error(term.column(),
                SpecMessages.unknownRegularizer(term.name(), Suggestions.didYouMean(term.name(), catalog.names()))));
        RegularizerDescriptor descriptor = plugin.descriptor();
        Map<String, Object> given = new LinkedHashMap<>();
        Target target = Target.WEIGHTS;
        PenaltyMode mode = PenaltyMode.AUTO;
        SpecArgument modeArgument = null;
        Optional<String> after = Optional.empty();
        for (SpecArgument a : term.arguments()) {
            switch (a.key()) {
                case SpecNames.ON -> {
                    checkOptionApplies(a, descriptor, TARGETED, "penalty, block_penalty and constraint");
                    target = option(a, descriptor, Target.class);
                }
                case SpecNames.MODE -> {
                    checkOptionApplies(a, descriptor, MODED, "penalty and block_penalty");
                    mode = option(a, descriptor, PenaltyMode.class);
                    modeArgument = a;
                }
                case SpecNames.AFTER -> {
                    checkOptionApplies(a, descriptor, LAYERS, "activation and normalization");
                    after = Optional.of(a.value());
                }
                default -> given.put(a.key(), parameter(a, descriptor));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamDescriptor p : descriptor.params()) {
            if (given.containsKey(p.name())) {
                values.put(p.name(), given.get(p.name()));
            } else if (p.defaultValue().isPresent()) {
                values.put(p.name(), p.parse(p.defaultValue().get()));
            } else {
                throw error(term.column(), SpecMessages.missingParameter(p.name(), descriptor.name(),
                        p.validRange()));
            }
        }
        Arguments arguments = Arguments.of(values);
        Object hook = build(term, plugin, arguments);
        if (mode == PenaltyMode.PROXIMAL && !hasProximal(hook)) {
            throw error(modeArgument.valueColumn(), SpecMessages.proximalWithoutProx(descriptor.name()));
        }
        try {
            return new BoundTerm(plugin, arguments, hook, target, mode, after);
        } catch (IllegalArgumentException e) {
            // BoundTerm's one complaint, a hook of the wrong type, is already a tagged message
            throw new SpecException(spec.text(), term.column(), ReinMessage.parse(e.getMessage()).orElseThrow(() -> e),
                    e);
        }
    }

    private Object parameter(SpecArgument a, RegularizerDescriptor descriptor) {
        ParamDescriptor p = descriptor.param(a.key()).orElseThrow(() -> error(a.keyColumn(),
                SpecMessages.unknownParameter(descriptor.name(), a.key(),
                        Suggestions.didYouMean(a.key(), validKeys(descriptor)), validKeys(descriptor))));
        Object value;
        try {
            value = p.parse(a.value());
        } catch (IllegalArgumentException e) {
            throw error(a.valueColumn(), SpecMessages.invalidValue(descriptor.name(), e.getMessage()));
        }
        if (value instanceof Double d && Double.isInfinite(d) && !p.allowsInfinity(d)) {
            throw error(a.valueColumn(), SpecMessages.infiniteValue(descriptor.name(), p.name(), a.value(),
                    p.validRange()));
        }
        return value;
    }

    private void checkOptionApplies(SpecArgument a, RegularizerDescriptor descriptor, Set<Kind> kinds,
            String kindsInWords) {
        if (!kinds.contains(descriptor.kind())) {
            throw error(a.keyColumn(), SpecMessages.optionNotApplicable(a.key(), descriptor.name(),
                    descriptor.kind().displayName(), kindsInWords, validKeys(descriptor)));
        }
    }

    private <E extends Enum<E>> E option(SpecArgument a, RegularizerDescriptor descriptor, Class<E> type) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(a.value())) {
                return constant;
            }
        }
        String valid = EnumSet.allOf(type).stream().map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw error(a.valueColumn(), SpecMessages.invalidOption(descriptor.name(), a.value(), a.key(), valid));
    }

    private Object build(SpecTerm term, RegisteredRegularizer plugin, Arguments arguments) {
        try {
            return plugin.provider().create(arguments);
        } catch (RuntimeException | LinkageError e) {
            throw new SpecException(spec.text(), term.column(), SpecMessages.pluginFailed(plugin.name(),
                    plugin.source().describe(), arguments, e), e);
        }
    }

    private static boolean hasProximal(Object hook) {
        return hook instanceof ElementwisePenalty p ? p.hasProximal()
                : hook instanceof BlockPenalty b && b.hasProximal();
    }

    /** Every key a term of this plugin may use: its parameters, then the options its kind takes. */
    static List<String> validKeys(RegularizerDescriptor descriptor) {
        List<String> keys = new ArrayList<>();
        descriptor.params().forEach(p -> keys.add(p.name()));
        Kind kind = descriptor.kind();
        if (TARGETED.contains(kind)) {
            keys.add(SpecNames.ON);
        }
        if (MODED.contains(kind)) {
            keys.add(SpecNames.MODE);
        }
        if (LAYERS.contains(kind)) {
            keys.add(SpecNames.AFTER);
        }
        return keys;
    }

    /** The term as canonical text writes it: the plugin's own name, every parameter, non-default options. */
    /**
     * One bound term as canonical spec text, every parameter written out: binding it again gives the same term.
     *
     * <pre>{@code
     * SpecBinder.canonicalText(term);   // "dropout(p=0.2, after=1)"
     * }</pre>
     */
    public static String canonicalText(BoundTerm bound) {
        return new Spec("", List.of(canonicalTerm(bound))).toString();
    }

    static SpecTerm canonicalTerm(BoundTerm bound) {
        RegularizerDescriptor descriptor = bound.plugin().descriptor();
        List<SpecArgument> arguments = new ArrayList<>();
        for (ParamDescriptor p : descriptor.params()) {
            arguments.add(SpecArgument.of(p.name(), canonicalValue(p, bound.arguments().asMap().get(p.name()))));
        }
        if (bound.target() != Target.WEIGHTS) {
            arguments.add(SpecArgument.of(SpecNames.ON, bound.target().specName()));
        }
        if (bound.mode() != PenaltyMode.AUTO) {
            arguments.add(SpecArgument.of(SpecNames.MODE, bound.mode().specName()));
        }
        bound.after().ifPresent(a -> arguments.add(SpecArgument.of(SpecNames.AFTER, a)));
        return new SpecTerm(descriptor.name(), arguments, 0);
    }

    private static String canonicalValue(ParamDescriptor p, Object value) {
        return switch (p.type()) {
            case ENUM -> ((String) value).toLowerCase(Locale.ROOT);
            default -> String.valueOf(value);
        };
    }

    private SpecException error(int column, ReinMessage problem) {
        return new SpecException(spec.text(), column, problem);
    }
}
