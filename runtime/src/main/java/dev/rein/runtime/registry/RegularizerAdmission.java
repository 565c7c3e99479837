package dev.rein.runtime.registry;

import dev.rein.api.ReinApi;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.SpecNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which found regularizers the registry keeps, in the order they are offered: the first one to claim a
 * name or alias keeps it, and a later one that wants any of its names is skipped with a problem naming both
 * sources. A regularizer built against an unsupported API version, or with a malformed name, is skipped too.
 *
 * <pre>{@code
 * RegularizerAdmission admission = new RegularizerAdmission();
 * admission.admit(l2FromClassPath);     // Optional.empty(): admitted
 * admission.admit(l2FromPluginJar);     // "[plugin-duplicate-name] plugins/b.jar: regularizer 'l2' (...) is ..."
 * }</pre>
 *
 * <p>Not thread-safe: the registry uses one while it is being built and then keeps only the results.
 */
final class RegularizerAdmission {
    private final Map<String, RegisteredRegularizer> byNameOrAlias = new LinkedHashMap<>();
    private final List<RegisteredRegularizer> admitted = new ArrayList<>();

    /** Admits {@code candidate}, or says why not. */
    Optional<PluginProblem> admit(RegisteredRegularizer candidate) {
        RegularizerDescriptor d = candidate.descriptor();
        String source = candidate.source().describe();
        if (!ReinApi.isSupported(d.apiVersion())) {
            return Optional.of(PluginProblem.of(source, RegistryMessages.apiIncompatible(source, d.name(),
                    d.apiVersion(), ReinApi.supportedRange(), ReinApi.VERSION)));
        }
        for (String key : keys(d)) {
            if (!SpecNames.isValidName(key)) {
                return Optional.of(PluginProblem.of(source, RegistryMessages.invalidName(source,
                        className(candidate), key, key.equals(d.name()))));
            }
        }
        for (String key : keys(d)) {
            RegisteredRegularizer holder = byNameOrAlias.get(key);
            if (holder != null) {
                return Optional.of(collision(candidate, holder, key));
            }
        }
        for (String key : keys(d)) {
            byNameOrAlias.put(key, candidate);
        }
        admitted.add(candidate);
        return Optional.empty();
    }

    /** Every admitted regularizer under its name and each alias, in admission order. */
    Map<String, RegisteredRegularizer> byNameOrAlias() {
        return byNameOrAlias;
    }

    /** The admitted regularizers, in admission order. */
    List<RegisteredRegularizer> admitted() {
        return admitted;
    }

    private static PluginProblem collision(RegisteredRegularizer loser, RegisteredRegularizer winner, String key) {
        String loserSource = loser.source().describe();
        return PluginProblem.of(loserSource, RegistryMessages.duplicateName(loserSource, loser.name(),
                className(loser), key.equals(loser.name()), key, key.equals(winner.name()), winner.name(),
                winner.source().describe()));
    }

    /** The name, then the aliases, without repeats. */
    private static Set<String> keys(RegularizerDescriptor d) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(d.name());
        keys.addAll(d.aliases());
        return keys;
    }

    private static String className(RegisteredRegularizer r) {
        return r.provider().getClass().getName();
    }
}
