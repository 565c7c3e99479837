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
 * PluginFolderScanner.scan(Path.of("plugins"), RegularizerProvider.class.getClassLoader(), discoveries);
 * // discoveries.found(...): the providers of a.jar, then of b.jar, ...
 * // discoveries.problem(...): e.g. "[plugin-jar-no-services] plugins/notes.jar has no META-INF/services/...; ..."
 * // discoveries.loader(...): one per jar that could be opened; the registry closes them
 * }</pre>
 *
 * <p>Before a jar gets a class loader it is opened once to check that it is a readable jar that lists providers,
 * so that those two common mistakes get their own message. A folder that holds files or folders but no jar (a
 * source tree given by mistake, or jars one folder too deep) is reported too; an empty folder is not.
 */
final class PluginFolderScanner {
    private PluginFolderScanner() {
    }

    /** Reports the folder's providers, problems and jar loaders to {@code discoveries}, jar by jar. */
    static void scan(Path folder, ClassLoader apiLoader, Discoveries discoveries) {
        scan(folder, "", apiLoader, discoveries);
    }

    /**
     * Like {@link #scan(Path, ClassLoader, Discoveries)}, for a folder named by {@code origin} (e.g. "element 2 of
     * the rein.plugins system property ..."), which a problem with the folder itself quotes; empty for none.
     */
    static void scan(Path folder, String origin, ClassLoader apiLoader, Discoveries discoveries) {
        for (Path jar : jarsIn(folder, origin, discoveries)) {
            Optional<PluginProblem> unusable = checkJar(jar);
            if (unusable.isPresent()) {
                discoveries.problem(unusable.get());
                continue;
            }
            PluginClassLoader loader = new PluginClassLoader(jar, apiLoader);
            discoveries.loader(loader);
            ProviderScanner.forPluginJar(loader).scan(discoveries);
        }
    }

    /**
     * The {@code *.jar} files directly in {@code folder}, sorted by file name so that the order is repeatable;
     * none, with a problem added, when the folder cannot be listed.
     */
    private static List<Path> jarsIn(Path folder, String origin, Discoveries problems) {
        if (!Files.exists(folder)) {
            problems.problem(PluginProblem.of(folder.toString(), RegistryMessages.folderMissing(folder, origin)));
            return List.of();
        }
        if (!Files.isDirectory(folder)) {
            problems.problem(PluginProblem.of(folder.toString(), RegistryMessages.notAFolder(folder, origin)));
            return List.of();
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(folder)) {
            entries = listing.sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .collect(Collectors.toList());
        } catch (IOException | RuntimeException e) {
            problems.problem(PluginProblem.of(folder.toString(),
                    RegistryMessages.folderUnlistable(folder, ProviderScanner.describe(e), origin), e));
            return List.of();
        }
        List<Path> jars = entries.stream().filter(PluginFolderScanner::isJar).collect(Collectors.toList());
        if (jars.isEmpty() && !entries.isEmpty()) {
            // Not an empty plugin folder waiting for jars but some other folder, e.g. a source tree.
            problems.problem(PluginProblem.of(folder.toString(), RegistryMessages.folderWithoutJars(folder,
                    names(entries), names(nestedJars(entries)), origin)));
        }
        return jars;
    }

    private static boolean isJar(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar") && Files.isRegularFile(p);
    }

    /** Jars one folder further down, which are not read: a hint for the message. */
    private static List<Path> nestedJars(List<Path> entries) {
        List<Path> nested = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                try (Stream<Path> inner = Files.list(entry)) {
                    inner.filter(PluginFolderScanner::isJar).sorted().forEach(nested::add);
                } catch (IOException | RuntimeException e) {
                    // Only a hint: a folder that cannot be listed adds none.
                }
            }
        }
        return nested;
    }

    /** At most a few names, relative to the scanned folder, for a message. */
    private static List<String> names(List<Path> paths) {
        return paths.stream().limit(5).map(p -> p.getParent().getFileName() + "/" + p.getFileName())
                .collect(Collectors.toList());
    }

    /** Why {@code jar} cannot be a plugin, if it cannot: unreadable, or no provider listed. */
    private static Optional<PluginProblem> checkJar(Path jar) {
        String where = jar.toString();
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry services = file.getJarEntry(ServicesFile.PATH);
            if (services == null) {
                return Optional.of(PluginProblem.of(where, RegistryMessages.noServicesFile(where)));
            }
            if (ServicesFile.parse(file.getInputStream(services)).isEmpty()) {
                return Optional.of(PluginProblem.of(where, RegistryMessages.emptyServicesFile(where)));
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return Optional.of(PluginProblem.of(where, RegistryMessages.unreadableJar(where, why), e));
        }
    }
}
