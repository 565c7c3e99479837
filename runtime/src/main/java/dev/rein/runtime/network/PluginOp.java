package dev.rein.runtime.network;

import dev.rein.api.hook.NamedArray;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.SpecBinder;
import java.util.List;

/**
 * A layer plugin placed in the network: the spec term it came from, after which hidden layer it sits, and what a
 * saved model keeps of it (the term's canonical text and its named arrays).
 */
abstract class PluginOp implements Op {
    private final BoundTerm term;
    private final int position;
    protected final int width;

    PluginOp(BoundTerm term, int position, int width) {
        this.term = term;
        this.position = position;
        this.width = width;
    }

    @Override
    public final int width() {
        return width;
    }

    /** The hidden layer (from 1) this op follows. */
    final int position() {
        return position;
    }

    final BoundTerm term() {
        return term;
    }

    /** The arrays a saved model keeps: learned parameters and state; none for an activation regularizer. */
    abstract List<NamedArray> savedArrays();

    /** What a model file stores for this op. */
    final SavedLayer save() {
        String origin = term.plugin().source().jar().map(j -> j.getFileName().toString()).orElse(null);
        return SavedLayer.of(SpecBinder.canonicalText(term), position, savedArrays(), origin);
    }
}
