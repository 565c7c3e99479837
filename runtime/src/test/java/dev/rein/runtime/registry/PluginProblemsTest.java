package dev.rein.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.registry.TestPluginJars.ProviderCode;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way a plugin jar can be broken gets its own tag and a message naming the jar (and what it says about it), and
 * a good jar in the same folder still loads. The exact words are {@code RegistryMessagesTest}'s.
 */
class PluginProblemsTest {
    private static final String SERVICES = "META-INF/services/dev.rein.api.spi.RegularizerProvider";

    @TempDir
    Path dir;

    private Path folder;

    @BeforeEach
    void putAGoodJarInTheFolder() {
        folder = dir.resolve("plugins");
        TestPluginJars.goodJar(folder.resolve("good.jar"), "com.good.GoodProvider", "good");
    }

    /**
     * Loads the folder and checks that the good jar loaded and the only problem has {@code tag}, its message names
     * {@code source} first and then each of {@code fragments}.
     */
    private PluginProblem onlyProblem(Path source, String tag, String... fragments) {
        try (PluginRegistry registry = PluginRegistry.load(ClassLoader.getPlatformClassLoader(), List.of(folder))) {
            assertEquals(List.of(tag), registry.problems().stream().map(PluginProblem::tag).toList(),
                    () -> PluginFolderLoadingTest.messages(registry).toString());
            assertTrue(registry.find("good").isPresent(), "the good jar still loads");
            PluginProblem problem = registry.problems().get(0);
            assertEquals(source.toString(), problem.source());
            assertTrue(problem.message().startsWith("[" + tag + "] " + source), problem.message());
            for (String fragment : fragments) {
                assertTrue(problem.message().contains(fragment), () -> "'" + fragment + "' not in "
                        + problem.message());
            }
            return problem;
        }
    }

    private static ProviderCode provider(String className) {
        return TestPluginJars.provider(className);
    }

    @Test
    void randomBytesAreNotAReadableJar() {
        Path jar = TestPluginJars.randomBytes(folder.resolve("broken.jar"), 2048);

        PluginProblem problem = onlyProblem(jar, "plugin-jar-unreadable", "(zip END header not found)");
        assertTrue(problem.cause().isPresent(), "the ZipException is kept for --verbose");
    }

    @Test
    void aJarWithoutServicesFileWasProbablyNotCompiledWithTheProcessor() {
        Path jar = TestPluginJars.jar(folder.resolve("plain.jar"))
                .source("com.plain.Cauchy", provider("com.plain.Cauchy").code())
                .build();

        onlyProblem(jar, "plugin-jar-no-services", SERVICES);
    }

    @Test
    void aServicesFileThatListsNothingIsReported() {
        Path jar = TestPluginJars.jar(folder.resolve("blank.jar"))
                .servicesText("# nothing here\n\n")
                .build();

        onlyProblem(jar, "plugin-jar-empty-services", SERVICES);
    }

    @Test
    void aListedClassTheJarDoesNotContainIsReportedAndTheNextEntryStillLoads() {
        Path jar = TestPluginJars.jar(folder.resolve("missing.jar"))
                .source("com.missing.Present", provider("com.missing.Present").named("present").code())
                .services("com.missing.Absent", "com.missing.Present")
                .build();

        PluginProblem problem = onlyProblem(jar, "plugin-provider-missing", "lists com.missing.Absent, but the jar");
        assertInstanceOf(ServiceConfigurationError.class, problem.cause().orElseThrow());
        try (PluginRegistry registry = PluginRegistry.load(ClassLoader.getPlatformClassLoader(), List.of(folder))) {
            assertTrue(registry.find("present").isPresent(), "the entry after the bad one still loads");
        }
    }

    @Test
    void aListedClassThatIsNotAProviderIsReported() {
        Path jar = TestPluginJars.jar(folder.resolve("wrong.jar"))
                .source("com.wrong.Helper", "package com.wrong; public class Helper { public Helper() { } }")
                .services("com.wrong.Helper")
                .build();

        onlyProblem(jar, "plugin-provider-wrong-type", "com.wrong.Helper is listed in " + SERVICES);
    }

    @Test
    void aProviderWhoseConstructorThrowsIsNamedWithTheJarAndTheException() {
        Path jar = TestPluginJars.jar(folder.resolve("boom.jar"))
                .source("com.boom.BoomProvider", provider("com.boom.BoomProvider")
                        .constructor("if (true) throw new IllegalStateException(\"no licence file\");").code())
                .services("com.boom.BoomProvider")
                .build();

        PluginProblem problem = onlyProblem(jar, "plugin-provider-threw", "com.boom.BoomProvider",
                "threw java.lang.IllegalStateException: no licence file");
        assertEquals("no licence file", problem.cause().orElseThrow().getCause().getMessage());
    }

    @Test
    void aProviderWithoutPublicNoArgumentConstructorIsReported() {
        Path jar = TestPluginJars.jar(folder.resolve("hidden.jar"))
                .source("com.hidden.HiddenProvider", provider("com.hidden.HiddenProvider").code()
                        .replace("public HiddenProvider() {", "HiddenProvider(int unused) {"))
                .services("com.hidden.HiddenProvider")
                .build();

        onlyProblem(jar, "plugin-provider-not-creatable", "provider com.hidden.HiddenProvider",
                "(com.hidden.HiddenProvider Unable to get public no-arg constructor)");
    }

    @Test
    void aProviderWhoseDescriptorThrowsIsNamedWithTheJarAndTheException() {
        Path jar = TestPluginJars.jar(folder.resolve("vague.jar"))
                .source("com.vague.VagueProvider", provider("com.vague.VagueProvider")
                        .descriptorStarts("if (true) throw new UnsupportedOperationException(\"not yet\");").code())
                .services("com.vague.VagueProvider")
                .build();

        PluginProblem problem = onlyProblem(jar, "plugin-descriptor-threw",
                "com.vague.VagueProvider.descriptor() threw java.lang.UnsupportedOperationException: not yet");
        assertInstanceOf(UnsupportedOperationException.class, problem.cause().orElseThrow());
    }

    @Test
    void aProviderWhoseDescriptorIsNullIsReported() {
        Path jar = TestPluginJars.jar(folder.resolve("empty.jar"))
                .source("com.empty.EmptyProvider", provider("com.empty.EmptyProvider")
                        .descriptorStarts("if (true) return null;").code())
                .services("com.empty.EmptyProvider")
                .build();

        onlyProblem(jar, "plugin-descriptor-null", "com.empty.EmptyProvider.descriptor()");
    }

    @Test
    void aProviderThatNeedsAClassOutsideTheJarIsReported() {
        Path jar = TestPluginJars.jar(folder.resolve("needy.jar"))
                .source("com.needy.Base", "package com.needy; public abstract class Base { }")
                .source("com.needy.NeedyProvider", provider("com.needy.NeedyProvider").code()
                        .replace("implements RegularizerProvider", "extends Base implements RegularizerProvider"))
                .source("com.needy.Fine", provider("com.needy.Fine").named("fine").code())
                .omit("com.needy.Base")
                .services("com.needy.NeedyProvider", "com.needy.Fine")
                .build();

        onlyProblem(jar, "plugin-provider-unloadable", "java.lang.NoClassDefFoundError: com/needy/Base",
                "bundle any other library it needs inside the jar");
        try (PluginRegistry registry = PluginRegistry.load(ClassLoader.getPlatformClassLoader(), List.of(folder))) {
            assertTrue(registry.find("fine").isPresent(), "the entry after the bad one still loads");
        }
    }

    @Test
    void aPluginBuiltAgainstAnUnsupportedApiVersionIsReported() {
        Path jar = TestPluginJars.jar(folder.resolve("future.jar"))
                .source("com.future.FutureProvider", provider("com.future.FutureProvider")
                        .named("future").apiVersion(99).code())
                .services("com.future.FutureProvider")
                .build();

        onlyProblem(jar, "plugin-api-incompatible", "future was built against Rein API version 99",
                "this Rein supports 1");
    }

    @Test
    void aMalformedNameIsReported() {
        Path jar = TestPluginJars.jar(folder.resolve("shouty.jar"))
                .source("com.shouty.ShoutyProvider", provider("com.shouty.ShoutyProvider")
                        .named("Cauchy-2").code())
                .services("com.shouty.ShoutyProvider")
                .build();

        onlyProblem(jar, "plugin-invalid-name", "com.shouty.ShoutyProvider is named 'Cauchy-2'");
    }

    @Test
    void aMalformedAliasIsReported() {
        Path jar = TestPluginJars.jar(folder.resolve("alias.jar"))
                .source("com.alias.AliasProvider", provider("com.alias.AliasProvider")
                        .named("cauchy").aliases("2cauchy").code())
                .services("com.alias.AliasProvider")
                .build();

        onlyProblem(jar, "plugin-invalid-name", "com.alias.AliasProvider has the alias '2cauchy'");
    }

    @Test
    void severalBrokenJarsAreAllReportedInFileNameOrder() {
        Path b = TestPluginJars.randomBytes(folder.resolve("b-broken.jar"), 100);
        Path a = TestPluginJars.jar(folder.resolve("a-plain.jar")).entry("readme.txt", new byte[] {1}).build();

        try (PluginRegistry registry = PluginRegistry.load(ClassLoader.getPlatformClassLoader(), List.of(folder))) {
            assertEquals(List.of(a.toString(), b.toString()),
                    registry.problems().stream().map(PluginProblem::source).collect(java.util.stream.Collectors.toList()));
            assertTrue(registry.find("good").isPresent());
        }
    }

    @Test
    void problemsReadInDiscoveryOrderWhateverTheirKind() {
        TestPluginJars.goodJar(folder.resolve("a.jar"), "com.a.SameProvider", "same");
        Path duplicate = TestPluginJars.goodJar(folder.resolve("b.jar"), "com.b.SameProvider", "same");
        Path broken = TestPluginJars.randomBytes(folder.resolve("c.jar"), 100);

        try (PluginRegistry registry = PluginRegistry.load(ClassLoader.getPlatformClassLoader(), List.of(folder))) {
            // b.jar's rejection (found while admitting) comes before c.jar's (found while opening it).
            assertEquals(List.of(duplicate.toString(), broken.toString()),
                    registry.problems().stream().map(PluginProblem::source).collect(java.util.stream.Collectors.toList()));
        }
    }
}
