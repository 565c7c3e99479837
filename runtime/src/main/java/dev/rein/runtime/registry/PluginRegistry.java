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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * <p>Immutable once built, and safe to share between threads. {@link #close()} closes the plugin jars' class
 * loaders; regularizers already created keep working, but a plugin class not loaded yet can no longer be.
 */
public final class PluginRegistry implements RegularizerCatalog, AutoCloseable {
    /** The system property that lists plugin folders, separated by {@link File#pathSeparator}. */
    public static final String PLUGINS_PROPERTY = "rein.plugins";

    private final Map<String, RegisteredRegularizer> byNameOrAlias;
    private final List<RegisteredRegularizer> all;
    private final Collection<String> names;
    private final List<PluginProblem> problems;
    private final List<PluginClassLoader> loaders;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PluginRegistry(Map<String, RegisteredRegularizer> byNameOrAlias, List<RegisteredRegularizer> all,
            List<PluginProblem> problems, List<PluginClassLoader> loaders) {
        this.byNameOrAlias = Collections.unmodifiableMap(new LinkedHashMap<>(byNameOrAlias));
        this.all = List.copyOf(all);
        this.names = Collections.unmodifiableSortedSet(new TreeSet<>(byNameOrAlias.keySet()));
        this.problems = List.copyOf(problems);
        this.loaders = List.copyOf(loaders);
    }

    /**
     * The registry of what {@code discoveries} admitted; the loaders of jars none of whose regularizers was
     * admitted are closed at once, as nothing will use them.
     */
    private static PluginRegistry assemble(Discoveries discoveries) {
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
        return new PluginRegistry(discoveries.byNameOrAlias(), sorted, discoveries.problems(), used);
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
        for (Path folder : List.copyOf(pluginFolders)) {
            PluginFolderScanner.scan(folder, apiLoader, discoveries);
        }
        return assemble(discoveries);
    }

    /**
     * The registry a Rein application normally uses: the thread's context class loader (or Rein's own) as class
     * path, then the folders of the {@value #PLUGINS_PROPERTY} system property, then {@code extraFolders} (for
     * example from a {@code --plugins} option).
     */
    public static PluginRegistry standard(List<Path> extraFolders) {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        ClassLoader classPath = context != null ? context : PluginRegistry.class.getClassLoader();
        List<Path> folders = new ArrayList<>(foldersFromProperty(System.getProperty(PLUGINS_PROPERTY)));
        folders.addAll(extraFolders);
        return load(classPath, folders);
    }

    /**
     * One {@link #standard standard} registry per JVM, loaded on first use and never closed, for code that is
     * handed a spec without a registry: an OLCUT configuration file naming {@code spec = "l2(lambda=0.1)"}.
     * Plugin folders come from the {@value #PLUGINS_PROPERTY} system property as it is at that first use.
     *
     * <pre>{@code
     * Regularization r = SpecBinder.bind(spec, PluginRegistry.shared());
     * }</pre>
     */
    public static PluginRegistry shared() {
        return SharedHolder.INSTANCE;
    }

    /** Loads the shared registry lazily and thread-safely (the holder idiom). */
    private static final class SharedHolder {
        static final PluginRegistry INSTANCE = standard(List.of());
    }

    /**
     * A registry of exactly {@code regularizers}, for tests and applications that build their own: the same
     * checks apply (API version, names, first of two with one name wins) and {@link #problems()} reports them.
     */
    public static PluginRegistry of(List<RegisteredRegularizer> regularizers) {
        Discoveries discoveries = new Discoveries();
        List.copyOf(regularizers).forEach(discoveries::found);
        return assemble(discoveries);
    }

    /** The folders listed in a {@value #PLUGINS_PROPERTY} value; blank entries are ignored. */
    static List<Path> foldersFromProperty(String value) {
        List<Path> folders = new ArrayList<>();
        if (value == null) {
            return folders;
        }
        for (String entry : value.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (!entry.isBlank()) {
                folders.add(Path.of(entry.trim()));
            }
        }
        return folders;
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
     * Closes the class loaders of the plugin jars. Calling it again does nothing.
     *
     * @throws UncheckedIOException if a jar could not be closed (after trying all of them)
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        UncheckedIOException failure = null;
        for (PluginClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                UncheckedIOException wrapped = new UncheckedIOException("Cannot close plugin jar " + loader.jar(), e);
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
