package dev.rein.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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
import java.util.concurrent.atomic.AtomicInteger;
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

        // The blank element between the two is reported (by the property's name) and the folders still load.
        withPluginsProperty(first + File.pathSeparator + " " + File.pathSeparator + second, () -> {
            try (PluginRegistry registry = PluginRegistry.standard(List.of(extra))) {
                assertEquals(List.of("one", "shared", "three", "two"), List.copyOf(registry.names()));
                assertEquals("com.first.SharedProvider",
                        registry.find("shared").orElseThrow().provider().getClass().getName());
                assertEquals(List.of(PluginRegistry.PLUGINS_PROPERTY, loser.toString()), registry.problems().stream()
                        .map(PluginProblem::source).collect(java.util.stream.Collectors.toList()));
            }
        });
    }

    @Test
    void aMalformedReinPluginsValueIsReportedElementByElementAndTheRestLoads() throws Exception {
        String sep = File.pathSeparator;
        Path good = dir.resolve("good");
        TestPluginJars.goodJar(good.resolve("one.jar"), "com.one.OneProvider", "one");
        Path missing = dir.resolve("missing");
        Path file = Files.writeString(dir.resolve("notes.txt"), "not a folder");
        String value = good + sep + sep + "bad\u0000path" + sep + missing + sep + file;
        String shown = good + sep + sep + "bad\\u0000path" + sep + missing + sep + file;
        String reason = assertThrows(InvalidPathException.class, () -> Path.of("bad\u0000path")).getReason();
        String example = good + sep + missing + sep + file;

        withPluginsProperty(value, () -> {
            try (PluginRegistry registry = assertDoesNotThrow(() -> PluginRegistry.standard(List.of()))) {
                assertEquals(List.of("plugin-property-empty", "plugin-property-invalid-path", "plugin-folder-missing",
                        "plugin-folder-not-a-folder"), PluginFolderLoadingTest.tags(registry));
                List<String> messages = PluginFolderLoadingTest.messages(registry);
                String property = "rein.plugins system property \"" + shown + "\"";
                assertContains(messages.get(0), property + ": element 2 is empty", "e.g. \"" + example + "\"");
                assertContains(messages.get(1), property + ": element 3, \"bad\\u0000path\", is not a path",
                        "(" + PluginsProperty.printable(reason) + ")", "e.g. \"" + example + "\"");
                assertContains(messages.get(2), missing + ": plugin folder does not exist (element 4 of the "
                        + property + ")", "correct the rein.plugins system property.");
                assertContains(messages.get(3), file + " is not a folder (element 5 of the " + property + ")");
                assertEquals(List.of("one"), List.copyOf(registry.names()), "the good folder still loads");
            }
        });
    }

    @Test
    void aBadReinPluginsValueNeverBreaksTheSharedRegistry() {
        String sep = File.pathSeparator;
        // Only bad elements, so that whatever the shared registry keeps from this moment names no temporary jar.
        String bad = sep + "bad\u0000path" + sep + dir.resolve("missing");
        PluginRegistry[] seen = new PluginRegistry[2];
        withPluginsProperty(bad, () -> {
            // Before, Path.of threw inside a static initializer: ExceptionInInitializerError now,
            // NoClassDefFoundError at every later use.
            seen[0] = assertDoesNotThrow(PluginRegistry::shared);
            assertEquals(Optional.empty(), seen[0].find("no_such_regularizer"));
            try (PluginRegistry fresh = PluginRegistry.standard(List.of())) {
                assertEquals(List.of(PluginRegistry.PLUGINS_PROPERTY, PluginRegistry.PLUGINS_PROPERTY,
                        dir.resolve("missing").toString()), fresh.problems().stream().map(PluginProblem::source)
                        .collect(java.util.stream.Collectors.toList()));
            }
        });
        withPluginsProperty(null, () -> {
            seen[1] = assertDoesNotThrow(PluginRegistry::shared);
            assertSame(seen[0], seen[1], "one shared registry per JVM");
            assertNotNull(seen[1].names());
            try (PluginRegistry fresh = PluginRegistry.standard(List.of())) {
                assertEquals(List.of(), fresh.problems(), "with the property reset, a fresh registry is clean");
            }
        });
    }

    @Test
    void theFirstSharedCallOfTheJvmWithABadValueWorksAndSoDoLaterOnes() throws Exception {
        // A copy of the registry classes in a class loader of their own: its shared() has never been called, as
        // in a fresh JVM, whatever other tests of this JVM did with the real one.
        URL classes = PluginRegistry.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader fresh = new ChildFirstLoader(classes, PluginRegistry.class.getClassLoader())) {
            Class<?> registryClass = fresh.loadClass(PluginRegistry.class.getName());
            assertTrue(registryClass != PluginRegistry.class, "a separate copy of the class");
            Method shared = registryClass.getMethod("shared");
            Method problems = registryClass.getMethod("problems");
            Object[] seen = new Object[2];
            withPluginsProperty("bad\u0000path", () -> {
                seen[0] = assertDoesNotThrow(() -> shared.invoke(null));
                List<?> found = (List<?>) assertDoesNotThrow(() -> problems.invoke(seen[0]));
                assertEquals(1, found.size());
                assertTrue(found.get(0).toString().contains("element 1, \"bad\\u0000path\", is not a path"),
                        found.get(0).toString());
            });
            withPluginsProperty(null, () -> {
                seen[1] = assertDoesNotThrow(() -> shared.invoke(null), "no NoClassDefFoundError on later use");
                assertSame(seen[0], seen[1]);
            });
        }
    }

    /** Loads Rein's runtime classes from {@code classes} itself, everything else from its parent. */
    private static final class ChildFirstLoader extends URLClassLoader {
        ChildFirstLoader(URL classes, ClassLoader parent) {
            super(new URL[] {classes}, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.rein.runtime.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    @Test
    void aSharedRegistryBuiltWhileThePropertyIsBadKeepsItsProblemsAndStaysUsable() {
        PluginRegistry.SharedRegistry shared = new PluginRegistry.SharedRegistry(PluginRegistry::newShared);
        withPluginsProperty(File.pathSeparator + dir, () -> {
            PluginRegistry first = shared.get();
            assertEquals(1, first.problems().size());
            assertEquals("plugin-property-empty", first.problems().get(0).tag());
            assertTrue(first.problems().get(0).message().contains("rein.plugins system property \""
                    + File.pathSeparator + dir + "\": element 1 is empty"), first.problems().get(0).message());
        });
        withPluginsProperty(null, () -> {
            PluginRegistry again = shared.get();
            assertSame(again, shared.get(), "built once, then the same one");
            assertEquals(1, again.problems().size(), "built at first use, with the property as it was then");
            again.close();
            assertSame(again, shared.get());
        });
    }

    @Test
    void aSharedRegistryWhoseBuildThrowsIsBuiltAgainOnTheNextCall() {
        AtomicInteger builds = new AtomicInteger();
        PluginRegistry built = PluginRegistry.of(List.of(fixed("l2", 1)));
        PluginRegistry.SharedRegistry shared = new PluginRegistry.SharedRegistry(() -> {
            if (builds.incrementAndGet() == 1) {
                throw new IllegalStateException("first build fails");
            }
            return built;
        });

        IllegalStateException e = assertThrows(IllegalStateException.class, shared::get);
        assertEquals("first build fails", e.getMessage());
        assertSame(built, shared.get(), "the failure was not remembered");
        assertSame(built, shared.get());
        assertEquals(2, builds.get());
    }

    @Test
    void manyThreadsAskingAtOnceGetOneSharedRegistryBuiltOnce() throws Exception {
        AtomicInteger builds = new AtomicInteger();
        PluginRegistry.SharedRegistry shared = new PluginRegistry.SharedRegistry(() -> {
            builds.incrementAndGet();
            return PluginRegistry.of(List.of(fixed("l2", 1)));
        });
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<PluginRegistry>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return shared.get();
                }));
            }
            start.countDown();
            PluginRegistry first = results.get(0).get(30, TimeUnit.SECONDS);
            for (Future<PluginRegistry> result : results) {
                assertSame(first, result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, builds.get());
    }

    @Test
    void closingTheSharedRegistryDoesNothing() throws Exception {
        Path folder = dir.resolve("plugins");
        TestPluginJars.jar(folder.resolve("a.jar"))
                .source("com.a.AProvider", TestPluginJars.provider("com.a.AProvider").named("a_penalty").code())
                .source("com.a.NotYetLoaded", "package com.a; public class NotYetLoaded { }")
                .services("com.a.AProvider")
                .build();
        withPluginsProperty(folder.toString(), () -> {
            PluginRegistry shared = PluginRegistry.newShared();
            ClassLoader loader = shared.find("a_penalty").orElseThrow().provider().getClass().getClassLoader();
            assertEquals(List.of(loader), shared.pluginLoaders());

            shared.close();
            try (PluginRegistry alsoClosedBy = shared) {
                assertSame(shared, alsoClosedBy);
            }

            assertNotNull(loader.getResource(SERVICES), "the jar is still open");
            assertEquals("com.a.NotYetLoaded",
                    assertDoesNotThrow(() -> loader.loadClass("com.a.NotYetLoaded")).getName());
            assertTrue(shared.find("a_penalty").isPresent());
            // The shared registry does not close itself, so this test closes the loader that it opened.
            assertDoesNotThrow(() -> ((PluginClassLoader) loader).close());
        });
    }

    @Test
    void theRealSharedRegistrySurvivesClose() {
        PluginRegistry shared = PluginRegistry.shared();
        shared.close();
        shared.close();
        assertSame(shared, PluginRegistry.shared());
        assertEquals(shared.names(), PluginRegistry.shared().names());
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
            assertEquals(List.of("plugin-provider-missing"), PluginFolderLoadingTest.tags(registry));
            assertContains(registry.problems().get(0).message(), "class path: " + SERVICES + " lists com.cp.Absent,"
                    + " but the class path has no such class");
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
        assertEquals(List.of("plugin-duplicate-name", "plugin-api-incompatible"),
                PluginFolderLoadingTest.tags(registry));
        List<String> messages = PluginFolderLoadingTest.messages(registry);
        assertContains(messages.get(0), "class path: test: regularizer 'ridge' (" + FixedProvider.class.getName()
                + ") is skipped: its name 'ridge' is already an alias of 'l2' from class path: test,");
        assertContains(messages.get(1), "class path: test: future was built against Rein API version 99");
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

    /** Runs {@code body} with rein.plugins set to {@code value} ({@code null}: cleared), then restores it. */
    /** {@code message} contains each of {@code fragments}. */
    private static void assertContains(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "'" + fragment + "' not in " + message);
        }
    }

    private static void withPluginsProperty(String value, Runnable body) {
        String before = System.getProperty(PluginRegistry.PLUGINS_PROPERTY);
        try {
            if (value == null) {
                System.clearProperty(PluginRegistry.PLUGINS_PROPERTY);
            } else {
                System.setProperty(PluginRegistry.PLUGINS_PROPERTY, value);
            }
            body.run();
        } finally {
            if (before == null) {
                System.clearProperty(PluginRegistry.PLUGINS_PROPERTY);
            } else {
                System.setProperty(PluginRegistry.PLUGINS_PROPERTY, before);
            }
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
