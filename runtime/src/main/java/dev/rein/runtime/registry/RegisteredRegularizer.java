package dev.rein.runtime.registry;

import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.RegularizerProvider;
import java.util.Objects;

/**
 * A regularizer the registry accepted: its provider, its descriptor (read once) and where it came from.
 *
 * @param descriptor what the provider describes
 * @param provider   builds instances
 * @param source     where it was found
 */
public record RegisteredRegularizer(RegularizerDescriptor descriptor, RegularizerProvider provider,
        PluginSource source) {
    public RegisteredRegularizer {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(source, "source");
    }

    /** Shortcut for {@code descriptor().name()}. */
    public String name() {
        return descriptor.name();
    }
}
