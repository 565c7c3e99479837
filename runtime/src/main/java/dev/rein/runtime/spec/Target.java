package dev.rein.runtime.spec;

import dev.rein.api.hook.Role;
import java.util.Locale;

/**
 * Which parameters a penalty or constraint touches: the spec key {@code on}.
 *
 * <pre>{@code
 * l2(lambda=1e-4)            // on=weights: weights and factors, never biases
 * l2(lambda=1e-4, on=all)    // every parameter, biases included
 * }</pre>
 */
public enum Target {
    /** Blocks whose {@link Role#regularizedByDefault()} is true: weights and factors. The default. */
    WEIGHTS,
    /** Every block, biases and normalization parameters included. */
    ALL;

    /** Whether a block of role {@code role} is touched. */
    public boolean covers(Role role) {
        return this == ALL || role.regularizedByDefault();
    }

    /** The spelling in a spec. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
