package dev.rein.runtime.tribuo.trainer;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.LabelObjective;
import org.tribuo.classification.sgd.fm.FMClassificationModel;
import org.tribuo.classification.sgd.fm.FMClassificationTrainer;
import org.tribuo.common.sgd.FMParameters;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.common.sgd.SGDObjective;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.ModelProvenance;

/**
 * Tribuo's factorization-machine classifier ({@code org.tribuo.classification.sgd.fm.FMClassificationTrainer}) with a Rein
 * regularization: it wraps its optimiser in a {@link dev.rein.runtime.tribuo.RegularizedOptimiser} and runs the epoch loop itself, for
 * early stopping, divergence checks and progress. The models are Tribuo's own {@code FMClassificationModel}s.
 *
 * <pre>{@code
 * Regularization reg = Regularization.of("l2(lambda=1e-4) + early_stopping(patience=3, metric=accuracy)", registry);
 * var trainer = new RegularizedFMClassificationTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), reg,
 *         50, 1, 42L, 8, 0.1);   // at most 50 epochs, batches of 1, seed 42, 8 factors of variance 0.1
 * FMClassificationModel model = trainer.train(train);            // validates on a seeded 10% of train
 * FMClassificationModel other = trainer.train(train, validation, report -> System.out.println(report));
 * TrainingOutcome.of(model).orElseThrow().bestEpoch();    // e.g. OptionalInt[6]
 * }</pre>
 *
 * <p>Without a stopping rule in the spec the model is bit-identical to the one Tribuo's own trainer builds with
 * the same optimiser (wrapped in a {@code RegularizedOptimiser} with the same spec), epochs, batch size and seed.
 * With one, each epoch ends with the rule's validation metric ({@link ValidationMetric}: {@code accuracy} or
 * {@code loss} here), computed on the validation dataset given, or on a seeded {@code validationSplit} of the
 * training data; {@code epochs} is then the most a run takes.
 *
 * <p>In an OLCUT configuration the spec is a string, bound against the plugins on the class path and in the
 * {@code rein.plugins} folders:
 *
 * <pre>{@code
 * <component name="trainer" type="dev.rein.runtime.tribuo.trainer.RegularizedFMClassificationTrainer">
 *   <property name="optimiser" value="adagrad"/>
 *   <property name="factorizedDimSize" value="8"/>
 *   <property name="variance" value="0.1"/>
 *   <property name="spec" value="l2(lambda=1e-4) + early_stopping(patience=3)"/>
 *   <property name="epochs" value="50"/>
 * </component>
 * }</pre>
 *
 * <p>Refused: sparse examples with {@code minibatchSize > 1}, which Tribuo 4.3.2's {@code FMParameters.merge}
 * cannot merge (see {@link FactorizationMachines}).
 *
 * <p>Thread safety: as Tribuo's trainers, one instance may train several models at once.
 */
public final class RegularizedFMClassificationTrainer extends FMClassificationTrainer {
    private static final String NAME = "RegularizedFMClassificationTrainer";

    @Config(description = "The regularization spec, e.g. \"l2(lambda=1e-4) + early_stopping(patience=5)\", bound"
            + " against the plugins on the class path and in the rein.plugins folders; none for none.")
    private String spec = "none";

    @Config(description = "The share of the training data held out for validation when the spec has a stopping"
            + " rule and train is given no validation dataset; strictly between 0 and 1.")
    private double validationSplit = TrainerChecks.DEFAULT_VALIDATION_SPLIT;

    private final RegularizedTrainerCore<Label, Integer, FMClassificationModel, FMParameters> core =
            new RegularizedTrainerCore<>(NAME, PredictionTask.CLASSIFICATION, this, new Hooks());

    /** As the full constructor, holding out 10% of the training data when the spec has a stopping rule. */
    public RegularizedFMClassificationTrainer(LabelObjective objective, StochasticGradientOptimiser optimiser,
            Regularization regularization, int epochs, int minibatchSize, long seed, int factorizedDimSize, double variance) {
        this(objective, optimiser, regularization, epochs, minibatchSize, seed, factorizedDimSize, variance,
                TrainerChecks.DEFAULT_VALIDATION_SPLIT);
    }

    /**
     * As the constructor above, with {@code spec} bound against {@code registry} (a configuration file binds against
     * {@link PluginRegistry#shared()}).
     *
     * @throws dev.rein.runtime.spec.SpecException if the spec does not parse or bind, with its column
     */
    public RegularizedFMClassificationTrainer(
            LabelObjective objective, StochasticGradientOptimiser optimiser, String spec, PluginRegistry registry,
            int epochs, int minibatchSize, long seed, int factorizedDimSize, double variance) {
        this(objective, optimiser, Regularization.of(spec, registry), epochs, minibatchSize, seed,
                factorizedDimSize, variance);
    }

    /**
     * @param objective       the loss, e.g. {@code new LogMulticlass()}
     * @param optimiser       the Tribuo optimiser to regularize (each run wraps a copy)
     * @param regularization  the bound spec
     * @param epochs          epochs to run; with a stopping rule, the most a run takes
     * @param minibatchSize   examples per step
     * @param seed            seeds initialisation, shuffling and the validation split
     * @param factorizedDimSize the size of each feature's factor vector
     * @param variance        the variance of the factors' random initialisation
     * @param validationSplit the share held out for a stopping rule when no validation dataset is given
     * @throws IllegalArgumentException if a setting is out of range or the spec does not fit this trainer
     */
    public RegularizedFMClassificationTrainer(LabelObjective objective, StochasticGradientOptimiser optimiser,
            Regularization regularization, int epochs, int minibatchSize, long seed, int factorizedDimSize,
            double variance, double validationSplit) {
        super(Objects.requireNonNull(objective, "objective"), optimiser, epochs, -1, minibatchSize, seed,
                factorizedDimSize, variance);
        this.validationSplit = validationSplit;
        this.spec = core.use(regularization, validationSplit).toSpec();
    }

    /** For OLCUT. */
    private RegularizedFMClassificationTrainer() {
        super(new LogMulticlass(), new AdaGrad(1.0, 0.1), 5, -1, 1, Trainer.DEFAULT_SEED, 1, 0.1);
    }

    /** OLCUT calls this after setting the {@code @Config} fields: binds the spec and checks every setting. */
    @Override
    public synchronized void postConfig() {
        super.postConfig();
        if (spec == null) {
            return;   // Tribuo's constructor calls postConfig before this class's fields exist
        }
        spec = core.bind(spec, PluginRegistry.shared(), validationSplit).toSpec();
    }

    /** The bound spec this trainer applies. */
    public Regularization regularization() {
        return core.regularization();
    }

    @Override
    public FMClassificationModel train(Dataset<Label> examples, Map<String, Provenance> runProvenance,
            int invocationCount) {
        return train(examples, null, runProvenance, invocationCount, EpochListener.NONE);
    }

    /**
     * Trains on {@code examples}, validating a stopping rule on {@code validation} (or, when it is {@code null},
     * on a seeded split of {@code examples}), and tells {@code listener} about each epoch.
     *
     * @throws dev.rein.runtime.tribuo.TrainingDivergedException if a weight or the training loss stops being finite
     */
    public FMClassificationModel train(Dataset<Label> examples, Dataset<Label> validation, EpochListener listener) {
        return train(examples, validation, Map.of(), INCREMENT_INVOCATION_COUNT, listener);
    }

    private FMClassificationModel train(Dataset<Label> examples, Dataset<Label> validation,
            Map<String, Provenance> runProvenance, int invocationCount, EpochListener listener) {
        FactorizationMachines.checkBatchesCanMerge(NAME, minibatchSize, examples);
        return core.train(examples, validation, runProvenance, invocationCount, listener, validationSplit);
    }

    @Override
    public int getInvocationCount() {
        return core.invocations();
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        super.setInvocationCount(invocationCount);
        core.invocations(invocationCount);
    }

    @Override
    public String toString() {
        return NAME + "(spec=" + spec + ",validationSplit=" + validationSplit + "," + super.toString() + ")";
    }

    private final class Hooks implements TrainerHooks<Label, Integer, FMClassificationModel, FMParameters> {
        @Override
        public SGDObjective<Integer> objective() {
            return getObjective();
        }

        @Override
        public Integer target(ImmutableOutputInfo<Label> outputInfo, Label output) {
            return getTarget(outputInfo, output);
        }

        @Override
        public FMParameters createParameters(int features, int outputs, SplittableRandom rng) {
            return RegularizedFMClassificationTrainer.this.createParameters(features, outputs, rng);
        }

        @Override
        public FMClassificationModel createModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureMap,
                ImmutableOutputInfo<Label> outputInfo, FMParameters parameters) {
            return RegularizedFMClassificationTrainer.this.createModel(name, provenance, featureMap, outputInfo,
                    parameters);
        }

        @Override
        public String modelClassName() {
            return getModelClassName();
        }

        @Override
        public String modelName() {
            return getName();
        }

        @Override
        public SgdSettings settings() {
            return new SgdSettings(optimiser, epochs, minibatchSize, shuffle, addBias, seed, rng);
        }
    }
}
