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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
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
 * model.getExcuse(example);                                      // per label: how much removing each feature lowers it
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
    private transient SoftmaxHead head;

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
        return NetworkExplanations.parameterBlocks(state);
    }

    /** The widths from input to output, e.g. {@code "784-256-128-10"}. */
    public String shape() {
        return state.shape();
    }

    /** The layer plugins as canonical spec terms, in network order: {@code ["dropout(p=0.2, after=1)"]}. */
    public List<String> layers() {
        return NetworkExplanations.layers(state);
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

    private SoftmaxHead head() {
        if (head == null) {
            head = new SoftmaxHead(outputIDInfo);
        }
        return head;
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
        int used = NetworkExplanations.fillInput(net, featureIDMap, example);
        return head().predict(net.predict(1), 0, used, example);
    }

    /**
     * The features that weigh most, for each label where the network has per-label weights, else for all labels.
     *
     * <ul>
     *   <li>Without hidden layers (softmax regression) the weights are per label, as in Tribuo's linear models: for each
     *       label, the features by the absolute value of their weight (the signed weight is reported), and the bias
     *       as {@link Model#BIAS_FEATURE}.</li>
     *   <li>With hidden layers, under {@link Model#ALL_OUTPUTS}: each feature's score is the L2 norm of its column of
     *       the first weight matrix, how strongly it feeds the first hidden layer (a feature the network ignores has
     *       a small column; a network has no per-label weight to rank by).</li>
     * </ul>
     *
     * <pre>{@code
     * network.getTopFeatures(3);   // {"ALL_OUTPUTS": [(pixel412, 3.1), (pixel413, 2.9), (pixel385, 2.7)]}
     * softmax.getTopFeatures(2);   // {"cat": [(whiskers, 2.4), (bark, -1.9)], "dog": [(bark, 2.2), (BIAS, 0.8)]}
     * }</pre>
     *
     * @param n how many per list; all of them when negative
     */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return NetworkExplanations.topFeatures(state, featureIDMap, head(), n);
    }

    /**
     * Why the network scored {@code example} as it did: for each label, each of the example's features with how much
     * that label's score (its logit, before softmax) falls when the feature is taken out of the example (set to
     * zero, as a sparse example leaves it out), largest first. The network runs in prediction mode on the example
     * and on each copy with one feature removed, all in one batch, so every layer (batch normalization, a plugin's
     * own) is taken into account exactly.
     *
     * <p>Without hidden layers a score is linear in the features and each contribution is exactly
     * {@code weight × value}, what Tribuo's linear models report (they also list the bias, which is not a feature of
     * the example). With hidden layers the contributions need not add up to the score: features interact.
     *
     * <pre>{@code
     * Excuse<Label> why = model.getExcuse(example).orElseThrow();
     * why.excuse("in");   // [(x1, 2.31), (x0, -0.42)]: removing x1 would lower the score of "in" by 2.31
     * }</pre>
     *
     * @throws IllegalArgumentException if the example has none of the model's features (tagged
     *                                  {@code network-no-features})
     */
    @Override
    public synchronized Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        Prediction<Label> prediction = predict(example);
        return Optional.of(new Excuse<>(example, prediction,
                NetworkExplanations.excuse(network(), featureIDMap, example, head())));
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
        if (proto.hasRegression()) {
            throw new IllegalStateException(NetworkMessages.invalidProto("it holds a regression network, which"
                    + " FeedForwardRegressionModel reads").toString());
        }
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
