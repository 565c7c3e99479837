package dev.rein.runtime.spec;

import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.registry.RegisteredRegularizer;
import java.util.Objects;
import java.util.Optional;

/**
 * One term of a spec, bound to its plugin: the built hook instance, the checked arguments and Rein's own options.
 *
 * @param plugin    the registry entry the term's name resolved to
 * @param arguments every parameter, defaults filled in
 * @param hook      {@code plugin.provider().create(arguments)}, an instance of {@code kind().hookType()}
 * @param target    the {@code on} option
 * @param mode      the {@code mode} option
 * @param after     the {@code after} option (where a layer plugin sits in a network), empty when not given
 */
public record BoundTerm(RegisteredRegularizer plugin, Arguments arguments, Object hook, Target target,
        PenaltyMode mode, Optional<String> after) {
    public BoundTerm {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(after, "after");
        if (!plugin.descriptor().kind().hookType().isInstance(hook)) {
            throw new IllegalArgumentException(SpecMessages.wrongHook(plugin.name(), plugin.source(),
                    plugin.descriptor().kind().displayName(), hook, plugin.descriptor().kind().hookType()).toString());
        }
    }

    public String name() {
        return plugin.name();
    }

    public Kind kind() {
        return plugin.descriptor().kind();
    }

    /**
     * The same term with a hook built afresh from its plugin and arguments: what one training run uses, so that a
     * hook that keeps state (a constraint that counts its calls, a stopping rule's patience) never sees two runs.
     */
    public BoundTerm forRun() {
        return new BoundTerm(plugin, arguments, plugin.provider().create(arguments), target, mode, after);
    }

    /** The hook as the type its kind promises, e.g. {@code term.hook(ElementwisePenalty.class)}. */
    public <T> T hook(Class<T> type) {
        return type.cast(hook);
    }
}
