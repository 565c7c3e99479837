package dev.rein.runtime.registry;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Looks regularizers up by name: what a spec needs from a registry. {@link PluginRegistry} is the real one; a test
 * or an embedding application can supply a fixed set instead:
 *
 * <pre>{@code
 * RegularizerCatalog catalog = RegularizerCatalog.of(List.of(l1, l2));
 * catalog.find("ridge");   // l2, through its alias
 * }</pre>
 */
public interface RegularizerCatalog {
    /** The regularizer called {@code nameOrAlias}, if one is known. */
    Optional<RegisteredRegularizer> find(String nameOrAlias);

    /** Every name and alias known, for "did you mean" suggestions. */
    Collection<String> names();

    /**
     * A catalog of exactly {@code regularizers}, in the given order; the first of two with the same name or alias
     * wins.
     */
    static RegularizerCatalog of(Collection<RegisteredRegularizer> regularizers) {
        Map<String, RegisteredRegularizer> byName = new LinkedHashMap<>();
        for (RegisteredRegularizer r : regularizers) {
            byName.putIfAbsent(r.name(), r);
            for (String alias : r.descriptor().aliases()) {
                byName.putIfAbsent(alias, r);
            }
        }
        Map<String, RegisteredRegularizer> fixed = Collections.unmodifiableMap(byName);
        return new RegularizerCatalog() {
            @Override
            public Optional<RegisteredRegularizer> find(String nameOrAlias) {
                return Optional.ofNullable(fixed.get(nameOrAlias));
            }

            @Override
            public Collection<String> names() {
                return fixed.keySet();
            }
        };
    }
}
