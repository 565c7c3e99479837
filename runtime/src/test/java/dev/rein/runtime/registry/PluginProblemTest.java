package dev.rein.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.ReinMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A problem's message is for people and starts with its tag; its cause is only shown when asked for. */
class PluginProblemTest {
    @Test
    void describeShowsTheCauseOnlyWhenVerbose() {
        IOException cause = new IOException("disk on fire");
        ReinMessage message = ReinMessage.of("plugin-jar-unreadable", "plugins/x.jar is not a readable jar.");
        PluginProblem problem = PluginProblem.of("plugins/x.jar", message, cause);

        assertEquals("[plugin-jar-unreadable] plugins/x.jar is not a readable jar.", problem.describe(false));
        String verbose = problem.describe(true);
        assertTrue(verbose.startsWith("[plugin-jar-unreadable] plugins/x.jar is not a readable jar."
                + System.lineSeparator() + "java.io.IOException: disk on fire"), verbose);
        assertTrue(verbose.contains("\tat " + PluginProblemTest.class.getName()), "with the stack trace");
        assertEquals(Optional.of(cause), problem.cause());
    }

    @Test
    void withoutCauseVerboseIsTheMessage() {
        PluginProblem problem = PluginProblem.of("plugins", ReinMessage.of("plugin-folder-not-a-folder",
                "plugins is not a folder."));

        assertEquals("[plugin-folder-not-a-folder] plugins is not a folder.", problem.describe(true));
        assertEquals(Optional.empty(), problem.cause());
        assertEquals("[plugin-folder-not-a-folder] plugins is not a folder.", problem.toString());
    }

    @Test
    void theTagIsReadableOnItsOwnAndAtTheStartOfTheMessage() {
        PluginProblem problem = PluginProblem.of("plugins", RegistryMessages.notAFolder(Path.of("plugins"), ""));

        assertEquals("plugin-folder-not-a-folder", problem.tag());
        assertEquals(Optional.of(problem.tag()), ReinMessage.parse(problem.message()).map(ReinMessage::tag));
    }

    @Test
    void problemsWithTheSameSourceAndMessageAreEqual() {
        PluginProblem a = PluginProblem.of("a.jar", broken("broken"));
        PluginProblem sameWithCause = PluginProblem.of("a.jar", broken("broken"), new IllegalStateException());

        assertEquals(a, sameWithCause);
        assertEquals(a.hashCode(), sameWithCause.hashCode());
        assertNotEquals(a, PluginProblem.of("b.jar", broken("broken")));
        assertNotEquals(a, PluginProblem.of("a.jar", broken("fixed")));
        assertNotEquals(a, PluginProblem.of("a.jar", ReinMessage.of("plugin-jar-no-services", "broken")),
                "the tag is part of the message");
    }

    private static ReinMessage broken(String text) {
        return ReinMessage.of("plugin-jar-unreadable", text);
    }
}
