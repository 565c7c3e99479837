package dev.rein.runtime.registry;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The class loader of one plugin jar. Its only link to Rein is the API: a class named {@code dev.rein.api.*}
 * comes from the loader that loaded {@link dev.rein.api.spi.RegularizerProvider}, so the plugin's provider is a
 * {@code RegularizerProvider} Rein can call; every other class comes from the JDK (the platform loader) and then
 * from the jar itself.
 *
 * <pre>{@code
 * PluginClassLoader loader = new PluginClassLoader(Path.of("plugins/cauchy.jar"), RegularizerProvider.class.getClassLoader());
 * loader.loadClass("dev.rein.api.spi.RegularizerProvider") == RegularizerProvider.class;   // shared
 * loader.loadClass("org.tribuo.Model");                                 // ClassNotFoundException
 * loader.loadClass("dev.rein.runtime.registry.PluginRegistry");         // ClassNotFoundException
 * }</pre>
 *
 * <p>So a plugin cannot reach Rein's runtime, Tribuo or another plugin, and two plugins may bundle different
 * versions of the same library without a clash.
 */
final class PluginClassLoader extends URLClassLoader {
    private static final String API_PREFIX = "dev.rein.api.";

    static {
        registerAsParallelCapable();
    }

    private final Path jar;
    private final ClassLoader apiLoader;

    /**
     * @param jar       the plugin jar
     * @param apiLoader the loader that defines {@code dev.rein.api}, normally
     *                  {@code RegularizerProvider.class.getClassLoader()}
     */
    PluginClassLoader(Path jar, ClassLoader apiLoader) {
        super("rein-plugin:" + jar.getFileName(), new URL[] {toUrl(jar)}, ClassLoader.getPlatformClassLoader());
        this.jar = jar;
        this.apiLoader = Objects.requireNonNull(apiLoader, "apiLoader");
    }

    /** The jar this loader reads. */
    Path jar() {
        return jar;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(API_PREFIX)) {
            // Delegating first means a plugin that bundles its own copy of the API still shares Rein's.
            return apiLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(RegistryMessages.jarUrl(jar).toString(), e);
        }
    }

    @Override
    public String toString() {
        return getName() + " (" + jar + ")";
    }
}
