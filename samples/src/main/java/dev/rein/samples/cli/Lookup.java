package dev.rein.samples.cli;

import dev.rein.runtime.registry.RegisteredRegularizer;
import dev.rein.runtime.registry.RegularizerCatalog;
import dev.rein.runtime.spec.Suggestions;
import dev.rein.samples.train.UserInputException;
import java.util.List;

/** Finds a regularizer by name for a command, or fails with the nearest known names. */
final class Lookup {
    private Lookup() {
    }

    static RegisteredRegularizer require(RegularizerCatalog catalog, String name) {
        return catalog.find(name).orElseThrow(() -> {
            List<String> near = Suggestions.nearest(name, catalog.names());
            return new UserInputException("No regularizer is called '" + name + "'."
                    + (near.isEmpty() ? "" : " Did you mean " + String.join(", ", near) + "?")
                    + " 'rein list' shows every one; a plugin jar must be in a folder given with --plugins.");
        });
    }
}
