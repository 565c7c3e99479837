package dev.rein.samples.train;

import dev.rein.runtime.network.Activation;
import dev.rein.runtime.network.FeedForwardModel;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.WeightSummary;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;

/**
 * The model a run trains ({@code --model}): Tribuo's linear SGD classifier, or Rein's feed-forward network with its
 * hidden layers and activation. It holds what differs between the two, so that {@code rein train},
 * {@code rein sweep} and {@code rein compare} train either the same way: the defaults, the trainer, and how the
 * trained weights are summarised.
 *
 * <pre>{@code
 * ModelChoice mlp = ModelChoice.network(new int[] {256, 128}, Activation.RELU);
 * mlp.defaultOptimiser();                       // ADAM
 * mlp.defaultLearningRate(OptimiserChoice.ADAM);   // 0.001
 * mlp.defaultBatchSize();                       // 128
 * TrainingResult r = mlp.train(regularization, settings, train, null, test);
 * ModelChoice.LINEAR.trainer(regularization, settings);   // for Tribuo's CrossValidation
 * }</pre>
 */
public final class ModelChoice {
    /** Tribuo's linear SGD classifier (logistic loss): {@code --model linear}, the default. */
    public static final ModelChoice LINEAR = new ModelChoice(null, null);

    /** Adam's step for the network, Keras' and PyTorch's default. */
    private static final double NETWORK_ADAM_RATE = 0.001;
    /** The network's mini-batch, as in the benchmark and Keras' default of 32..128. */
    private static final int NETWORK_BATCH = 128;

    private final int[] layers;
    private final Activation activation;

    private ModelChoice(int[] layers, Activation activation) {
        this.layers = layers;
        this.activation = activation;
    }

    /** Rein's feed-forward network with these hidden layers' widths: {@code --model mlp}. */
    public static ModelChoice network(int[] layers, Activation activation) {
        Objects.requireNonNull(activation, "activation");
        return new ModelChoice(layers.clone(), activation);
    }

    /**
     * The choice the command-line options name.
     *
     * @throws UserInputException for a model other than {@code linear} or {@code mlp}, or an unknown activation
     */
    public static ModelChoice parse(String model, int[] layers, String activation) {
        switch (model) {
            case "linear":
                return LINEAR;
            case "mlp":
                try {
                    return network(layers, Activation.parse(activation));
                } catch (IllegalArgumentException e) {
                    throw new UserInputException("--activation: " + e.getMessage(), e);
                }
            default:
                throw new UserInputException("--model is '" + model + "'; use linear (Tribuo's linear SGD classifier)"
                        + " or mlp (Rein's feed-forward network).");
        }
    }

    /** Whether this is the network. */
    public boolean isNetwork() {
        return layers != null;
    }

    /** The network's hidden layers' widths; empty for the linear model. */
    public int[] layers() {
        return isNetwork() ? layers.clone() : new int[0];
    }

    /** The network's activation; {@code null} for the linear model. */
    public Activation activation() {
        return activation;
    }

    /** Its {@code --model} name. */
    public String cliName() {
        return isNetwork() ? "mlp" : "linear";
    }

    /** The optimiser when {@code --optimiser} is not given: AdaGrad (Tribuo's default) or Adam for the network. */
    public OptimiserChoice defaultOptimiser() {
        return isNetwork() ? OptimiserChoice.ADAM : OptimiserChoice.ADAGRAD;
    }

    /** The learning rate when {@code --learning-rate} is not given. */
    public double defaultLearningRate(OptimiserChoice optimiser) {
        return isNetwork() && optimiser == OptimiserChoice.ADAM ? NETWORK_ADAM_RATE : optimiser.defaultLearningRate();
    }

    /** The mini-batch size when {@code --batch-size} is not given. */
    public int defaultBatchSize() {
        return isNetwork() ? NETWORK_BATCH : 1;
    }

    /**
     * A fresh trainer (its random state untouched), checked against the settings and spec before any data is read.
     *
     * @throws UserInputException with the trainer's message if a check fails
     */
    public Trainer<Label> trainer(Regularization regularization, TrainingSettings settings) {
        return isNetwork() ? NetworkTrainingJob.prepare(regularization, settings, layers, activation).trainer()
                : TrainingJob.prepare(regularization, settings).trainer();
    }

    /**
     * Trains and measures, as {@code rein train} does.
     *
     * @param validation validation data for a stopping rule, or {@code null} to split it off {@code train}
     * @param test       test data, or {@code null}
     * @throws UserInputException if a check fails, training diverges or a plugin fails
     */
    public TrainingResult train(Regularization regularization, TrainingSettings settings, Dataset<Label> train,
            Dataset<Label> validation, Dataset<Label> test) {
        return isNetwork()
                ? NetworkTrainingJob.prepare(regularization, settings, layers, activation).run(train, validation, test,
                        report -> { })
                : TrainingJob.prepare(regularization, settings).run(train, validation, test, fraction -> { });
    }

    /** The penalty, norm and exact zeros of a model this choice trained (biases and normalization excluded). */
    public WeightSummary summary(Model<Label> model, Regularization regularization) {
        if (model instanceof FeedForwardModel network) {
            return WeightSummary.ofBlocks(network.parameterBlocks(), regularization);
        }
        return WeightSummary.of((LinearSGDModel) model, regularization);
    }

    /** What a sweep's report records of the model, so that shards of different models do not merge. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", cliName());
        if (isNetwork()) {
            out.put("layers", Arrays.stream(layers).boxed().toList());
            out.put("activation", activation.name().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }
}
