package dev.rein.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.ReinApi;
import dev.rein.api.spi.RegularizerProvider;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin jar sees the JDK, {@code dev.rein.api} and itself; nothing of Rein's runtime, Tribuo or other plugins. */
class PluginIsolationTest {
    @TempDir
    Path dir;

    /** Asks the plugin's own code (its static {@code canLoad}) whether it can load {@code className}. */
    private static String pluginCanLoad(RegisteredRegularizer plugin, String className) throws Exception {
        Method canLoad = plugin.provider().getClass().getMethod("canLoad", String.class);
        return (String) canLoad.invoke(null, className);
    }

    private PluginRegistry twoPlugins() {
        Path folder = dir.resolve("plugins");
        TestPluginJars.goodJar(folder.resolve("a.jar"), "com.a.AProvider", "a_penalty");
        TestPluginJars.goodJar(folder.resolve("b.jar"), "com.b.BProvider", "b_penalty");
        return PluginRegistry.load(ClassLoader.getPlatformClassLoader(), List.of(folder));
    }

    @Test
    void aPluginCannotSeeReinsRuntimeOrTribuo() throws Exception {
        try (PluginRegistry registry = twoPlugins()) {
            RegisteredRegularizer a = registry.find("a_penalty").orElseThrow();
            ClassLoader loader = a.provider().getClass().getClassLoader();

            assertEquals("no", pluginCanLoad(a, "dev.rein.runtime.registry.PluginRegistry"));
            assertEquals("no", pluginCanLoad(a, "org.tribuo.Model"));
            assertThrows(ClassNotFoundException.class,
                    () -> loader.loadClass("dev.rein.runtime.registry.PluginRegistry"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.tribuo.Model"));
            // Both are on the test's own class path, so the "no" above is the plugin loader's doing.
            assertEquals("org.tribuo.Model", Class.forName("org.tribuo.Model").getName());
        }
    }

    @Test
    void aPluginSeesTheJdkAndSharesReinsApiClasses() throws Exception {
        try (PluginRegistry registry = twoPlugins()) {
            RegisteredRegularizer a = registry.find("a_penalty").orElseThrow();
            ClassLoader loader = a.provider().getClass().getClassLoader();

            assertEquals("yes", pluginCanLoad(a, "java.util.List"));
            assertEquals("yes", pluginCanLoad(a, "java.sql.Connection"), "platform modules are visible");
            assertSame(RegularizerProvider.class, loader.loadClass("dev.rein.api.spi.RegularizerProvider"));
            assertSame(ReinApi.class, loader.loadClass("dev.rein.api.ReinApi"));
            assertSame(RegularizerProvider.class, a.provider().getClass().getInterfaces()[0]);
        }
    }

    @Test
    void pluginsCannotSeeEachOther() throws Exception {
        try (PluginRegistry registry = twoPlugins()) {
            RegisteredRegularizer a = registry.find("a_penalty").orElseThrow();
            RegisteredRegularizer b = registry.find("b_penalty").orElseThrow();

            assertNotSame(a.provider().getClass().getClassLoader(), b.provider().getClass().getClassLoader());
            assertEquals("no", pluginCanLoad(a, "com.b.BProvider"));
            assertEquals("no", pluginCanLoad(b, "com.a.AProvider"));
            assertEquals("yes", pluginCanLoad(a, "com.a.AProvider"));
        }
    }

    @Test
    void aCopyOfTheApiInsideAPluginJarIsIgnored() throws Exception {
        Path folder = dir.resolve("plugins");
        // The jar bundles its own dev.rein.api.ReinApi claiming version 99; the plugin must still get Rein's.
        TestPluginJars.jar(folder.resolve("shaded.jar"))
                .source("com.shaded.ShadedProvider", TestPluginJars.provider("com.shaded.ShadedProvider")
                        .named("shaded").code())
                .source("dev.rein.api.ReinApi", "package dev.rein.api; public final class ReinApi {"
                        + " public static final int VERSION = 99; public static int marker() { return 99; } }")
                .services("com.shaded.ShadedProvider")
                .build();

        try (PluginRegistry registry = PluginRegistry.load(ClassLoader.getPlatformClassLoader(), List.of(folder))) {
            ClassLoader loader = registry.find("shaded").orElseThrow().provider().getClass().getClassLoader();
            Class<?> api = loader.loadClass("dev.rein.api.ReinApi");
            assertSame(ReinApi.class, api);
            assertThrows(NoSuchMethodException.class, () -> api.getMethod("marker"));
            assertTrue(loader.getResource("dev/rein/api/ReinApi.class") != null, "the copy is in the jar");
        }
    }
}
