package dev.rein.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A problem's message is for people; its cause is only shown when asked for. */
class PluginProblemTest {
    @Test
    void describeShowsTheCauseOnlyWhenVerbose() {
        IOException cause = new IOException("disk on fire");
        PluginProblem problem = PluginProblem.of("plugins/x.jar", "plugins/x.jar is not a readable jar (disk on fire).",
                cause);

        assertEquals("plugins/x.jar is not a readable jar (disk on fire).", problem.describe(false));
        String verbose = problem.describe(true);
        assertTrue(verbose.startsWith("plugins/x.jar is not a readable jar (disk on fire)." + System.lineSeparator()
                + "java.io.IOException: disk on fire"), verbose);
        assertTrue(verbose.contains("\tat " + PluginProblemTest.class.getName()), "with the stack trace");
        assertEquals(Optional.of(cause), problem.cause());
    }

    @Test
    void withoutCauseVerboseIsTheMessage() {
        PluginProblem problem = PluginProblem.of("plugins", "plugins is not a folder.");

        assertEquals("plugins is not a folder.", problem.describe(true));
        assertEquals(Optional.empty(), problem.cause());
        assertEquals("plugins is not a folder.", problem.toString());
    }

    @Test
    void problemsWithTheSameSourceAndMessageAreEqual() {
        PluginProblem a = PluginProblem.of("a.jar", "broken");
        PluginProblem sameWithCause = PluginProblem.of("a.jar", "broken", new IllegalStateException());

        assertEquals(a, sameWithCause);
        assertEquals(a.hashCode(), sameWithCause.hashCode());
        assertNotEquals(a, PluginProblem.of("b.jar", "broken"));
        assertNotEquals(a, PluginProblem.of("a.jar", "fixed"));
    }
}
