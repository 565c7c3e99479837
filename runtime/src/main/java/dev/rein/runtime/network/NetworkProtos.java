package dev.rein.runtime.network;

import dev.rein.runtime.network.protos.ArgumentProto;
import dev.rein.runtime.network.protos.DenseLayerProto;
import dev.rein.runtime.network.protos.NamedArrayProto;
import dev.rein.runtime.network.protos.NetworkProto;
import dev.rein.runtime.network.protos.PluginLayerProto;
import dev.rein.runtime.spec.Spec;
import dev.rein.runtime.spec.SpecArgument;
import dev.rein.runtime.spec.SpecParser;
import dev.rein.runtime.spec.SpecTerm;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link NetworkState} to and from its {@link NetworkProto}: dense layers as row-major arrays, each layer plugin by
 * its registered name, canonical arguments, position and named arrays. Reading checks that the message describes a
 * consistent network before anything is built from it.
 *
 * <pre>{@code
 * NetworkProto proto = NetworkProtos.toProto(model.state());
 * NetworkState same = NetworkProtos.fromProto(proto, features, outputs);   // equal arrays, equal terms
 * }</pre>
 */
final class NetworkProtos {
    private NetworkProtos() {
    }

    static NetworkProto toProto(NetworkState state) {
        NetworkProto.Builder b = NetworkProto.newBuilder()
                .setInputs(state.inputs())
                .setOutputs(state.outputs())
                .setActivation(state.activation().name());
        for (int h : state.hidden()) {
            b.addHidden(h);
        }
        for (int i = 0; i < state.weights().length; i++) {
            double[][] w = state.weights()[i];
            DenseLayerProto.Builder d = DenseLayerProto.newBuilder().setUnits(w.length)
                    .setInputs(w.length == 0 ? 0 : w[0].length);
            for (double[] row : w) {
                for (double v : row) {
                    d.addWeights(v);
                }
            }
            for (double v : state.biases()[i]) {
                d.addBias(v);
            }
            b.addDense(d);
        }
        for (SavedLayer layer : state.layers()) {
            SpecTerm term = SpecParser.parse(layer.term()).terms().get(0);
            PluginLayerProto.Builder p = PluginLayerProto.newBuilder().setName(term.name())
                    .setAfterHiddenLayer(layer.position())
                    .setOrigin(layer.origin() == null ? "" : layer.origin());
            for (SpecArgument a : term.arguments()) {
                p.addArguments(ArgumentProto.newBuilder().setKey(a.key()).setValue(a.value()));
            }
            for (int k = 0; k < layer.names().length; k++) {
                NamedArrayProto.Builder a = NamedArrayProto.newBuilder().setName(layer.names()[k]);
                for (double v : layer.arrays()[k]) {
                    a.addValues(v);
                }
                p.addArrays(a);
            }
            b.addPlugins(p);
        }
        return b.build();
    }

    /**
     * The network {@code proto} describes, for a model of {@code features} inputs and {@code outputs} outputs.
     *
     * @throws IllegalStateException if the message is not a consistent network (tagged {@code network-invalid-proto})
     */
    static NetworkState fromProto(NetworkProto proto, int features, int outputs) {
        int[] hidden = proto.getHiddenList().stream().mapToInt(Integer::intValue).toArray();
        require(proto.getInputs() == features, "it has " + proto.getInputs() + " inputs but its feature domain has "
                + features + " features");
        require(proto.getOutputs() == outputs, "it has " + proto.getOutputs() + " outputs but its output domain has "
                + outputs + (outputs == 1 ? " output" : " outputs"));
        Activation activation;
        try {
            activation = Activation.valueOf(proto.getActivation());
        } catch (IllegalArgumentException e) {
            throw invalid("its activation '" + proto.getActivation() + "' is none of "
                    + Arrays.toString(Activation.values()));
        }
        require(proto.getDenseCount() == hidden.length + 1, "it has " + proto.getDenseCount() + " dense layers for "
                + hidden.length + " hidden layers (there should be one more)");
        double[][][] weights = new double[hidden.length + 1][][];
        double[][] biases = new double[hidden.length + 1][];
        int in = proto.getInputs();
        for (int i = 0; i <= hidden.length; i++) {
            DenseLayerProto d = proto.getDense(i);
            int units = i < hidden.length ? hidden[i] : outputs;
            require(units >= 1 && d.getUnits() == units && d.getInputs() == in, "dense layer " + (i + 1) + " is "
                    + d.getUnits() + " × " + d.getInputs() + " where the shape says " + units + " × " + in);
            require(d.getWeightsCount() == units * in && d.getBiasCount() == units, "dense layer " + (i + 1)
                    + " holds " + d.getWeightsCount() + " weights and " + d.getBiasCount() + " biases for "
                    + units + " × " + in);
            weights[i] = new double[units][in];
            for (int r = 0; r < units; r++) {
                for (int c = 0; c < in; c++) {
                    weights[i][r][c] = d.getWeights(r * in + c);
                }
            }
            biases[i] = d.getBiasList().stream().mapToDouble(Double::doubleValue).toArray();
            in = units;
        }
        SavedLayer[] layers = new SavedLayer[proto.getPluginsCount()];
        for (int k = 0; k < layers.length; k++) {
            PluginLayerProto p = proto.getPlugins(k);
            require(p.getAfterHiddenLayer() >= 1 && p.getAfterHiddenLayer() <= hidden.length, "layer plugin '"
                    + p.getName() + "' sits after hidden layer " + p.getAfterHiddenLayer() + " of " + hidden.length);
            List<SpecArgument> arguments = new ArrayList<>();
            for (ArgumentProto a : p.getArgumentsList()) {
                arguments.add(SpecArgument.of(a.getKey(), a.getValue()));
            }
            String term;
            try {
                term = Spec.of(List.of(new SpecTerm(p.getName(), arguments, 0))).toString();
            } catch (IllegalArgumentException e) {
                throw invalid("layer plugin '" + p.getName() + "' is not a spec term (" + e.getMessage() + ")");
            }
            String[] names = new String[p.getArraysCount()];
            double[][] arrays = new double[names.length][];
            for (int a = 0; a < names.length; a++) {
                names[a] = p.getArrays(a).getName();
                arrays[a] = p.getArrays(a).getValuesList().stream().mapToDouble(Double::doubleValue).toArray();
            }
            layers[k] = new SavedLayer(term, p.getAfterHiddenLayer(), names, arrays,
                    p.getOrigin().isEmpty() ? null : p.getOrigin());
        }
        return new NetworkState(proto.getInputs(), hidden, outputs, activation, weights, biases, layers);
    }

    private static void require(boolean ok, String problem) {
        if (!ok) {
            throw invalid(problem);
        }
    }

    private static IllegalStateException invalid(String problem) {
        return new IllegalStateException(NetworkMessages.invalidProto(problem).toString());
    }
}
