package dev.rein.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReinMessageTest {
    @Test
    void theTagComesFirstInSquareBrackets() {
        ReinMessage m = ReinMessage.of("trainer-epochs", "Trainer: epochs is 0; it must be at least 1");
        assertEquals("[trainer-epochs] Trainer: epochs is 0; it must be at least 1", m.toString());
        assertEquals("trainer-epochs", m.tag());
        assertEquals("Trainer: epochs is 0; it must be at least 1", m.text());
    }

    @Test
    void parseReadsWhatToStringWrote() {
        ReinMessage m = ReinMessage.of("spec-expected-equals", "Spec error at column 10: ...\n  l1(lambda)\n  ^");
        assertEquals(Optional.of(m), ReinMessage.parse(m.toString()));
        assertEquals(Optional.empty(), ReinMessage.parse("no tag here"));
        assertEquals(Optional.empty(), ReinMessage.parse("[Not-A-Tag] text"));
        assertEquals(Optional.empty(), ReinMessage.parse(" [spec-x] the tag must come first"));
        assertEquals(Optional.empty(), ReinMessage.parse("[spec-x]no space"));
        assertEquals(Optional.empty(), ReinMessage.parse(null));
    }

    @Test
    void tagOfReadsAnyThrowablesMessage() {
        assertEquals(Optional.of("plan-pegasos-penalty"),
                ReinMessage.tagOf(new IllegalArgumentException("[plan-pegasos-penalty] Penalty 'l2' cannot wrap")));
        assertEquals(Optional.empty(), ReinMessage.tagOf(new IllegalStateException("boom")));
        assertEquals(Optional.empty(), ReinMessage.tagOf(new IllegalStateException()));
        assertEquals(Optional.empty(), ReinMessage.tagOf(null));
    }

    @Test
    void inPutsContextBeforeTheTextAndKeepsTheTag() {
        ReinMessage m = ReinMessage.of("trainer-epochs", "epochs is 0").in("LinearTrainer");
        assertEquals("[trainer-epochs] LinearTrainer: epochs is 0", m.toString());
    }

    @Test
    void aTagIsAnAreaAndAtLeastOneMoreLowerCaseWord() {
        for (String bad : new String[] {"spec", "Spec-error", "spec_error", "spec--error", "-spec", "spec-", "",
                "spec error"}) {
            assertThrows(IllegalArgumentException.class, () -> ReinMessage.of(bad, "text"), bad);
        }
        assertEquals("plugin-jar-url", ReinMessage.of("plugin-jar-url", "x").tag());
        assertEquals("tribuo-fm-too-few-tensors2", ReinMessage.of("tribuo-fm-too-few-tensors2", "x").tag());
    }

    @Test
    void equalWhenTagAndTextAre() {
        assertEquals(ReinMessage.of("spec-a", "t"), ReinMessage.of("spec-a", "t"));
        assertEquals(ReinMessage.of("spec-a", "t").hashCode(), ReinMessage.of("spec-a", "t").hashCode());
        assertNotEquals(ReinMessage.of("spec-a", "t"), ReinMessage.of("spec-b", "t"));
        assertNotEquals(ReinMessage.of("spec-a", "t"), ReinMessage.of("spec-a", "u"));
    }
}
