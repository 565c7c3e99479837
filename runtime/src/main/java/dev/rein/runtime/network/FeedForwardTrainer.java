package dev.rein.runtime.network;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.rein.runtime.optim.RateSchedule;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.registry.RegularizerCatalog;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.trainer.EpochListener;
import dev.rein.runtime.tribuo.trainer.PredictionTask;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * A fully connected network for Tribuo classification: hidden layers of the given widths with ReLU, tanh or
 * sigmoid, softmax cross-entropy on the labels, mini-batches in a seeded shuffle, He (ReLU) or Glorot
 * initialization, and any Tribuo {@link StochasticGradientOptimiser} (Rein's {@link ReinAdam} by default).
 * The spec regularizes it as it does the linear trainers: penalties and constraints on each layer's weights through
 * the regularization plan (biases and normalization parameters exempt unless {@code on=all}), a stopping rule on
 * validation data, and layer plugins such as {@code dropout}, {@code gaussian_noise} and {@code batch_norm}, after
 * every hidden layer or after the one {@code after=k} names.
 *
 * <pre>{@code
 * Regularization reg = Regularization.of("dropout(p=0.2) + batch_norm + l2(lambda=1e-5) + early_stopping(patience=3)",
 *         PluginRegistry.shared());
 * var trainer = new FeedForwardTrainer(new int[] {256, 128}, Activation.RELU, new ReinAdam(0.001), reg,
 *         20, 128, 1L);
 * FeedForwardModel model = trainer.train(trainingData);          // validates on a seeded 10 % of it
 * trainer.withLearningRateSchedule(new CosineRate(0.0));          // the same, with the rate annealed to 0
 * model = trainer.train(trainingData, validationData, report -> System.out.println(report));
 * }</pre>
 *
 * <p>Each step hands the optimiser the gradient of the mini-batch's <em>mean</em> loss with example weight 1 (see the
 * package documentation), so a learning rate means the same at every batch size. Example weights are not used.
 * The same data, spec and seed give the same model with the same BLAS (another BLAS, or OpenBLAS on another number
 * of threads, may differ in the last bits). As Tribuo's trainers, each {@code train} call advances the trainer's
 * random state, so build a fresh trainer to repeat a run.
 *
 * <p>In an OLCUT configuration:
 *
 * <pre>{@code
 * <component name="mlp" type="dev.rein.runtime.network.FeedForwardTrainer">
 *   <propertylist name="hiddenLayers"><item>256</item><item>128</item></propertylist>
 *   <property name="spec" value="dropout(p=0.2) + l2(lambda=1e-5)"/>
 *   <property name="learningRateSchedule" value="cosine"/>
 * </component>
 * <component name="cosine" type="dev.rein.runtime.optim.CosineRate">
 *   <property name="minFactor" value="0.0"/>
 * </component>
 * }</pre>
 */
public final class FeedForwardTrainer implements Trainer<Label> {
    @Config(description = "The widths of the hidden layers, input side first, e.g. 256, 128; none for softmax"
            + " regression.")
    private int[] hiddenLayers = {128};

    @Config(description = "The activation of the hidden layers: RELU, TANH or SIGMOID.")
    private Activation activation = Activation.RELU;

    @Config(description = "The optimiser; each run steps a copy, wrapped with the spec's penalties and constraints.")
    private StochasticGradientOptimiser optimiser = new ReinAdam(0.001);

    @Config(description = "The regularization spec, e.g. \"dropout(p=0.2) + l2(lambda=1e-5)\", bound against the"
            + " plugins on the class path and in the rein.plugins folders; none for none.")
    private String spec = "none";

    @Config(description = "Epochs to run; with a stopping rule, the most a run takes.")
    private int epochs = 10;

    @Config(description = "Examples per step.")
    private int minibatchSize = 128;

    @Config(description = "Seeds initialization, shuffling, the layer plugins' randomness and the validation split.")
    private long seed = Trainer.DEFAULT_SEED;

    @Config(description = "The share of the training data held out for a stopping rule when no validation dataset"
            + " is given; strictly between 0 and 1.")
    private double validationSplit = 0.1;

    @Config(description = "The learning-rate schedule over the run (e.g. a CosineRate over the most epochs); none for"
            + " the optimiser's constant rate.")
    private RateSchedule learningRateSchedule;

    private Regularization regularization = Regularization.none();
    private SplittableRandom rng;
    private int invocationCount;

    /** For OLCUT. */
    private FeedForwardTrainer() {
    }

    /**
     * @param hiddenLayers   the hidden layers' widths, input side first (may be empty)
     * @param activation     the hidden layers' activation
     * @param optimiser      the optimiser (each run steps a copy)
     * @param regularization the bound spec: penalties, constraints, layer plugins, at most one stopping rule
     * @param epochs         epochs to run; with a stopping rule, the most a run takes
     * @param minibatchSize  examples per step
     * @param seed           seeds everything random
     * @throws IllegalArgumentException if a setting is out of range or the spec does not fit a network (a refused
     *                                  penalty mode, a layer position that does not exist, two stopping rules)
     */
    public FeedForwardTrainer(int[] hiddenLayers, Activation activation, StochasticGradientOptimiser optimiser,
            Regularization regularization, int epochs, int minibatchSize, long seed) {
        this.hiddenLayers = hiddenLayers.clone();
        this.activation = Objects.requireNonNull(activation, "activation");
        this.optimiser = Objects.requireNonNull(optimiser, "optimiser");
        this.epochs = epochs;
        this.minibatchSize = minibatchSize;
        this.seed = seed;
        use(Objects.requireNonNull(regularization, "regularization"));
    }

    /** As the constructor above, with {@code spec} bound against {@code registry}. */
    public FeedForwardTrainer(int[] hiddenLayers, Activation activation, StochasticGradientOptimiser optimiser,
            String spec, PluginRegistry registry, int epochs, int minibatchSize, long seed) {
        this(hiddenLayers, activation, optimiser, Regularization.of(spec, registry), epochs, minibatchSize, seed);
    }

    /** The same trainer holding out {@code validationSplit} of the training data for a stopping rule. */
    public FeedForwardTrainer withValidationSplit(double validationSplit) {
        FeedForwardTrainer copy = new FeedForwardTrainer(hiddenLayers, activation, optimiser, regularization, epochs,
                minibatchSize, seed);
        copy.validationSplit = validationSplit;
        copy.learningRateSchedule = learningRateSchedule;
        copy.check();
        return copy;
    }

    /**
     * The same trainer with {@code schedule} multiplying the optimiser's rate at each step ({@code null} for the
     * constant rate), e.g. {@code trainer.withLearningRateSchedule(new CosineRate(0.0))}: cosine annealing over the
     * run's most epochs ({@code epochs · ⌈n/minibatchSize⌉} steps, {@code n} the examples trained on).
     *
     * @throws IllegalArgumentException if the optimiser's update is not proportional to its rate (tagged
     *                                  {@code network-rate-schedule}: momentum, averaging, AdaDelta, Pegasos, RDA,
     *                                  FTRL, {@code mode=cumulative})
     */
    public FeedForwardTrainer withLearningRateSchedule(RateSchedule schedule) {
        FeedForwardTrainer copy = new FeedForwardTrainer(hiddenLayers, activation, optimiser, regularization, epochs,
                minibatchSize, seed);
        copy.validationSplit = validationSplit;
        copy.learningRateSchedule = schedule;
        copy.check();
        return copy;
    }

    /** OLCUT calls this after setting the {@code @Config} fields: binds the spec and checks every setting. */
    @Override
    public synchronized void postConfig() {
        use(Regularization.of(spec, PluginRegistry.shared()));
    }

    private void use(Regularization bound) {
        this.regularization = bound;
        this.spec = bound.toSpec();
        check();
        this.rng = new SplittableRandom(seed);
    }

    private void check() {
        settings().check();
    }

    /** The settings a run reads, checked by {@link NetworkSettings#check()}. */
    NetworkSettings settings() {
        return new NetworkSettings("FeedForwardTrainer", PredictionTask.CLASSIFICATION, hiddenLayers, activation,
                optimiser, regularization, epochs, minibatchSize, seed, validationSplit, learningRateSchedule);
    }

    /** The bound spec this trainer applies. */
    public Regularization regularization() {
        return regularization;
    }

    /** The learning-rate schedule, if one is set. */
    public java.util.Optional<RateSchedule> learningRateSchedule() {
        return java.util.Optional.ofNullable(learningRateSchedule);
    }

    @Override
    public FeedForwardModel train(Dataset<Label> examples) {
        return train(examples, Map.of());
    }

    @Override
    public FeedForwardModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public FeedForwardModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance,
            int invocationCount) {
        return run(examples, null, runProvenance, invocationCount, EpochListener.NONE);
    }

    /**
     * Trains on {@code examples}, validating a stopping rule on {@code validation} (or, when it is {@code null}, on a
     * seeded split of {@code examples}), and tells {@code listener} about each epoch.
     *
     * @throws dev.rein.runtime.tribuo.TrainingDivergedException if the loss or a parameter stops being finite
     */
    public FeedForwardModel train(Dataset<Label> examples, Dataset<Label> validation, EpochListener listener) {
        return run(examples, validation, Map.of(), INCREMENT_INVOCATION_COUNT, listener);
    }

    private FeedForwardModel run(Dataset<Label> examples, Dataset<Label> validation,
            Map<String, Provenance> runProvenance, int invocation, EpochListener listener) {
        SplittableRandom runRandom;
        TrainerProvenance provenance;
        synchronized (this) {
            if (invocation != INCREMENT_INVOCATION_COUNT) {
                setInvocationCount(invocation);
            }
            runRandom = rng.split();
            provenance = getProvenance();
            invocationCount++;
        }
        return new NetworkRun<>(settings(), TARGET, runRandom, provenance).train(examples, validation, runProvenance,
                listener);
    }

    /** Labels: softmax cross-entropy, and a {@link FeedForwardModel}. */
    private static final NetworkRun.Target<Label, FeedForwardModel> TARGET = new NetworkRun.Target<>() {
        @Override
        public NetworkHead<Label> head(ImmutableOutputInfo<Label> outputInfo, List<Example<Label>> training) {
            return new SoftmaxHead(outputInfo);
        }

        @Override
        public String modelClass() {
            return FeedForwardModel.class.getName();
        }

        @Override
        public FeedForwardModel model(ModelProvenance provenance, ImmutableFeatureMap featureMap,
                ImmutableOutputInfo<Label> outputInfo, NetworkState state, NetworkHead<Label> head,
                RegularizerCatalog layers) {
            FeedForwardModel model = new FeedForwardModel("feed-forward-network", provenance, featureMap, outputInfo,
                    state);
            model.bindLayers(layers);
            return model;
        }
    };

    @Override
    public synchronized int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException(NetworkMessages.setting("invocationCount", count,
                    "it must be at least 0").toString());
        }
        rng = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            rng.split();
        }
        invocationCount = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return settings().toString();
    }
}
