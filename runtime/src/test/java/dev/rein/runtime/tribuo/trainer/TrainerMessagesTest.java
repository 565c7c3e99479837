package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.spec.SpecException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact words of the trainer messages. */
class TrainerMessagesTest {
    private static final String TRAINER = "RegularizedLinearClassificationTrainer";

    @Test
    void problemsFoundDeeperDownKeepTheirTag() {
        SpecException e = new SpecException("l3", 1, ReinMessage.of("spec-unknown-regularizer",
                "unknown regularizer 'l3' (rein list shows all)"));
        assertMessage("[spec-unknown-regularizer] RegularizedLinearClassificationTrainer: the configured spec is not"
                + " valid. Spec error at column 1: unknown regularizer 'l3' (rein list shows all)\n  l3\n  ^",
                TrainerMessages.specInvalid(TRAINER, e, List.of()));
        assertMessage("[spec-unknown-regularizer] RegularizedLinearClassificationTrainer: the configured spec is not"
                + " valid. Spec error at column 1: unknown regularizer 'l3' (rein list shows all)\n  l3\n  ^ Plugins"
                + " that did not load: [plugin-jar-unreadable] a.jar is broken. [plugin-jar-unreadable] b.jar too.",
                TrainerMessages.specInvalid(TRAINER, e, List.of("[plugin-jar-unreadable] a.jar is broken.",
                        "[plugin-jar-unreadable] b.jar too.")));
    }

    private static void assertMessage(String expected, ReinMessage actual) {
        assertEquals(expected, actual.toString());
    }
}
