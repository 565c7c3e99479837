package dev.rein.runtime.network;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.runtime.network.protos.FeedForwardModelProto;
import dev.rein.runtime.network.protos.RegressionOutputProto;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.registry.RegularizerCatalog;
import java.io.Serial;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.impl.ModelDataCarrier;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.regression.Regressor;

/**
 * The Tribuo model a {@link FeedForwardRegressionTrainer} builds: it predicts every regression dimension of the
 * training data with the network in prediction mode (dropout and noise off, batch normalization on its running
 * averages), each output unit mapped back to its dimension's units ({@code μ_k + σ_k · ŷ_k}, where the trainer
 * standardized the targets).
 *
 * <pre>{@code
 * FeedForwardRegressionModel model = trainer.train(train);
 * Regressor y = model.predict(example).getOutput();     // e.g. (price=212000.0,rent=905.5)
 * model.getTopFeatures(5);                             // per dimension without hidden layers, else ALL_OUTPUTS
 * model.getExcuse(example);                            // per dimension: how much removing each feature lowers it
 *
 * model.serializeToFile(Path.of("net.tribuo"));       // Tribuo's protobuf format
 * var loaded = (FeedForwardRegressionModel) Model.deserializeFromFile(Path.of("net.tribuo"));
 * }</pre>
 *
 * <p>As {@link FeedForwardModel}: a layer plugin is kept by its canonical spec term and arrays and bound again when a
 * loaded model first predicts, against {@link PluginRegistry#shared()} or the registry given to {@link #bindLayers};
 * Java serialization works too; predicting is thread safe (one prediction at a time per model).
 */
public final class FeedForwardRegressionModel extends Model<Regressor> {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The version of the protobuf this class writes, and the newest it reads. */
    public static final int CURRENT_VERSION = 0;

    private final NetworkState state;
    private final SquaredErrorHead head;
    private transient FeedForwardNetwork network;

    FeedForwardRegressionModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureMap,
            ImmutableOutputInfo<Regressor> outputInfo, NetworkState state, SquaredErrorHead head) {
        super(name, provenance, featureMap, outputInfo, false);
        this.state = state;
        this.head = head;
    }

    /** The network as plain arrays. */
    NetworkState state() {
        return state;
    }

    /** The regression dimensions in the order of the output units (the output domain's id order). */
    public List<String> dimensions() {
        return List.of(head.names());
    }

    /**
     * Each dimension's target mean {@code μ_k}, in {@link #dimensions()}' order: 0 everywhere when the trainer did not
     * standardize the targets.
     */
    public double[] targetMeans() {
        return head.means();
    }

    /**
     * Each dimension's target scale {@code σ_k}, in {@link #dimensions()}' order: 1 everywhere when the trainer did
     * not standardize the targets, and for a dimension that was constant.
     */
    public double[] targetScales() {
        return head.scales();
    }

    /**
     * Copies of the dense layers' parameters as blocks, {@code layer1.weights} to the output layer, as
     * {@link FeedForwardModel#parameterBlocks()} (the output layer's in standardized units when the targets were).
     */
    public List<ParameterBlock> parameterBlocks() {
        return NetworkExplanations.parameterBlocks(state);
    }

    /** The widths from input to output, e.g. {@code "13-64-2"}. */
    public String shape() {
        return state.shape();
    }

    /** The layer plugins as canonical spec terms with their places: {@code ["dropout(p=0.2) after hidden layer 1"]}. */
    public List<String> layers() {
        return NetworkExplanations.layers(state);
    }

    /**
     * Binds the model's layer plugins against {@code catalog} now, instead of against the shared registry at the first
     * prediction.
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
     * Every regression dimension for {@code example}; features the model does not know are ignored.
     *
     * @throws IllegalArgumentException if the example has none of the model's features (tagged
     *                                  {@code network-no-features})
     */
    @Override
    public synchronized Prediction<Regressor> predict(Example<Regressor> example) {
        FeedForwardNetwork net = network();
        int used = NetworkExplanations.fillInput(net, featureIDMap, example);
        return head.predict(net.predict(1), 0, used, example);
    }

    /**
     * The features that weigh most. Without hidden layers the model is linear in each dimension: per dimension, the
     * features by the absolute value of their weight in the dimension's own units ({@code σ_k · w}; the signed value
     * is reported), and the intercept ({@code μ_k + σ_k · b}) as {@link Model#BIAS_FEATURE}, as in Tribuo's linear
     * regression. With hidden layers, under {@link Model#ALL_OUTPUTS}: each feature by the L2 norm of its column of the
     * first weight matrix (there is no weight per dimension to rank by).
     *
     * <pre>{@code
     * linear.getTopFeatures(1);   // {"price": [(rooms, 31000.0)], "rent": [(area, 4.2)]}
     * }</pre>
     *
     * @param n how many per list; all of them when negative
     */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return NetworkExplanations.topFeatures(state, featureIDMap, head, n);
    }

    /**
     * Why the network predicted what it did: for each dimension, each of the example's features with how much that
     * dimension's prediction (in its own units) falls when the feature is taken out of the example (set to zero),
     * largest first. As for {@link FeedForwardModel#getExcuse}, without hidden layers this is exactly
     * {@code σ_k · weight × value}; with hidden layers features interact and the parts need not add up.
     *
     * <pre>{@code
     * model.getExcuse(example).orElseThrow().excuse("price");   // [(rooms, 62000.0), (age, -8000.0)]
     * }</pre>
     *
     * @throws IllegalArgumentException if the example has none of the model's features (tagged
     *                                  {@code network-no-features})
     */
    @Override
    public synchronized Optional<Excuse<Regressor>> getExcuse(Example<Regressor> example) {
        Prediction<Regressor> prediction = predict(example);
        return Optional.of(new Excuse<>(example, prediction,
                NetworkExplanations.excuse(network(), featureIDMap, example, head)));
    }

    /**
     * This model in Tribuo's protobuf format: a {@code ModelProto} whose data is a {@code FeedForwardModelProto}
     * with its {@code regression} field set (the dimensions, means and scales; see {@code rein-network.proto}).
     */
    @Override
    public ModelProto serialize() {
        ModelDataCarrier<Regressor> carrier = createDataCarrier();
        RegressionOutputProto.Builder output = RegressionOutputProto.newBuilder();
        String[] names = head.names();
        double[] means = head.means();
        double[] scales = head.scales();
        for (int k = 0; k < names.length; k++) {
            output.addDimension(names[k]).addMean(means[k]).addScale(scales[k]);
        }
        FeedForwardModelProto data = FeedForwardModelProto.newBuilder()
                .setMetadata(Any.pack(carrier.serialize()))
                .setNetwork(NetworkProtos.toProto(state))
                .setRegression(output)
                .build();
        return ModelProto.newBuilder()
                .setVersion(CURRENT_VERSION)
                .setClassName(FeedForwardRegressionModel.class.getName())
                .setSerializedData(Any.pack(data))
                .build();
    }

    /**
     * Tribuo's deserialization factory, found by name from {@code Model.deserialize(ModelProto)}: the model that
     * {@link #serialize()} wrote.
     *
     * @param version   the version the model was written with
     * @param className the class name in the {@code ModelProto}
     * @param message   the packed {@code FeedForwardModelProto}
     * @return the model
     * @throws InvalidProtocolBufferException if {@code message} does not hold a {@code FeedForwardModelProto}
     * @throws IllegalStateException          if the version is unknown, or the message does not describe a
     *                                        consistent regression network (tagged {@code network-invalid-proto})
     */
    public static FeedForwardRegressionModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        if (version < 0 || version > CURRENT_VERSION) {
            throw invalid("its version is " + version + " but this Rein reads versions up to " + CURRENT_VERSION
                    + " (a newer Rein wrote it)");
        }
        FeedForwardModelProto proto = message.unpack(FeedForwardModelProto.class);
        if (!proto.hasRegression()) {
            throw invalid("it holds a classification network, which FeedForwardModel reads");
        }
        ModelDataCarrier<?> carrier = ModelDataCarrier.deserialize(proto.getMetadata().unpack(ModelDataProto.class));
        ImmutableOutputInfo<?> outputs = carrier.outputDomain();
        if (outputs.size() == 0 || !(outputs.getOutput(0) instanceof Regressor)) {
            throw invalid("its output domain is not a regression domain");
        }
        @SuppressWarnings("unchecked") // checked above
        ImmutableOutputInfo<Regressor> dimensions = (ImmutableOutputInfo<Regressor>) outputs;
        RegressionOutputProto output = proto.getRegression();
        String[] names = output.getDimensionList().toArray(new String[0]);
        if (!Arrays.equals(names, SquaredErrorHead.dimensionNames(dimensions))) {
            throw invalid("its output units are " + Arrays.toString(names) + " but its output domain's dimensions are "
                    + Arrays.toString(SquaredErrorHead.dimensionNames(dimensions)));
        }
        SquaredErrorHead head;
        try {
            head = new SquaredErrorHead(names, output.getMeanList().stream().mapToDouble(Double::doubleValue)
                    .toArray(), output.getScaleList().stream().mapToDouble(Double::doubleValue).toArray());
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
        NetworkState state = NetworkProtos.fromProto(proto.getNetwork(), carrier.featureDomain().size(),
                dimensions.size());
        return new FeedForwardRegressionModel(carrier.name(), carrier.provenance(), carrier.featureDomain(),
                dimensions, state, head);
    }

    private static IllegalStateException invalid(String problem) {
        return new IllegalStateException(NetworkMessages.invalidProto(problem).toString());
    }

    @Override
    protected FeedForwardRegressionModel copy(String newName, ModelProvenance newProvenance) {
        return new FeedForwardRegressionModel(newName, newProvenance, featureIDMap, outputIDInfo, state, head);
    }
}
