package dev.rein.runtime.network;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.hook.Role;
import dev.rein.runtime.network.protos.FeedForwardModelProto;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.registry.RegularizerCatalog;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * The Tribuo model a {@link FeedForwardTrainer} builds: it predicts label probabilities with the network in prediction
 * mode (dropout and noise off, batch normalization on its running averages).
 *
 * <pre>{@code
 * FeedForwardModel model = trainer.train(train);
 * Prediction<Label> p = model.predict(example);                 // p.getOutputScores(): a probability per label
 * model.getTopFeatures(5);                                       // {"ALL_OUTPUTS": [(pixel412, 3.1), ...]}
 * }</pre>
 *
 * <p>The model keeps its network as plain arrays ({@link NetworkState}); a layer plugin is kept by its canonical
 * spec term and named arrays. A freshly trained model predicts with the plugins its spec was bound to; a loaded one
 * binds the terms again when it first predicts, against
 * {@link PluginRegistry#shared()} (the class path and the {@code rein.plugins} folders), or against the registry given
 * to {@link #bindLayers}: a layer from a plugin jar loads when that jar's folder is given.
 *
 * <p>Tribuo's protobuf format saves and loads it, with {@code rein-runtime} on the class path (Tribuo finds the model
 * class by name):
 *
 * <pre>{@code
 * model.serializeToFile(Path.of("net.tribuo"));
 * var loaded = (FeedForwardModel) Model.deserializeFromFile(Path.of("net.tribuo"));
 * loaded.predict(example);                  // the same scores, bit for bit; the same provenance
 *
 * // A layer from a plugin jar: bind it against a registry that has the jar's folder (or set rein.plugins).
 * try (PluginRegistry registry = PluginRegistry.standard(List.of(Path.of("plugins")))) {
 *     loaded.bindLayers(registry);
 *     loaded.predict(example);
 * }
 * }</pre>
 *
 * <p>Java serialization works too.
 *
 * <p>Predicting is thread safe (one prediction at a time per model).
 */
public final class FeedForwardModel extends Model<Label> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The version of the protobuf this class writes, and the newest it reads. */
    public static final int CURRENT_VERSION = 0;

    private final NetworkState state;
    private transient FeedForwardNetwork network;

    FeedForwardModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureMap,
            ImmutableOutputInfo<Label> outputInfo, NetworkState state) {
        super(name, provenance, featureMap, outputInfo, true);
        this.state = state;
    }

    /** The network as plain arrays. */
    NetworkState state() {
        return state;
    }

    /**
     * Copies of the dense layers' parameters as blocks: {@code layer1.weights} ({@link Role#WEIGHT},
     * {@code [units × inputs]}), {@code layer1.bias} ({@link Role#BIAS}), and so on to the output layer, e.g. to
     * measure a penalty or count exact zeros.
     */
    public List<ParameterBlock> parameterBlocks() {
        List<ParameterBlock> out = new ArrayList<>();
        for (int i = 0; i < state.weights().length; i++) {
            double[][] w = state.weights()[i];
            int columns = w.length == 0 ? 0 : w[0].length;
            double[] flat = new double[w.length * columns];
            for (int r = 0; r < w.length; r++) {
                System.arraycopy(w[r], 0, flat, r * columns, columns);
            }
            out.add(new ParameterBlock("layer" + (i + 1) + ".weights", Role.WEIGHT, w.length, columns, flat));
            double[] b = state.biases()[i].clone();
            out.add(new ParameterBlock("layer" + (i + 1) + ".bias", Role.BIAS, b.length, 1, b));
        }
        return out;
    }

    /** The widths from input to output, e.g. {@code "784-256-128-10"}. */
    public String shape() {
        return state.shape();
    }

    /** The layer plugins as canonical spec terms, in network order: {@code ["dropout(p=0.2, after=1)"]}. */
    public List<String> layers() {
        List<String> out = new ArrayList<>();
        for (SavedLayer l : state.layers()) {
            out.add(l.term() + " after hidden layer " + l.position());
        }
        return out;
    }

    /**
     * Binds the model's layer plugins against {@code catalog} now (a registry with the plugin folders the model's
     * layers came from), instead of against the shared registry at the first prediction.
     *
     * @throws IllegalArgumentException if a layer does not bind (tagged {@code network-saved-layer})
     */
    public synchronized void bindLayers(RegularizerCatalog catalog) {
        network = FeedForwardNetwork.restore(state, catalog);
    }

    private FeedForwardNetwork network() {
        if (network == null) {
            network = FeedForwardNetwork.restore(state, PluginRegistry.shared());
        }
        return network;
    }

    /**
     * The probability of each label for {@code example}; features the model does not know are ignored.
     *
     * @throws IllegalArgumentException if the example has none of the model's features (tagged
     *                                  {@code network-no-features})
     */
    @Override
    public synchronized Prediction<Label> predict(Example<Label> example) {
        FeedForwardNetwork net = network();
        double[] x = net.input(1);
        java.util.Arrays.fill(x, 0, net.inputs(), 0.0);
        int used = 0;
        for (Feature f : example) {
            int id = featureIDMap.getID(f.getName());
            if (id >= 0) {
                x[id] = f.getValue();
                used++;
            }
        }
        if (used == 0) {
            throw new IllegalArgumentException(NetworkMessages.noFeatures(featureIDMap.size()).toString());
        }
        double[] p = new double[net.outputs()];
        net.probabilities(1, p);
        Map<String, Label> scores = new LinkedHashMap<>();
        int best = NetworkRun.argmax(p, 0, p.length);
        for (int k = 0; k < p.length; k++) {
            String name = outputIDInfo.getOutput(k).getLabel();
            scores.put(name, new Label(name, p[k]));
        }
        return new Prediction<>(new Label(outputIDInfo.getOutput(best).getLabel(), p[best]), scores, used, example,
                true);
    }

    /**
     * The features that feed the first layer most strongly: each feature's score is the L2 norm of its column of the
     * first weight matrix (a network has no per-label weights to rank by), under {@link Model#ALL_OUTPUTS}; all of
     * them when {@code n} is negative.
     */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        double[][] first = state.weights()[0];
        List<Pair<String, Double>> all = new ArrayList<>();
        for (int k = 0; k < state.inputs(); k++) {
            double squares = 0;
            for (double[] row : first) {
                squares += row[k] * row[k];
            }
            all.add(new Pair<>(featureIDMap.get(k).getName(), Math.sqrt(squares)));
        }
        all.sort(Comparator.comparing((Pair<String, Double> p) -> p.getB()).reversed());
        return Map.of(ALL_OUTPUTS, n < 0 ? all : all.subList(0, Math.min(n, all.size())));
    }

    /** Empty: a network's prediction is not explained by a list of weighted features. */
    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    /**
     * This model in Tribuo's protobuf format: a {@code ModelProto} whose data is a {@code FeedForwardModelProto}
     * (Tribuo's model metadata and the network; see {@code rein-network.proto}).
     */
    @Override
    public ModelProto serialize() {
        ModelDataCarrier<Label> carrier = createDataCarrier();
        FeedForwardModelProto data = FeedForwardModelProto.newBuilder()
                .setMetadata(Any.pack(carrier.serialize()))
                .setNetwork(NetworkProtos.toProto(state))
                .build();
        return ModelProto.newBuilder()
                .setVersion(CURRENT_VERSION)
                .setClassName(FeedForwardModel.class.getName())
                .setSerializedData(Any.pack(data))
                .build();
    }

    /**
     * Tribuo's deserialization factory, found by name from {@code Model.deserialize(ModelProto)}: the model that
     * {@link #serialize()} wrote. Its layer plugins bind when it first predicts (or at {@link #bindLayers}).
     *
     * @param version   the version the model was written with
     * @param className the class name in the {@code ModelProto}
     * @param message   the packed {@code FeedForwardModelProto}
     * @return the model
     * @throws InvalidProtocolBufferException if {@code message} does not hold a {@code FeedForwardModelProto}
     * @throws IllegalStateException          if the version is unknown or the message does not describe a
     *                                        consistent network for a classification model (tagged
     *                                        {@code network-invalid-proto})
     */
    public static FeedForwardModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        if (version < 0 || version > CURRENT_VERSION) {
            throw new IllegalStateException(NetworkMessages.invalidProto("its version is " + version + " but this"
                    + " Rein reads versions up to " + CURRENT_VERSION + " (a newer Rein wrote it)").toString());
        }
        FeedForwardModelProto proto = message.unpack(FeedForwardModelProto.class);
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(proto.getMetadata().unpack(ModelDataProto.class));
        ImmutableOutputInfo<?> outputs = carrier.outputDomain();
        if (outputs.size() == 0 || !(outputs.getOutput(0) instanceof Label)) {
            throw new IllegalStateException(NetworkMessages.invalidProto("its output domain is not a label domain")
                    .toString());
        }
        @SuppressWarnings("unchecked") // checked above
        ImmutableOutputInfo<Label> labels = (ImmutableOutputInfo<Label>) outputs;
        NetworkState state = NetworkProtos.fromProto(proto.getNetwork(), carrier.featureDomain().size(),
                labels.size());
        return new FeedForwardModel(carrier.name(), carrier.provenance(), carrier.featureDomain(), labels, state);
    }

    @Override
    protected FeedForwardModel copy(String newName, ModelProvenance newProvenance) {
        return new FeedForwardModel(newName, newProvenance, featureIDMap, outputIDInfo, state);
    }
}
