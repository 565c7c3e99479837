package dev.rein.samples.cli;

import dev.rein.runtime.registry.TestPluginJars;
import java.nio.file.Path;

/**
 * Plugin jars whose penalty misbehaves in its gradient, built by the test into a plugin folder: one throws, one
 * needs a class its jar lacks, one runs the JVM out of memory, one never returns (until interrupted, so that it does
 * not keep a core busy for the rest of the tests).
 */
final class MisbehavingPlugins {
    private MisbehavingPlugins() {
    }

    /** {@code boom_penalty}: its gradient throws {@code IllegalStateException("weight too big: " + w)}. */
    static Path throwing(Path folder) {
        return withHelper(folder, "boom", "com.example.boom.Boom",
                "public static double gradient(double w) { throw new IllegalStateException(\"weight too big: \" + w);"
                        + " }", false);
    }

    /** {@code lost_penalty}: its gradient calls a class left out of its jar. */
    static Path missingClass(Path folder) {
        return withHelper(folder, "lost", "com.example.lost.Helper",
                "public static double gradient(double w) { return 2 * w; }", true);
    }

    /** {@code greedy_penalty}: its gradient throws an {@code OutOfMemoryError}. */
    static Path outOfMemory(Path folder) {
        return withHelper(folder, "greedy", "com.example.greedy.Greedy",
                "public static double gradient(double w) { throw new OutOfMemoryError(\"Java heap space\"); }", false);
    }

    /** {@code slow_penalty}: its gradient sleeps until its thread is interrupted. */
    static Path neverReturning(Path folder) {
        return withHelper(folder, "slow", "com.example.slow.Slow",
                "public static double gradient(double w) { try { Thread.sleep(Long.MAX_VALUE); }"
                        + " catch (InterruptedException e) { Thread.currentThread().interrupt(); } return w; }",
                false);
    }

    private static Path withHelper(Path folder, String name, String helper, String method, boolean omitHelper) {
        String provider = "com.example." + name + "." + Character.toUpperCase(name.charAt(0)) + name.substring(1)
                + "Provider";
        String pkg = helper.substring(0, helper.lastIndexOf('.'));
        String simple = helper.substring(helper.lastIndexOf('.') + 1);
        TestPluginJars.JarBuilder jar = TestPluginJars.jar(folder.resolve(name + ".jar"))
                .source(provider, TestPluginJars.provider(provider).named(name + "_penalty")
                        .gradient(helper + ".gradient(w)").code())
                .source(helper, "package " + pkg + ";\npublic final class " + simple + " {\n  " + method + "\n}\n")
                .services(provider);
        if (omitHelper) {
            jar.omit(helper);
        }
        return jar.build();
    }
}
