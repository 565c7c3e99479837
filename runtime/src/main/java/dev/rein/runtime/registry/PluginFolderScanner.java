package dev.rein.runtime.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads every {@code *.jar} directly inside one plugin folder, in file-name order, each through its own
 * {@link PluginClassLoader}:
 *
 * <pre>{@code
 * PluginFolderScanner.Result r = PluginFolderScanner.scan(Path.of("plugins"), RegularizerProvider.class.getClassLoader());
 * r.found();      // the providers of a.jar, then of b.jar, ...
 * r.problems();   // e.g. "plugins/notes.jar has no META-INF/services/...; it was probably not compiled with ..."
 * r.loaders();    // one per jar that could be opened; the caller closes them
 * }</pre>
 *
 * <p>Before a jar gets a class loader it is opened once to check that it is a readable jar that lists providers,
 * so that those two common mistakes get their own message.
 */
final class PluginFolderScanner {
    /** What one folder offered, in file-name order. */
    record Result(List<PluginClassLoader> loaders, List<RegisteredRegularizer> found, List<PluginProblem> problems) {
        Result {
            loaders = List.copyOf(loaders);
            found = List.copyOf(found);
            problems = List.copyOf(problems);
        }
    }

    private PluginFolderScanner() {
    }

    static Result scan(Path folder, ClassLoader apiLoader) {
        List<PluginClassLoader> loaders = new ArrayList<>();
        List<RegisteredRegularizer> found = new ArrayList<>();
        List<PluginProblem> problems = new ArrayList<>();
        for (Path jar : jarsIn(folder, problems)) {
            Optional<PluginProblem> unusable = checkJar(jar);
            if (unusable.isPresent()) {
                problems.add(unusable.get());
                continue;
            }
            PluginClassLoader loader = new PluginClassLoader(jar, apiLoader);
            loaders.add(loader);
            ProviderScanner.Result scanned = ProviderScanner.forPluginJar(loader).scan();
            found.addAll(scanned.found());
            problems.addAll(scanned.problems());
        }
        return new Result(loaders, found, problems);
    }

    /**
     * The {@code *.jar} files directly in {@code folder}, sorted by file name so that the order is repeatable;
     * none, with a problem added, when the folder cannot be listed.
     */
    private static List<Path> jarsIn(Path folder, List<PluginProblem> problems) {
        if (!Files.exists(folder)) {
            problems.add(PluginProblem.of(folder.toString(), folder + ": plugin folder does not exist. Create it,"
                    + " or correct the path given with --plugins or the rein.plugins system property."));
            return List.of();
        }
        if (!Files.isDirectory(folder)) {
            problems.add(PluginProblem.of(folder.toString(), folder + " is not a folder. Give the folder that"
                    + " holds the plugin jars, not a file."));
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        } catch (IOException | RuntimeException e) {
            problems.add(PluginProblem.of(folder.toString(), folder + ": cannot list the plugin folder ("
                    + ProviderScanner.describe(e) + "). Check that Rein may read it.", e));
            return List.of();
        }
    }

    /** Why {@code jar} cannot be a plugin, if it cannot: unreadable, or no provider listed. */
    private static Optional<PluginProblem> checkJar(Path jar) {
        String where = jar.toString();
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry services = file.getJarEntry(ServicesFile.PATH);
            if (services == null) {
                return Optional.of(PluginProblem.of(where, where + " has no " + ServicesFile.PATH + ", so it offers"
                        + " no regularizers; it was probably not compiled with rein-processor. Build it with"
                        + " rein-processor as an annotation processor (or write the services file by hand)."));
            }
            if (ServicesFile.parse(file.getInputStream(services)).isEmpty()) {
                return Optional.of(PluginProblem.of(where, where + ": " + ServicesFile.PATH + " lists no provider"
                        + " classes, so the jar offers no regularizers. Rebuild it with rein-processor."));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of(PluginProblem.of(where, where + " is not a readable jar (" + why + "). Replace it"
                    + " with a jar built from the plugin's sources, or remove it from the folder.", e));
        }
    }
}
