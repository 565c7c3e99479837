package dev.rein.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin folder's jars are found, each with its jar as source, in a repeatable order. */
class PluginFolderLoadingTest {
    @TempDir
    Path dir;

    /** No class path providers: only the folders count. */
    private static PluginRegistry loadFolders(Path... folders) {
        return PluginRegistry.load(ClassLoader.getPlatformClassLoader(), List.of(folders));
    }

    @Test
    void aGoodJarIsFoundWithItsJarAsSourceAndBuildsWorkingInstances() {
        Path folder = dir.resolve("plugins");
        Path jar = TestPluginJars.goodJar(folder.resolve("cauchy.jar"), "com.example.CauchyProvider", "cauchy",
                "lorentz");

        try (PluginRegistry registry = loadFolders(folder)) {
            assertEquals(List.of(), registry.problems());
            RegisteredRegularizer cauchy = registry.find("cauchy").orElseThrow();
            assertEquals(PluginSource.pluginJar(jar), cauchy.source());
            assertEquals(PluginSource.Origin.PLUGIN_JAR, cauchy.source().origin());
            assertEquals(jar.toString(), cauchy.source().describe());
            assertEquals(Kind.PENALTY, cauchy.descriptor().kind());
            assertEquals("com.example.CauchyProvider", cauchy.provider().getClass().getName());
            assertSame(cauchy, registry.find("lorentz").orElseThrow());
            assertEquals(List.of("cauchy", "lorentz"), List.copyOf(registry.names()));
            assertEquals(List.of(cauchy), registry.all());

            Object created = cauchy.provider().create(Arguments.of(Map.of("lambda", 0.5)));
            ElementwisePenalty penalty = assertInstanceOf(ElementwisePenalty.class, created);
            assertEquals(1.0, penalty.value(2.0), 0.0);      // (0.5 / 2) * 2²
            assertEquals(1.0, penalty.gradient(2.0), 0.0);   // 0.5 * 2
            assertInstanceOf(PluginClassLoader.class, created.getClass().getClassLoader());
            assertTrue(registry.find("cauchy_x").isEmpty());
        }
    }

    @Test
    void theSameFolderNamedTwiceIsReadOnce() {
        Path folder = dir.resolve("plugins");
        TestPluginJars.goodJar(folder.resolve("cauchy.jar"), "com.example.CauchyProvider", "cauchy");
        // found by a user: --plugins given twice made every plugin in it a duplicate of itself
        try (PluginRegistry registry = loadFolders(folder, folder.resolve(".").resolve("..").resolve("plugins"))) {
            assertEquals(List.of(), registry.problems());
            assertTrue(registry.find("cauchy").isPresent());
            assertEquals(1, registry.pluginLoaders().size());
        }
    }

    @Test
    void jarsLoadInFileNameOrderAndAllIsSortedByName() throws Exception {
        Path folder = dir.resolve("plugins");
        // Written in reverse so that creation order and name order differ.
        TestPluginJars.goodJar(folder.resolve("b.jar"), "com.b.AlphaProvider", "alpha");
        TestPluginJars.goodJar(folder.resolve("a.jar"), "com.a.ZetaProvider", "zeta");

        try (PluginRegistry registry = loadFolders(folder)) {
            assertEquals(List.of("a.jar", "b.jar"), registry.pluginLoaders().stream()
                    .map(l -> l.jar().getFileName().toString()).collect(Collectors.toList()));
            assertEquals(List.of("alpha", "zeta"), registry.all().stream()
                    .map(RegisteredRegularizer::name).collect(Collectors.toList()));
        }
    }

    @Test
    void onlyJarFilesDirectlyInTheFolderAreRead() throws Exception {
        Path folder = dir.resolve("plugins");
        TestPluginJars.goodJar(folder.resolve("top.jar"), "com.top.TopProvider", "top");
        TestPluginJars.goodJar(folder.resolve("nested").resolve("deep.jar"), "com.deep.DeepProvider", "deep");
        Files.writeString(folder.resolve("README.txt"), "not a plugin");

        try (PluginRegistry registry = loadFolders(folder)) {
            assertEquals(List.of(), registry.problems());
            assertEquals(List.of("top"), List.copyOf(registry.names()));
        }
    }

    @Test
    void aFolderWithoutJarsButWithOtherThingsIsReportedWithTheJarsOneLevelDown() throws Exception {
        // What `--plugins plugins` in Rein's own checkout points at: a module folder, its jar in target/.
        Path folder = dir.resolve("plugins");
        Files.createDirectories(folder.resolve("src"));
        Files.writeString(folder.resolve("pom.xml"), "<project/>");
        TestPluginJars.goodJar(folder.resolve("target").resolve("rein-plugins.jar"), "com.t.TProvider", "t");

        try (PluginRegistry registry = loadFolders(folder)) {
            assertEquals(List.of(), registry.all());
            assertEquals(1, registry.problems().size(), registry.problems().toString());
            PluginProblem problem = registry.problems().get(0);
            assertEquals("plugin-folder-no-jars", problem.tag());
            assertTrue(problem.message().contains("(plugins/pom.xml, plugins/src, plugins/target)"), problem.message());
            assertTrue(problem.message().contains("Jars in its subfolders are not read (target/rein-plugins.jar)"),
                    problem.message());
        }
    }

    @Test
    void anEmptyFolderGivesAnEmptyRegistryWithoutProblems() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("empty"));

        try (PluginRegistry registry = loadFolders(folder)) {
            assertEquals(List.of(), registry.problems());
            assertEquals(List.of(), registry.all());
            assertTrue(registry.names().isEmpty());
        }
    }

    @Test
    void aMissingFolderIsReportedAndTheOtherFoldersStillLoad() {
        Path missing = dir.resolve("no-such-folder");
        Path folder = dir.resolve("plugins");
        TestPluginJars.goodJar(folder.resolve("good.jar"), "com.example.GoodProvider", "good");

        try (PluginRegistry registry = loadFolders(missing, folder)) {
            assertEquals(List.of("plugin-folder-missing"), tags(registry));
            assertTrue(messages(registry).get(0).contains(missing + ": plugin folder does not exist"),
                    messages(registry).toString());
            assertEquals(missing.toString(), registry.problems().get(0).source());
            assertTrue(registry.find("good").isPresent());
        }
    }

    @Test
    void aFileGivenAsFolderIsReported() throws Exception {
        Path folder = dir.resolve("plugins");
        Path jar = TestPluginJars.goodJar(folder.resolve("good.jar"), "com.example.GoodProvider", "good");

        try (PluginRegistry registry = loadFolders(jar, folder)) {
            assertEquals(List.of("plugin-folder-not-a-folder"), tags(registry));
            assertTrue(messages(registry).get(0).contains(jar + " is not a folder"), messages(registry).toString());
            assertTrue(registry.find("good").isPresent());
        }
    }

    /** The tag of each problem, in order. */
    static List<String> tags(PluginRegistry registry) {
        return registry.problems().stream().map(PluginProblem::tag).collect(Collectors.toList());
    }

    static List<String> messages(PluginRegistry registry) {
        return registry.problems().stream().map(PluginProblem::message).collect(Collectors.toList());
    }
}
