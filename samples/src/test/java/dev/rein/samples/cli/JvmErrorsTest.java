package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JvmErrorsTest {
    @Test
    void outOfMemoryNamesTheLimitAndSuggestsTwiceAsMuch() {
        assertEquals("Java ran out of memory (OutOfMemoryError: Java heap space); this JVM may use at most 2.0 GB"
                + " (its -Xmx limit). Give Java more memory (e.g. java -Xmx4g -jar rein-cli.jar ..., or"
                + " JDK_JAVA_OPTIONS=-Xmx4g ./rein ...), or train on fewer examples, features or classes. Run again"
                + " with --verbose for the stack trace.",
                JvmErrors.describe(new OutOfMemoryError("Java heap space"), 2L << 30));
    }

    @Test
    void otherErrorsAreOneParagraphToo() {
        assertTrue(JvmErrors.describe(new StackOverflowError(), 1L << 30).startsWith("The call stack overflowed"
                + " (StackOverflowError), which usually means code that calls itself without end"));
        assertEquals("The Java virtual machine failed and Rein cannot go on (InternalError: boom). Run again with"
                + " --verbose for the stack trace.", JvmErrors.describe(new InternalError("boom"), 1L << 30));
    }
}
