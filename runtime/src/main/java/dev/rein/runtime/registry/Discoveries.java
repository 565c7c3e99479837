package dev.rein.runtime.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the scanners report while a registry is being built, kept in the order it happens: each found regularizer
 * is admitted (or rejected with a problem) at once, so {@link #problems()} reads in discovery order.
 *
 * <pre>{@code
 * Discoveries discoveries = new Discoveries();
 * ProviderScanner.forClassPath(loader).scan(discoveries);
 * PluginFolderScanner.scan(folder, apiLoader, discoveries);
 * discoveries.admitted();   // the winners, in discovery order
 * }</pre>
 *
 * <p>Not thread-safe: one registry build owns it.
 */
final class Discoveries {
    private final RegularizerAdmission admission = new RegularizerAdmission();
    private final List<PluginProblem> problems = new ArrayList<>();
    private final List<PluginClassLoader> loaders = new ArrayList<>();

    /** A regularizer whose descriptor could be read; admitted unless its version, names or a rival say no. */
    void found(RegisteredRegularizer regularizer) {
        admission.admit(regularizer).ifPresent(problems::add);
    }

    void problem(PluginProblem problem) {
        problems.add(problem);
    }

    /** A plugin jar's loader, to be closed with the registry (or at once if none of its regularizers wins). */
    void loader(PluginClassLoader loader) {
        loaders.add(loader);
    }

    List<RegisteredRegularizer> admitted() {
        return admission.admitted();
    }

    Map<String, RegisteredRegularizer> byNameOrAlias() {
        return admission.byNameOrAlias();
    }

    List<PluginProblem> problems() {
        return problems;
    }

    List<PluginClassLoader> loaders() {
        return loaders;
    }
}
