package dev.rein.runtime.registry;

import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.RegularizerProvider;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Loads the providers one class loader offers through {@link ServiceLoader}, one at a time, so that a bad entry
 * becomes a {@link PluginProblem} and the entries after it still load:
 *
 * <pre>{@code
 * ProviderScanner.forPluginJar(loader).scan(discoveries);
 * // discoveries.found(...): each provider whose descriptor could be read, with the jar as its source
 * // discoveries.problem(...): e.g. "plugins/x.jar: provider com.x.Boom could not be created: its constructor threw ..."
 * }</pre>
 *
 * <p>It does not judge descriptors (names, API versions, duplicates): that is {@link RegularizerAdmission}'s job.
 */
final class ProviderScanner {
    /** Built-in plugins live in this package or below it. */
    static final String BUILT_IN_PACKAGE = "dev.rein.plugins";

    private final ClassLoader loader;
    private final String where;
    private final boolean pluginJar;
    private final Predicate<Class<?>> belongs;
    private final Function<Class<?>, PluginSource> sourceOf;

    private ProviderScanner(ClassLoader loader, String where, boolean pluginJar, Predicate<Class<?>> belongs,
            Function<Class<?>, PluginSource> sourceOf) {
        this.loader = loader;
        this.where = where;
        this.pluginJar = pluginJar;
        this.belongs = belongs;
        this.sourceOf = sourceOf;
    }

    /** Scans the application's class path: built-ins by package, anything else by its code source. */
    static ProviderScanner forClassPath(ClassLoader classPath) {
        return new ProviderScanner(classPath, "class path", false, c -> true, ProviderScanner::classPathSource);
    }

    /** Scans one plugin jar, keeping only providers that its own loader defined. */
    static ProviderScanner forPluginJar(PluginClassLoader loader) {
        PluginSource source = PluginSource.pluginJar(loader.jar());
        return new ProviderScanner(loader, loader.jar().toString(), true, c -> c.getClassLoader() == loader,
                c -> source);
    }

    /** Reports every provider and every problem to {@code discoveries}, in the order ServiceLoader meets them. */
    void scan(Discoveries discoveries) {
        Set<String> listed = ServicesFile.listedIn(loader);
        Iterator<RegularizerProvider> providers = ServiceLoader.load(RegularizerProvider.class, loader).iterator();
        // ServiceLoader moves past a failed entry; this bound only guards against one that fails forever.
        int failuresLeft = listed.size() + 16;
        while (failuresLeft > 0) {
            RegularizerProvider provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                discoveries.problem(diagnose(e, listed));
                failuresLeft--;
                continue;
            } catch (LinkageError e) {
                discoveries.problem(PluginProblem.of(where,
                        RegistryMessages.providerUnloadable(where, describe(e), pluginJar), e));
                failuresLeft--;
                continue;
            }
            if (belongs.test(provider.getClass())) {
                readDescriptor(provider, discoveries);
            }
        }
    }

    /** Reports {@code provider} as found with its descriptor, or a problem when {@code descriptor()} fails. */
    private void readDescriptor(RegularizerProvider provider, Discoveries discoveries) {
        String className = provider.getClass().getName();
        PluginSource source = sourceOf.apply(provider.getClass());
        RegularizerDescriptor descriptor;
        try {
            descriptor = provider.descriptor();
        } catch (RuntimeException | LinkageError e) {
            discoveries.problem(PluginProblem.of(source.describe(),
                    RegistryMessages.descriptorThrew(source.describe(), className, describe(e)), e));
            return;
        }
        if (descriptor == null) {
            discoveries.problem(PluginProblem.of(source.describe(),
                    RegistryMessages.descriptorNull(source.describe(), className)));
            return;
        }
        discoveries.found(new RegisteredRegularizer(descriptor, provider, source));
    }

    /** Turns a {@link ServiceLoader} error into a message about the listed class it concerns. */
    private PluginProblem diagnose(ServiceConfigurationError e, Set<String> listed) {
        String detail = withoutServicePrefix(e.getMessage());
        Optional<String> named = classNamedIn(detail, listed);
        if (named.isEmpty()) {
            return PluginProblem.of(where, RegistryMessages.servicesUnreadable(where, detail), e);
        }
        String className = named.get();
        Class<?> type;
        try {
            type = Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError notThere) {
            return PluginProblem.of(where, RegistryMessages.providerMissing(where, className, pluginJar), e);
        }
        if (!RegularizerProvider.class.isAssignableFrom(type)) {
            return PluginProblem.of(where, RegistryMessages.providerWrongType(where, className), e);
        }
        if (!hasPublicNoArgConstructor(type) || e.getCause() == null) {
            return PluginProblem.of(where, RegistryMessages.providerNotCreatable(where, className, detail), e);
        }
        Throwable thrown = e.getCause() instanceof ExceptionInInitializerError && e.getCause().getCause() != null
                ? e.getCause().getCause() : e.getCause();
        return PluginProblem.of(where, RegistryMessages.providerThrew(where, className, describe(thrown)), e);
    }

    private static boolean hasPublicNoArgConstructor(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return false;
        }
        try {
            return Modifier.isPublic(type.getConstructor().getModifiers());
        } catch (NoSuchMethodException | LinkageError e) {
            return false;
        }
    }

    /** The longest listed class name that appears as a whole word in {@code detail}. */
    private static Optional<String> classNamedIn(String detail, Set<String> listed) {
        String best = null;
        for (String word : detail.split("[\\s:]+")) {
            if (listed.contains(word) && (best == null || word.length() > best.length())) {
                best = word;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String withoutServicePrefix(String message) {
        String prefix = RegularizerProvider.class.getName() + ": ";
        if (message == null) {
            return "no details";
        }
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** {@code "java.lang.IllegalStateException: boom"}, or only the class name when there is no message. */
    static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getName() : t.getClass().getName() + ": " + t.getMessage();
    }

    /** Built-in for {@code dev.rein.plugins..}, otherwise the jar or folder the class was loaded from. */
    static PluginSource classPathSource(Class<?> type) {
        String pkg = type.getPackageName();
        if (pkg.equals(BUILT_IN_PACKAGE) || pkg.startsWith(BUILT_IN_PACKAGE + ".")) {
            return PluginSource.builtIn();
        }
        return PluginSource.classPath(location(type));
    }

    private static String location(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        URL url = code == null ? null : code.getLocation();
        if (url == null) {
            return "unknown location (" + type.getName() + ")";
        }
        try {
            return "file".equals(url.getProtocol()) ? Path.of(url.toURI()).toString() : url.toString();
        } catch (Exception e) {
            return url.toString();
        }
    }
}
