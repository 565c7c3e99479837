package dev.rein.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.Kind;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.RegularizerProvider;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry's factories, the class path, sharing between threads and closing. */
class PluginRegistryTest {
    private static final String SERVICES = "META-INF/services/dev.rein.api.spi.RegularizerProvider";

    @TempDir
    Path dir;

    @Test
    void standardReadsTheReinPluginsPropertyBeforeTheExtraFolders() {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        Path extra = dir.resolve("extra");
        TestPluginJars.goodJar(first.resolve("one.jar"), "com.one.OneProvider", "one");
        TestPluginJars.goodJar(second.resolve("two.jar"), "com.two.TwoProvider", "two");
        TestPluginJars.goodJar(extra.resolve("three.jar"), "com.three.ThreeProvider", "three");
        // The same name in the property's first folder and in the extra folder: the property's comes first.
        TestPluginJars.goodJar(first.resolve("shared.jar"), "com.first.SharedProvider", "shared");
        Path loser = TestPluginJars.goodJar(extra.resolve("shared.jar"), "com.extra.SharedProvider", "shared");

        String before = System.getProperty(PluginRegistry.PLUGINS_PROPERTY);
        System.setProperty(PluginRegistry.PLUGINS_PROPERTY, first + File.pathSeparator + " " + File.pathSeparator
                + second);
        try (PluginRegistry registry = PluginRegistry.standard(List.of(extra))) {
            assertEquals(List.of("one", "shared", "three", "two"), List.copyOf(registry.names()));
            assertEquals("com.first.SharedProvider",
                    registry.find("shared").orElseThrow().provider().getClass().getName());
            assertEquals(List.of(loser.toString()), registry.problems().stream().map(PluginProblem::source)
                    .collect(java.util.stream.Collectors.toList()));
        } finally {
            if (before == null) {
                System.clearProperty(PluginRegistry.PLUGINS_PROPERTY);
            } else {
                System.setProperty(PluginRegistry.PLUGINS_PROPERTY, before);
            }
        }
    }

    @Test
    void thePropertyIsSplitOnThePathSeparatorAndBlankEntriesAreIgnored() {
        String sep = File.pathSeparator;
        assertEquals(List.of(Path.of("a"), Path.of("b c")),
                PluginRegistry.foldersFromProperty("a" + sep + sep + " b c " + sep + "  "));
        assertEquals(List.of(), PluginRegistry.foldersFromProperty(null));
        assertEquals(List.of(), PluginRegistry.foldersFromProperty(""));
    }

    @Test
    void classPathProvidersInReinsPluginPackageAreBuiltInAndOthersNameTheirJar() throws Exception {
        Path builtIns = TestPluginJars.goodJar(dir.resolve("lib").resolve("rein-plugins.jar"),
                "dev.rein.plugins.penalty.L1Provider", "l1");
        Path app = TestPluginJars.goodJar(dir.resolve("lib").resolve("app.jar"), "com.app.HuberProvider", "huber");
        // "dev.rein.pluginsextra" is not inside dev.rein.plugins.
        Path lookalike = TestPluginJars.goodJar(dir.resolve("lib").resolve("lookalike.jar"),
                "dev.rein.pluginsextra.FakeProvider", "fake");

        try (URLClassLoader classPath = classPath(builtIns, app, lookalike);
                PluginRegistry registry = PluginRegistry.load(classPath, List.of())) {
            assertEquals(List.of(), registry.problems());
            assertSame(PluginSource.builtIn(), registry.find("l1").orElseThrow().source());
            assertEquals(PluginSource.classPath(app.toString()), registry.find("huber").orElseThrow().source());
            assertEquals("class path: " + app, registry.find("huber").orElseThrow().source().describe());
            assertEquals(PluginSource.Origin.CLASS_PATH, registry.find("fake").orElseThrow().source().origin());
            assertTrue(registry.pluginLoaders().isEmpty(), "the class path needs no loader of Rein's");
        }
    }

    @Test
    void aBadClassPathEntryIsReportedAndTheRestOfTheClassPathLoads() throws Exception {
        Path broken = TestPluginJars.jar(dir.resolve("lib").resolve("broken.jar"))
                .source("com.cp.Present", TestPluginJars.provider("com.cp.Present").named("present").code())
                .services("com.cp.Absent", "com.cp.Present")
                .build();
        Path good = TestPluginJars.goodJar(dir.resolve("lib").resolve("good.jar"), "com.cp.GoodProvider", "good");

        try (URLClassLoader classPath = classPath(broken, good);
                PluginRegistry registry = PluginRegistry.load(classPath, List.of())) {
            assertEquals(List.of("class path: " + SERVICES + " lists com.cp.Absent, but the class path has no such"
                    + " class. Rebuild the plugin so that it contains the class, or remove the line from the services"
                    + " file."), PluginFolderLoadingTest.messages(registry));
            assertEquals("class path", registry.problems().get(0).source());
            assertEquals(List.of("good", "present"), List.copyOf(registry.names()));
        }
    }

    @Test
    void ofChecksAndResolvesAFixedListLikeLoadDoes() {
        RegisteredRegularizer l2 = fixed("l2", 1, "ridge");
        RegisteredRegularizer otherRidge = fixed("ridge", 1);
        RegisteredRegularizer future = fixed("future", 99);

        PluginRegistry registry = PluginRegistry.of(List.of(l2, otherRidge, future));

        assertSame(l2, registry.find("ridge").orElseThrow());
        assertEquals(List.of(l2), registry.all());
        assertEquals(List.of("class path: test: regularizer 'ridge' (" + FixedProvider.class.getName() + ") is"
                + " skipped: its name 'ridge' is already an alias of 'l2' from class path: test, which was found"
                + " first. Rename one of them, or remove one of the two plugins.",
                "class path: test: future was built against Rein API version 99; this Rein supports 1. Rebuild the"
                + " plugin against the rein-api of this Rein (API version 1)."),
                PluginFolderLoadingTest.messages(registry));
        registry.close();   // no loaders: nothing to do, and no failure
    }

    @Test
    void allIsSortedByNameAndNamesHoldsAliasesSorted() {
        PluginRegistry registry = PluginRegistry.of(List.of(fixed("zeta", 1, "alpha_alias"), fixed("beta", 1),
                fixed("gamma", 1)));

        assertEquals(List.of("beta", "gamma", "zeta"), registry.all().stream().map(RegisteredRegularizer::name)
                .collect(java.util.stream.Collectors.toList()));
        assertEquals(List.of("alpha_alias", "beta", "gamma", "zeta"), List.copyOf(registry.names()));
        assertThrows(UnsupportedOperationException.class, () -> registry.names().add("x"));
        assertThrows(UnsupportedOperationException.class, () -> registry.all().clear());
        assertEquals(Optional.empty(), registry.find("L2"), "names are exact");
    }

    @Test
    void concurrentLookupsAllSeeTheSameRegularizers() throws Exception {
        Path folder = dir.resolve("plugins");
        List<String> names = List.of("p0", "p1", "p2", "p3", "p4");
        for (String name : names) {
            TestPluginJars.goodJar(folder.resolve(name + ".jar"), "com." + name + ".Provider", name, name + "_alias");
        }
        try (PluginRegistry registry = PluginRegistry.load(ClassLoader.getPlatformClassLoader(), List.of(folder))) {
            List<RegisteredRegularizer> expected = new ArrayList<>();
            for (String name : names) {
                expected.add(registry.find(name).orElseThrow());
            }
            int threads = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int offset = t;
                    Callable<Integer> lookups = () -> {
                        start.await();
                        int consistent = 0;
                        for (int i = 0; i < 2_000; i++) {
                            int k = (i + offset) % names.size();
                            String key = i % 2 == 0 ? names.get(k) : names.get(k) + "_alias";
                            if (registry.find(key).orElseThrow() == expected.get(k)
                                    && registry.find("missing_" + k).isEmpty()) {
                                consistent++;
                            }
                        }
                        return consistent;
                    };
                    results.add(pool.submit(lookups));
                }
                start.countDown();
                for (Future<Integer> result : results) {
                    assertEquals(2_000, result.get(30, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closeClosesThePluginClassLoadersOnce() throws Exception {
        Path folder = dir.resolve("plugins");
        TestPluginJars.jar(folder.resolve("a.jar"))
                .source("com.a.AProvider", TestPluginJars.provider("com.a.AProvider").named("a_penalty").code())
                .source("com.a.NeverLoaded", "package com.a; public class NeverLoaded { }")
                .services("com.a.AProvider")
                .build();
        PluginRegistry registry = PluginRegistry.load(ClassLoader.getPlatformClassLoader(), List.of(folder));
        ClassLoader loader = registry.find("a_penalty").orElseThrow().provider().getClass().getClassLoader();
        assertEquals(List.of(loader), registry.pluginLoaders());
        assertNotNull(loader.getResource(SERVICES), "open before close");

        registry.close();

        assertNull(loader.getResource(SERVICES), "a closed URLClassLoader finds no resources");
        assertThrows(ClassNotFoundException.class, () -> loader.loadClass("com.a.NeverLoaded"));
        registry.close();   // a second close does nothing
        assertTrue(registry.find("a_penalty").isPresent(), "lookups still answer after close");
    }

    @Test
    void jarsThatContributeNothingHaveTheirLoadersClosedAtOnce() {
        Path folder = dir.resolve("plugins");
        TestPluginJars.goodJar(folder.resolve("a.jar"), "com.a.SameProvider", "same");
        TestPluginJars.jar(folder.resolve("b.jar"))
                .source("com.b.SameProvider", TestPluginJars.provider("com.b.SameProvider").named("same").code())
                .services("com.b.SameProvider")
                .build();

        try (PluginRegistry registry = PluginRegistry.load(ClassLoader.getPlatformClassLoader(), List.of(folder))) {
            assertEquals(List.of(folder.resolve("a.jar")), registry.pluginLoaders().stream()
                    .map(PluginClassLoader::jar).collect(java.util.stream.Collectors.toList()));
        }
    }

    private static URLClassLoader classPath(Path... jars) throws Exception {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, PluginRegistryTest.class.getClassLoader());
    }

    private static RegisteredRegularizer fixed(String name, int apiVersion, String... aliases) {
        RegularizerDescriptor descriptor = RegularizerDescriptor.builder(name, Kind.PENALTY)
                .aliases(List.of(aliases)).apiVersion(apiVersion).build();
        return new RegisteredRegularizer(descriptor, new FixedProvider(descriptor), PluginSource.classPath("test"));
    }

    /** A provider built in code, as an embedding application might supply one. */
    static final class FixedProvider implements RegularizerProvider {
        private final RegularizerDescriptor descriptor;

        FixedProvider(RegularizerDescriptor descriptor) {
            this.descriptor = descriptor;
        }

        @Override
        public RegularizerDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public Object create(Arguments arguments) {
            return descriptor.name();
        }
    }
}
