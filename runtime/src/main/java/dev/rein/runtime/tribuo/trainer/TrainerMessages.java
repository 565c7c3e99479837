package dev.rein.runtime.tribuo.trainer;

import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.spec.SpecException;
import java.util.List;

/**
 * The messages Rein's trainers give, worded in one place. A problem found deeper down keeps its own tag when a
 * trainer says it again with its name in front:
 *
 * <pre>{@code
 * TrainerMessages.specInvalid("RegularizedLinearClassificationTrainer", specException, List.of());
 * // [spec-unknown-regularizer] RegularizedLinearClassificationTrainer: the configured spec is not valid. Spec error
 * // at column 1: unknown regularizer 'l3' (rein list shows all) ...
 * }</pre>
 */
final class TrainerMessages {
    private TrainerMessages() {
    }

    /**
     * A configured spec that does not bind, under the spec error's own tag: {@code [spec-unknown-regularizer]
     * Trainer: the configured spec is not valid. Spec error at column 1: ... Plugins that did not load: ...}.
     *
     * @param notLoaded the registry's problems, each a whole tagged message; empty when every plugin loaded
     */
    static ReinMessage specInvalid(String trainer, SpecException e, List<String> notLoaded) {
        String specError = ReinMessage.parse(e.getMessage()).map(ReinMessage::text).orElse(e.getMessage());
        return ReinMessage.of(e.tag(), trainer + ": the configured spec is not valid. " + specError
                + (notLoaded.isEmpty() ? "" : " Plugins that did not load: " + String.join(" ", notLoaded)));
    }
}
