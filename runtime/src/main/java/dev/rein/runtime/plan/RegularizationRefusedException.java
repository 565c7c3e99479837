package dev.rein.runtime.plan;

import dev.rein.runtime.ReinMessage;
import java.util.Objects;

/**
 * A regularization Rein will not run because it cannot be right with this optimiser or model: Pegasos with a
 * penalty, a proximal step under AdaGrad, a layer plugin without a network, proximal and cumulative L1 in one spec.
 * The message says what to use instead and starts with its tag, which {@link #tag()} also gives:
 *
 * <pre>{@code
 * try {
 *     new RegularizedOptimiser(new Adam(0.01, 1e-8), SpecBinder.bind("l1(mode=proximal)", registry));
 * } catch (RegularizationRefusedException e) {
 *     e.tag();          // "plan-proximal-needs-sgd"
 *     e.getMessage();   // "[plan-proximal-needs-sgd] Penalty 'l1' asks for mode=proximal with Adam(...), but
 *                       //  AdaGrad gives every weight its own step size from private state, ..."
 * }
 * }</pre>
 *
 * <p>An {@link IllegalArgumentException}, as it always was: code that catches that still catches a refusal.
 */
public final class RegularizationRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String tag;

    /** A refusal saying {@code message}. */
    public RegularizationRefusedException(ReinMessage message) {
        this(message, null);
    }

    /** A refusal saying {@code message}, caused by {@code cause} (e.g. the same refusal, found deeper down). */
    public RegularizationRefusedException(ReinMessage message, Throwable cause) {
        super(Objects.requireNonNull(message, "message").toString(), cause);
        this.tag = message.tag();
    }

    /** The tag, e.g. {@code "plan-proximal-needs-sgd"}; {@code docs/messages.md} says what each means. */
    public String tag() {
        return tag;
    }

    /** The message with its tag and text apart, e.g. to say it again with more context. */
    public ReinMessage reinMessage() {
        return ReinMessage.parse(getMessage()).orElseThrow();
    }
}
