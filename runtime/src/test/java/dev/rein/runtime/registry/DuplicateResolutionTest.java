package dev.rein.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two regularizers that claim one name or alias: the first found wins (class path, then folders in the order
 * given, then jars by file name) and the other is reported with both sources named.
 */
class DuplicateResolutionTest {
    @TempDir
    Path dir;

    private static PluginRegistry loadFolders(Path... folders) {
        return PluginRegistry.load(ClassLoader.getPlatformClassLoader(), List.of(folders));
    }

    /** The registry's one problem is a duplicate name, and its message says {@code who} lost to whom. */
    private static void assertDuplicate(PluginRegistry registry, String who) {
        assertEquals(List.of("plugin-duplicate-name"), PluginFolderLoadingTest.tags(registry));
        String message = registry.problems().get(0).message();
        assertTrue(message.startsWith("[plugin-duplicate-name] " + who), message);
    }

    private static String winnerClass(PluginRegistry registry, String name) {
        return registry.find(name).orElseThrow().provider().getClass().getName();
    }

    @Test
    void theJarFirstInFileNameOrderWinsAndTheOtherIsReportedWithBothJars() {
        Path folder = dir.resolve("plugins");
        // Created in the opposite order, to show that file names decide, not creation time.
        Path b = TestPluginJars.goodJar(folder.resolve("b.jar"), "com.b.L2Provider", "l2");
        Path a = TestPluginJars.goodJar(folder.resolve("a.jar"), "com.a.L2Provider", "l2");

        try (PluginRegistry registry = loadFolders(folder)) {
            assertEquals("com.a.L2Provider", winnerClass(registry, "l2"));
            assertEquals(PluginSource.pluginJar(a), registry.find("l2").orElseThrow().source());
            assertDuplicate(registry, b + ": regularizer 'l2' (com.b.L2Provider) is skipped: its name 'l2' is already"
                    + " the name of 'l2' from " + a + ",");
            assertEquals(b.toString(), registry.problems().get(0).source());
            assertEquals(1, registry.all().size());
            assertEquals(1, registry.pluginLoaders().size(), "the loser's loader is closed and dropped");
        }
    }

    @Test
    void foldersCountInTheOrderGiven() {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Path inFirst = TestPluginJars.goodJar(first.resolve("z.jar"), "com.first.L1Provider", "l1");
        Path inSecond = TestPluginJars.goodJar(second.resolve("a.jar"), "com.second.L1Provider", "l1");

        try (PluginRegistry registry = loadFolders(first, second)) {
            assertEquals("com.first.L1Provider", winnerClass(registry, "l1"));
            assertEquals(inSecond.toString(), registry.problems().get(0).source());
        }
        try (PluginRegistry registry = loadFolders(second, first)) {
            assertEquals("com.second.L1Provider", winnerClass(registry, "l1"));
            assertEquals(inFirst.toString(), registry.problems().get(0).source());
        }
    }

    @Test
    void anAliasThatIsAnotherRegularizersNameLoses() {
        Path folder = dir.resolve("plugins");
        Path a = TestPluginJars.goodJar(folder.resolve("a.jar"), "com.a.L2Provider", "l2");
        Path b = TestPluginJars.goodJar(folder.resolve("b.jar"), "com.b.WeightDecayProvider", "weight_decay", "l2");

        try (PluginRegistry registry = loadFolders(folder)) {
            assertDuplicate(registry, b + ": regularizer 'weight_decay' (com.b.WeightDecayProvider) is skipped: its"
                    + " alias 'l2' is already the name of 'l2' from " + a + ",");
            assertEquals(List.of("l2"), List.copyOf(registry.names()), "the loser keeps none of its names");
        }
    }

    @Test
    void aNameThatIsAnotherRegularizersAliasLoses() {
        Path folder = dir.resolve("plugins");
        Path a = TestPluginJars.goodJar(folder.resolve("a.jar"), "com.a.L2Provider", "l2", "ridge");
        Path b = TestPluginJars.goodJar(folder.resolve("b.jar"), "com.b.RidgeProvider", "ridge");

        try (PluginRegistry registry = loadFolders(folder)) {
            assertDuplicate(registry, b + ": regularizer 'ridge' (com.b.RidgeProvider) is skipped: its name 'ridge'"
                    + " is already an alias of 'l2' from " + a + ",");
            assertSame(registry.find("l2").orElseThrow(), registry.find("ridge").orElseThrow());
        }
    }

    @Test
    void theClassPathWinsOverPluginFolders() throws Exception {
        Path onClassPath = TestPluginJars.goodJar(dir.resolve("lib").resolve("app.jar"), "com.app.L2Provider", "l2");
        Path folder = dir.resolve("plugins");
        Path plugin = TestPluginJars.goodJar(folder.resolve("a.jar"), "com.plugin.L2Provider", "l2");

        try (URLClassLoader classPath = new URLClassLoader(new URL[] {onClassPath.toUri().toURL()},
                getClass().getClassLoader());
                PluginRegistry registry = PluginRegistry.load(classPath, List.of(folder))) {
            RegisteredRegularizer l2 = registry.find("l2").orElseThrow();
            assertEquals("com.app.L2Provider", l2.provider().getClass().getName());
            assertEquals(PluginSource.classPath(onClassPath.toString()), l2.source());
            assertDuplicate(registry, plugin + ": regularizer 'l2' (com.plugin.L2Provider) is skipped: its name 'l2'"
                    + " is already the name of 'l2' from class path: " + onClassPath + ",");
        }
    }

    @Test
    void loadingTwiceGivesTheSameWinnersAndProblems() {
        Path folder = dir.resolve("plugins");
        for (String letter : List.of("d", "b", "c", "a")) {
            TestPluginJars.goodJar(folder.resolve(letter + ".jar"), "com." + letter + ".SameProvider", "same");
        }

        try (PluginRegistry once = loadFolders(folder); PluginRegistry again = loadFolders(folder)) {
            assertEquals("com.a.SameProvider", winnerClass(once, "same"));
            assertEquals(winnerClass(once, "same"), winnerClass(again, "same"));
            assertEquals(once.problems(), again.problems());
            assertEquals(List.of("b.jar", "c.jar", "d.jar"), once.problems().stream()
                    .map(p -> Path.of(p.source()).getFileName().toString()).collect(Collectors.toList()));
        }
    }
}
