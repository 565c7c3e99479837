package dev.rein.runtime.network;

import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.NamedArray;
import dev.rein.api.hook.Phase;
import dev.rein.runtime.spec.BoundTerm;
import java.util.List;
import java.util.random.RandomGenerator;

/** An {@link ActivationRegularizer} plugin (dropout, noise) as a step of the network. */
final class ActivationRegularizerOp extends PluginOp {
    private final ActivationRegularizer hook;

    ActivationRegularizerOp(BoundTerm term, int position, int width) {
        super(term, position, width);
        this.hook = term.hook(ActivationRegularizer.class);
    }

    @Override
    public void forward(double[] in, double[] out, int batch, Phase phase, RandomGenerator random) {
        hook.forward(in, out, batch, width, phase, random);
    }

    @Override
    public void backward(double[] in, double[] out, double[] gradOut, double[] gradIn, int batch) {
        hook.backward(gradOut, gradIn, batch, width);
    }

    @Override
    List<NamedArray> savedArrays() {
        return List.of();
    }
}
