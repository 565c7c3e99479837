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
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;
import org.tribuo.regression.Regressor;

/**
 * A fully connected network for Tribuo regression: the same network, optimisers and regularization as
 * {@link FeedForwardTrainer} (hidden layers with ReLU, tanh or sigmoid; penalties and constraints through the
 * regularization plan; layer plugins such as {@code dropout} and {@code batch_norm}; a stopping rule), with a linear
 * output unit per regression dimension and the squared error as its loss.
 *
 * <pre>{@code
 * Regularization reg = Regularization.of("l2(lambda=1e-4) + early_stopping(patience=5, metric=rmse)",
 *         PluginRegistry.shared());
 * var trainer = new FeedForwardRegressionTrainer(new int[] {64}, Activation.TANH, new ReinAdam(0.01), reg,
 *         200, 32, 1L);
 * FeedForwardRegressionModel model = trainer.train(trainingData);   // validates on a seeded 10 % of it
 * Regressor y = model.predict(example).getOutput();                // every dimension of the training data
 * }</pre>
 *
 * <p><b>Loss.</b> Each step hands the optimiser the gradient of the mini-batch's mean of
 * {@code ½ Σ_k (ŷ_k − t_k)²} (summed over the regression dimensions {@code k}, averaged over the batch's examples),
 * so the output units' gradient is {@code (ŷ − t) / batch}, and the objective is
 * {@code mean ½‖ŷ − t‖² + Σ R(w)} whatever the batch size, as for the classifier.
 *
 * <p><b>Standardized targets</b> (the default, {@code standardizeTargets}): the targets {@code t_k} are the training
 * data's values standardized per dimension, {@code (y_k − μ_k) / σ_k} with the mean and population standard deviation
 * of the examples trained on (after a validation split); a constant dimension keeps {@code σ_k = 1}. The model stores
 * {@code μ} and {@code σ} and predicts {@code μ_k + σ_k ŷ_k}, so dimensions of very different scales train at one
 * learning rate and from the usual initialization. The penalties then act on the standardized problem: for a network
 * without hidden layers and {@code l2(lambda=λ)} the minimiser is still ridge regression with the same {@code λ} in
 * the data's own units (the standardized objective is the original one divided by {@code σ²}), while an L1 strength
 * there equals {@code λσ} in the original units. Set {@code standardizeTargets} to false to train on the raw values
 * ({@code μ = 0, σ = 1}). The features are never rescaled: scale them as for any SGD model.
 *
 * <p>A stopping rule's metric is one of {@code loss} (the training loss above, in standardized units when
 * standardizing), {@code rmse}, {@code mae} (in the targets' units, over every dimension) or {@code r2} (averaged over
 * the dimensions), as for Rein's linear regression trainer. Example weights are not used. As Tribuo's trainers, each
 * {@code train} call advances the trainer's random state, so build a fresh trainer to repeat a run.
 *
 * <p>In an OLCUT configuration:
 *
 * <pre>{@code
 * <component name="mlp" type="dev.rein.runtime.network.FeedForwardRegressionTrainer">
 *   <propertylist name="hiddenLayers"><item>64</item></propertylist>
 *   <property name="spec" value="l2(lambda=1e-4)"/>
 *   <property name="standardizeTargets" value="true"/>
 * </component>
 * }</pre>
 */
public final class FeedForwardRegressionTrainer implements Trainer<Regressor> {
    private static final String NAME = "FeedForwardRegressionTrainer";

    @Config(description = "The widths of the hidden layers, input side first, e.g. 64, 32; none for linear"
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

    @Config(description = "Whether to train on each regression dimension standardized by the training data's mean"
            + " and standard deviation (the model predicts in the original units either way).")
    private boolean standardizeTargets = true;

    @Config(description = "The learning-rate schedule over the run (e.g. a CosineRate over the most epochs); none for"
            + " the optimiser's constant rate.")
    private RateSchedule learningRateSchedule;

    private Regularization regularization = Regularization.none();
    private SplittableRandom rng;
    private int invocationCount;

    /** For OLCUT. */
    private FeedForwardRegressionTrainer() {
    }

    /**
     * A trainer that standardizes the targets.
     *
     * @param hiddenLayers   the hidden layers' widths, input side first (may be empty: linear regression)
     * @param activation     the hidden layers' activation
     * @param optimiser      the optimiser (each run steps a copy)
     * @param regularization the bound spec: penalties, constraints, layer plugins, at most one stopping rule
     * @param epochs         epochs to run; with a stopping rule, the most a run takes
     * @param minibatchSize  examples per step
     * @param seed           seeds everything random
     * @throws IllegalArgumentException if a setting is out of range or the spec does not fit a regression network (a
     *                                  refused penalty mode, a layer position that does not exist, two stopping rules,
     *                                  a classification metric such as {@code accuracy})
     */
    public FeedForwardRegressionTrainer(int[] hiddenLayers, Activation activation,
            StochasticGradientOptimiser optimiser, Regularization regularization, int epochs, int minibatchSize,
            long seed) {
        this.hiddenLayers = hiddenLayers.clone();
        this.activation = Objects.requireNonNull(activation, "activation");
        this.optimiser = Objects.requireNonNull(optimiser, "optimiser");
        this.epochs = epochs;
        this.minibatchSize = minibatchSize;
        this.seed = seed;
        use(Objects.requireNonNull(regularization, "regularization"));
    }

    /** As the constructor above, with {@code spec} bound against {@code registry}. */
    public FeedForwardRegressionTrainer(int[] hiddenLayers, Activation activation,
            StochasticGradientOptimiser optimiser, String spec, PluginRegistry registry, int epochs,
            int minibatchSize, long seed) {
        this(hiddenLayers, activation, optimiser, Regularization.of(spec, registry), epochs, minibatchSize, seed);
    }

    /** The same trainer holding out {@code validationSplit} of the training data for a stopping rule. */
    public FeedForwardRegressionTrainer withValidationSplit(double validationSplit) {
        FeedForwardRegressionTrainer copy = duplicate();
        copy.validationSplit = validationSplit;
        copy.check();
        return copy;
    }

    /**
     * The same trainer training on the raw targets ({@code false}) or on standardized ones ({@code true}, the
     * default); see the class documentation.
     */
    public FeedForwardRegressionTrainer withStandardizedTargets(boolean standardize) {
        FeedForwardRegressionTrainer copy = duplicate();
        copy.standardizeTargets = standardize;
        return copy;
    }

    /**
     * The same trainer with {@code schedule} multiplying the optimiser's rate at each step ({@code null} for the
     * constant rate), as {@link FeedForwardTrainer#withLearningRateSchedule}.
     *
     * @throws IllegalArgumentException if the optimiser's update is not proportional to its rate (tagged
     *                                  {@code network-rate-schedule})
     */
    public FeedForwardRegressionTrainer withLearningRateSchedule(RateSchedule schedule) {
        FeedForwardRegressionTrainer copy = duplicate();
        copy.learningRateSchedule = schedule;
        copy.check();
        return copy;
    }

    private FeedForwardRegressionTrainer duplicate() {
        FeedForwardRegressionTrainer copy = new FeedForwardRegressionTrainer(hiddenLayers, activation, optimiser,
                regularization, epochs, minibatchSize, seed);
        copy.validationSplit = validationSplit;
        copy.standardizeTargets = standardizeTargets;
        copy.learningRateSchedule = learningRateSchedule;
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

    private NetworkSettings settings() {
        return new NetworkSettings(NAME, PredictionTask.REGRESSION, hiddenLayers, activation, optimiser,
                regularization, epochs, minibatchSize, seed, validationSplit, learningRateSchedule);
    }

    /** The bound spec this trainer applies. */
    public Regularization regularization() {
        return regularization;
    }

    /** Whether this trainer standardizes the targets. */
    public boolean standardizesTargets() {
        return standardizeTargets;
    }

    @Override
    public FeedForwardRegressionModel train(Dataset<Regressor> examples) {
        return train(examples, Map.of());
    }

    @Override
    public FeedForwardRegressionModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public FeedForwardRegressionModel train(Dataset<Regressor> examples, Map<String, Provenance> runProvenance,
            int invocationCount) {
        return run(examples, null, runProvenance, invocationCount, EpochListener.NONE);
    }

    /**
     * Trains on {@code examples}, validating a stopping rule on {@code validation} (or, when it is {@code null}, on a
     * seeded split of {@code examples}), and tells {@code listener} about each epoch.
     *
     * @throws dev.rein.runtime.tribuo.TrainingDivergedException if the loss or a parameter stops being finite
     * @throws IllegalArgumentException                          if an example lacks one of the training data's
     *                                                           regression dimensions (tagged
     *                                                           {@code network-missing-dimension})
     */
    public FeedForwardRegressionModel train(Dataset<Regressor> examples, Dataset<Regressor> validation,
            EpochListener listener) {
        return run(examples, validation, Map.of(), INCREMENT_INVOCATION_COUNT, listener);
    }

    private FeedForwardRegressionModel run(Dataset<Regressor> examples, Dataset<Regressor> validation,
            Map<String, Provenance> runProvenance, int invocation, EpochListener listener) {
        SplittableRandom runRandom;
        TrainerProvenance provenance;
        NetworkSettings settings;
        boolean standardize;
        synchronized (this) {
            if (invocation != INCREMENT_INVOCATION_COUNT) {
                setInvocationCount(invocation);
            }
            runRandom = rng.split();
            provenance = getProvenance();
            settings = settings();
            standardize = standardizeTargets;
            invocationCount++;
        }
        return new NetworkRun<>(settings, new RegressionTarget(standardize), runRandom, provenance).train(examples,
                validation, runProvenance, listener);
    }

    /** Regressors: squared error on (standardized) targets, and a {@link FeedForwardRegressionModel}. */
    private record RegressionTarget(boolean standardize) implements NetworkRun.Target<Regressor,
            FeedForwardRegressionModel> {
        @Override
        public NetworkHead<Regressor> head(ImmutableOutputInfo<Regressor> outputInfo,
                List<Example<Regressor>> training) {
            return SquaredErrorHead.fit(outputInfo, training, standardize);
        }

        @Override
        public String modelClass() {
            return FeedForwardRegressionModel.class.getName();
        }

        @Override
        public FeedForwardRegressionModel model(ModelProvenance provenance, ImmutableFeatureMap featureMap,
                ImmutableOutputInfo<Regressor> outputInfo, NetworkState state, NetworkHead<Regressor> head,
                RegularizerCatalog layers) {
            FeedForwardRegressionModel model = new FeedForwardRegressionModel("feed-forward-regression-network",
                    provenance, featureMap, outputInfo, state, (SquaredErrorHead) head);
            model.bindLayers(layers);
            return model;
        }
    }

    @Override
    public synchronized int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException(NetworkMessages.setting(NAME, "invocationCount", count,
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
        String s = settings().toString();
        return s.substring(0, s.length() - 1) + ",standardizeTargets=" + standardizeTargets + ")";
    }
}
