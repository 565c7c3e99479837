package dev.rein.api.spi;

import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.BlockPenalty;
import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.hook.Normalization;
import dev.rein.api.hook.StoppingRule;
import java.util.Locale;

/**
 * The kinds of regularizer, each with the hook type its provider's {@link RegularizerProvider#create} returns.
 *
 * <pre>{@code
 * Constraint c = Kind.CONSTRAINT.hookType().cast(provider.create(args));
 * }</pre>
 */
public enum Kind {
    /** An element-wise penalty written with {@code @Penalty}. */
    PENALTY(ElementwisePenalty.class),
    /** A penalty over a whole block. */
    BLOCK_PENALTY(BlockPenalty.class),
    /** A projection after each step. */
    CONSTRAINT(Constraint.class),
    /** A train-time layer on activations (dropout, noise). */
    ACTIVATION(ActivationRegularizer.class),
    /** A normalization layer with learned parameters and state. */
    NORMALIZATION(Normalization.class),
    /** A rule that ends training (early stopping). */
    STOPPING_RULE(StoppingRule.class);

    private final Class<?> hookType;

    Kind(Class<?> hookType) {
        this.hookType = hookType;
    }

    /** The interface that instances of this kind implement. */
    public Class<?> hookType() {
        return hookType;
    }

    /** The lower-case name shown to people, e.g. {@code "block_penalty"}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
