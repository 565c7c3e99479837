package dev.rein.runtime.registry;

import dev.rein.api.spi.RegularizerProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Every regularizer Rein can use, found once: on the class path (the built-ins and anything else listed in
 * {@code META-INF/services/dev.rein.api.spi.RegularizerProvider}) and in plugin folders, where each jar gets a
 * class loader of its own that shares only {@code dev.rein.api} with Rein.
 *
 * <pre>{@code
 * try (PluginRegistry registry = PluginRegistry.standard(List.of(Path.of("plugins")))) {
 *     registry.problems().forEach(p -> System.err.println(p.message()));   // broken jars, by name
 *     RegisteredRegularizer l2 = registry.find("ridge").orElseThrow();     // by name or alias
 *     l2.source().describe();                                              // "built-in"
 *     Object penalty = l2.provider().create(arguments);
 * }
 * }</pre>
 *
 * <p>A bad plugin never stops the others: a folder that does not exist, a jar that is not a jar or lists no
 * providers, a provider that cannot be loaded or created or whose {@code descriptor()} throws, a plugin built
 * against an unsupported API version, a malformed name: each becomes one {@link PluginProblem} and the rest
 * loads. When two regularizers claim one name or alias, the first one found wins and the other is reported with
 * both sources named. "First" is deterministic: the class path, then the folders in the order given, the jars of a
 * folder in file-name order, and the providers of a jar in the order its services file lists them.
 *
 * <p>The folders of the {@value #PLUGINS_PROPERTY} system property are read the same forgiving way: an empty
 * element or one that is not a path is a problem that quotes the property's value, and the other folders still
 * load; building a registry never fails because of the property.
 *
 * <p>Immutable once built, and safe to share between threads. {@link #close()} closes the plugin jars' class
 * loaders; regularizers already created keep working, but a plugin class not loaded yet can no longer be. The
 * {@link #shared()} registry is the exception: it belongs to the whole JVM, and its {@code close()} does nothing.
 */
public final class PluginRegistry implements RegularizerCatalog, AutoCloseable {
    /** The system property that lists plugin folders, separated by {@link File#pathSeparator}. */
    public static final String PLUGINS_PROPERTY = "rein.plugins";

    /** What {@link #shared()} returns: built on first use, never closed. */
    private static final SharedRegistry SHARED = new SharedRegistry(() -> standard(List.of(), true));

    private final Map<String, RegisteredRegularizer> byNameOrAlias;
    private final List<RegisteredRegularizer> all;
    private final Collection<String> names;
    private final List<PluginProblem> problems;
    private final List<PluginClassLoader> loaders;
    private final boolean shared;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PluginRegistry(Map<String, RegisteredRegularizer> byNameOrAlias, List<RegisteredRegularizer> all,
            List<PluginProblem> problems, List<PluginClassLoader> loaders, boolean shared) {
        this.byNameOrAlias = Collections.unmodifiableMap(new LinkedHashMap<>(byNameOrAlias));
        this.all = List.copyOf(all);
        this.names = Collections.unmodifiableSortedSet(new TreeSet<>(byNameOrAlias.keySet()));
        this.problems = List.copyOf(problems);
        this.loaders = List.copyOf(loaders);
        this.shared = shared;
    }

    /**
     * The registry of what {@code discoveries} admitted; the loaders of jars none of whose regularizers was
     * admitted are closed at once, as nothing will use them.
     */
    private static PluginRegistry assemble(Discoveries discoveries, boolean shared) {
        List<RegisteredRegularizer> sorted = new ArrayList<>(discoveries.admitted());
        sorted.sort(Comparator.comparing(RegisteredRegularizer::name));
        List<PluginClassLoader> used = new ArrayList<>();
        for (PluginClassLoader loader : discoveries.loaders()) {
            if (sorted.stream().anyMatch(r -> r.provider().getClass().getClassLoader() == loader)) {
                used.add(loader);
            } else {
                closeQuietly(loader);
            }
        }
        return new PluginRegistry(discoveries.byNameOrAlias(), sorted, discoveries.problems(), used, shared);
    }

    private static void closeQuietly(PluginClassLoader unused) {
        try {
            unused.close();
        } catch (IOException e) {
            // Nothing of this jar is in use; a leaked file handle is all that remains.
        }
    }

    /**
     * Finds the regularizers on {@code classPath} and in the {@code *.jar} files of each of {@code pluginFolders}
     * (not their sub-folders).
     *
     * @param classPath     the loader whose {@code META-INF/services} entries count as the class path
     * @param pluginFolders folders of plugin jars, in priority order
     */
    public static PluginRegistry load(ClassLoader classPath, List<Path> pluginFolders) {
        Objects.requireNonNull(classPath, "classPath");
        Discoveries discoveries = new Discoveries();
        ProviderScanner.forClassPath(classPath).scan(discoveries);
        ClassLoader apiLoader = RegularizerProvider.class.getClassLoader();
        Set<Path> seen = new HashSet<>();
        for (Path folder : List.copyOf(pluginFolders)) {
            if (firstTime(seen, folder)) {
                PluginFolderScanner.scan(folder, apiLoader, discoveries);
            }
        }
        return assemble(discoveries, false);
    }

    /**
     * The registry a Rein application normally uses: the thread's context class loader (or Rein's own) as class
     * path, then the folders of the {@value #PLUGINS_PROPERTY} system property, then {@code extraFolders} (for
     * example from a {@code --plugins} option).
     *
     * <pre>{@code
     * // java -Drein.plugins=/opt/rein/plugins:/home/me/plugins ...   (';' between folders on Windows)
     * try (PluginRegistry registry = PluginRegistry.standard(List.of(Path.of("plugins")))) { ... }
     * }</pre>
     *
     * <p>A malformed property value does not make this throw: an empty element, an element that is not a path
     * (a NUL character, say), a folder that does not exist or a file where a folder belongs each become a
     * {@link #problems() problem} that names the element and quotes the value, and the rest loads.
     */
    public static PluginRegistry standard(List<Path> extraFolders) {
        return standard(extraFolders, false);
    }

    private static PluginRegistry standard(List<Path> extraFolders, boolean shared) {
        List<Path> extra = List.copyOf(extraFolders);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader classPath = context != null ? context : PluginRegistry.class.getClassLoader();
        PluginsProperty property = PluginsProperty.read();
        Discoveries discoveries = new Discoveries();
        ProviderScanner.forClassPath(classPath).scan(discoveries);
        property.problems().forEach(discoveries::problem);
        ClassLoader apiLoader = RegularizerProvider.class.getClassLoader();
        Set<Path> seen = new HashSet<>();
        for (PluginsProperty.Folder folder : property.folders()) {
            if (firstTime(seen, folder.path())) {
                PluginFolderScanner.scan(folder.path(), folder.origin(), apiLoader, discoveries);
            }
        }
        for (Path folder : extra) {
            if (firstTime(seen, folder)) {
                PluginFolderScanner.scan(folder, apiLoader, discoveries);
            }
        }
        return assemble(discoveries, shared);
    }

    /**
     * Whether {@code folder} is not one already scanned (the same folder named twice, or by two paths, would have
     * every plugin in it clash with itself).
     */
    private static boolean firstTime(Set<Path> seen, Path folder) {
        Path same;
        try {
            same = folder.toRealPath();
        } catch (IOException | RuntimeException e) {
            same = folder.toAbsolutePath().normalize();   // missing or unreadable: the scan reports it
        }
        return seen.add(same);
    }

    /**
     * One {@link #standard standard} registry per JVM, loaded on first use, for code that is handed a spec without
     * a registry: an OLCUT configuration file naming {@code spec = "l2(lambda=0.1)"}. Plugin folders come from the
     * {@value #PLUGINS_PROPERTY} system property as it is at that first use; its problems, if any, stay in
     * {@link #problems()}.
     *
     * <pre>{@code
     * Regularization r = SpecBinder.bind(spec, PluginRegistry.shared());
     * PluginRegistry.shared().problems();   // e.g. a rein.plugins folder that does not exist
     * try (PluginRegistry r = PluginRegistry.shared()) { ... }   // harmless: close() does nothing here
     * }</pre>
     *
     * <p>The shared registry cannot be closed: its {@link #close()} does nothing, so that code handed a registry
     * may close it without asking where it came from, and the next caller of {@code shared()} still gets a
     * working one. Code that wants its plugin jars closed builds its own with {@link #standard} and passes it on.
     * If building it fails (it should not: bad plugins and a bad property are problems, not exceptions), the
     * exception reaches the caller and the next call tries again.
     */
    public static PluginRegistry shared() {
        return SHARED.get();
    }

    /**
     * Builds a registry on the first {@link #get()} and returns that one ever after. Unlike a static holder class,
     * a build that throws leaves nothing behind: the exception goes to that caller, and the next call builds
     * again, instead of every later use failing with {@code NoClassDefFoundError}.
     */
    static final class SharedRegistry {
        private final Supplier<PluginRegistry> build;
        private volatile PluginRegistry registry;

        SharedRegistry(Supplier<PluginRegistry> build) {
            this.build = Objects.requireNonNull(build, "build");
        }

        /** The one registry, built now if no earlier call has built it. */
        PluginRegistry get() {
            PluginRegistry built = registry;
            if (built == null) {
                synchronized (this) {
                    built = registry;
                    if (built == null) {
                        built = Objects.requireNonNull(build.get(), "the shared registry's build returned null");
                        registry = built;
                    }
                }
            }
            return built;
        }
    }

    /** A registry built like {@link #shared()}'s, whose {@link #close()} does nothing; for tests. */
    static PluginRegistry newShared() {
        return standard(List.of(), true);
    }

    /**
     * A registry of exactly {@code regularizers}, for tests and applications that build their own: the same
     * checks apply (API version, names, first of two with one name wins) and {@link #problems()} reports them.
     */
    public static PluginRegistry of(List<RegisteredRegularizer> regularizers) {
        Discoveries discoveries = new Discoveries();
        List.copyOf(regularizers).forEach(discoveries::found);
        return assemble(discoveries, false);
    }

    /** The regularizer with this name or alias. Names are exact: {@code "L2"} does not find {@code "l2"}. */
    @Override
    public Optional<RegisteredRegularizer> find(String nameOrAlias) {
        return Optional.ofNullable(byNameOrAlias.get(Objects.requireNonNull(nameOrAlias, "nameOrAlias")));
    }

    /** Every name and alias, sorted. */
    @Override
    public Collection<String> names() {
        return names;
    }

    /** Every regularizer, once each, sorted by name. */
    public List<RegisteredRegularizer> all() {
        return all;
    }

    /** What was skipped and why, in the order it was found. Empty when every plugin loaded. */
    public List<PluginProblem> problems() {
        return problems;
    }

    /**
     * Closes the class loaders of the plugin jars. Calling it again does nothing, and so does calling it on the
     * {@link #shared()} registry, which stays open for the life of the JVM.
     *
     * @throws UncheckedIOException if a jar could not be closed (after trying all of them)
     */
    @Override
    public void close() {
        if (shared || !closed.compareAndSet(false, true)) {
            return;
        }
        UncheckedIOException failure = null;
        for (PluginClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                UncheckedIOException wrapped = new UncheckedIOException(
                        RegistryMessages.jarNotClosed(loader.jar()).toString(), e);
                if (failure == null) {
                    failure = wrapped;
                } else {
                    failure.addSuppressed(wrapped);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The class loaders of the plugin jars that supplied a regularizer, in load order; for tests. */
    List<PluginClassLoader> pluginLoaders() {
        return loaders;
    }

    @Override
    public String toString() {
        return "PluginRegistry" + names + (problems.isEmpty() ? "" : " with " + problems.size() + " problem(s)");
    }
}
