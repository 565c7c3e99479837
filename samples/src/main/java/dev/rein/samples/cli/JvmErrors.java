package dev.rein.samples.cli;

import java.util.Locale;

/**
 * Words a JVM {@link Error} that escaped a command as one paragraph a person can act on, without a stack trace.
 *
 * <pre>{@code
 * JvmErrors.describe(new OutOfMemoryError("Java heap space"), 2L << 30);
 * // Java ran out of memory (OutOfMemoryError: Java heap space); this JVM may use at most 2.0 GB (its -Xmx
 * // limit). Give Java more memory (e.g. java -Xmx4g -jar rein-cli.jar ..., or JDK_JAVA_OPTIONS=-Xmx4g ./rein
 * // ...), or train on fewer examples, features or classes. Run again with --verbose for the stack trace.
 * }</pre>
 */
final class JvmErrors {
    private JvmErrors() {
    }

    /** The paragraph for {@code error}, given the JVM's memory limit in bytes. */
    static String describe(Error error, long maxMemory) {
        String what = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        if (error instanceof OutOfMemoryError) {
            long suggest = Math.max(1, 2 * (long) Math.ceil(maxMemory / (double) (1L << 30)));
            return String.format(Locale.ROOT, "Java ran out of memory (%s); this JVM may use at most %.1f GB (its -Xmx"
                    + " limit). Give Java more memory (e.g. java -Xmx%dg -jar rein-cli.jar ..., or"
                    + " JDK_JAVA_OPTIONS=-Xmx%dg ./rein ...), or train on fewer examples, features or classes. Run"
                    + " again with --verbose for the stack trace.", what, maxMemory / (double) (1L << 30), suggest,
                    suggest);
        }
        if (error instanceof StackOverflowError) {
            return "The call stack overflowed (" + what + "), which usually means code that calls itself without"
                    + " end, e.g. in a plugin. Run again with --verbose for the stack trace, or leave plugins out of"
                    + " the spec one by one to find it.";
        }
        return "The Java virtual machine failed and Rein cannot go on (" + what + "). Run again with --verbose for"
                + " the stack trace.";
    }
}
