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
 * admission.admit(l2FromPluginJar);     // a problem: "plugins/b.jar: regularizer 'l2' (...) is skipped: ..."
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
            return Optional.of(PluginProblem.of(source, source + ": " + d.name() + " was built against Rein API"
                    + " version " + d.apiVersion() + "; this Rein supports " + ReinApi.supportedRange()
                    + ". Rebuild the plugin against the rein-api of this Rein (API version " + ReinApi.VERSION
                    + ")."));
        }
        for (String key : keys(d)) {
            if (!SpecNames.isValidName(key)) {
                String what = key.equals(d.name()) ? "is named" : "has the alias";
                return Optional.of(PluginProblem.of(source, source + ": " + className(candidate) + " " + what
                        + " '" + key + "', which is not a valid regularizer name. Names and aliases are"
                        + " lower_snake_case: a lower-case letter, then lower-case letters, digits or '_'"
                        + " (e.g. 'group_lasso')."));
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
        String mine = key.equals(loser.name()) ? "name" : "alias";
        String theirs = key.equals(winner.name()) ? "the name" : "an alias";
        return PluginProblem.of(loserSource, loserSource + ": regularizer '" + loser.name() + "' ("
                + className(loser) + ") is skipped: its " + mine + " '" + key + "' is already " + theirs + " of '"
                + winner.name() + "' from " + winner.source().describe() + ", which was found first. Rename one of"
                + " them, or remove one of the two plugins.");
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
