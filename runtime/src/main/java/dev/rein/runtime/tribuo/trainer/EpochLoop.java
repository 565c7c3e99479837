package dev.rein.runtime.tribuo.trainer;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.rein.api.hook.EpochDecision;
import dev.rein.api.hook.EpochScore;
import dev.rein.api.hook.StoppingRule;
import dev.rein.runtime.tribuo.RegularizedOptimiser;
import dev.rein.runtime.tribuo.TrainingDivergedException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.common.sgd.AbstractSGDTrainer;
import org.tribuo.common.sgd.SGDObjective;
import org.tribuo.math.FeedForwardParameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.provenance.ModelProvenance;

/**
 * The training loop of Tribuo 4.3.2's {@code AbstractSGDTrainer.train}, step for step, with Rein's work at each
 * epoch's end. Without a stopping rule the model is bit-identical to the one Tribuo's own trainer builds with the
 * same seed and settings; the end-of-epoch work only reads the weights.
 *
 * <p>At the end of each epoch, in this order:
 * <ol>
 *   <li>{@link LazyUpdates#catchUp}: lazily regularized weights are brought up to date;</li>
 *   <li>{@link DivergenceCheck}: a NaN or infinite weight or training loss ends the run with a
 *       {@link TrainingDivergedException} naming the epoch and the spec;</li>
 *   <li>with a stopping rule: the validation score, a copy of the weights when it is a new best, the rule's
 *       decision, and on a stop the restore of the epoch it names;</li>
 *   <li>the {@link EpochListener}.</li>
 * </ol>
 * Then, as in Tribuo, the optimiser's {@code finalise}, the model (its run provenance extended by the
 * {@link TrainingOutcome}) and the optimiser's {@code reset}.
 */
final class EpochLoop<T extends Output<T>, U, V extends Model<T>, X extends FeedForwardParameters> {
    private final TrainerHooks<T, U, V, X> hooks;
    private final LoopSettings settings;

    EpochLoop(TrainerHooks<T, U, V, X> hooks, LoopSettings settings) {
        this.hooks = hooks;
        this.settings = settings;
    }

    /**
     * Trains on {@code examples}; with a stopping rule, validates on {@code validation} or, when that is
     * {@code null}, on a seeded split of {@code examples}.
     */
    V run(Dataset<T> examples, Dataset<T> validation, Map<String, Provenance> runProvenance, RunStart start,
            EpochListener listener) {
        if (examples.getOutputInfo().getUnknownCount() > 0) {
            throw new IllegalArgumentException(TrainerMessages.unknownOutputs().toString());
        }
        SGDObjective<U> objective = hooks.objective();
        ImmutableOutputInfo<T> outputInfo = examples.getOutputIDInfo();
        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();

        List<Example<T>> all = new ArrayList<>(examples.size());
        examples.forEach(all::add);
        List<Example<T>> training = all;
        String validationText = "none";
        ValidationScorer<T, U, X> scorer = null;
        StoppingRule rule = null;
        if (settings.stopping().isPresent()) {
            StoppingPlan plan = settings.stopping().get();
            List<Example<T>> held;
            if (validation != null) {
                held = new ArrayList<>(validation.size());
                validation.forEach(held::add);
                validationText = held.size() + " examples of a separate validation dataset";
            } else {
                ValidationSplit<Example<T>> split = ValidationSplit.of(all, settings.validationSplit(),
                        settings.seed());
                training = split.training();
                held = split.validation();
                validationText = held.size() + " examples (" + settings.validationSplit() + ") split from the "
                        + all.size() + " training examples with seed " + settings.seed();
            }
            if (held.isEmpty()) {
                throw new IllegalArgumentException(TrainerMessages.validationEmpty(plan.ruleName()).toString());
            }
            scorer = new ValidationScorer<>(plan.metric(), settings.task(), held, objective,
                    output -> hooks.target(outputInfo, output), featureMap, settings.addBias());
            rule = plan.freshRule();
        }

        int featureSpaceSize = featureMap.size();
        int size = training.size();
        if (settings.minibatchSize() > size) {
            // Checked here, after any validation split and on each cross-validation fold, where the size is known.
            throw new IllegalArgumentException(TrainerMessages.batchLargerThanData(settings.minibatchSize(), size,
                    all.size() - size).toString());
        }
        SGDVector[] sgdFeatures = new SGDVector[size];
        @SuppressWarnings("unchecked")
        U[] sgdTargets = (U[]) new Object[size];
        double[] weights = new double[size];
        double totalWeight = 0;
        for (int n = 0; n < size; n++) {
            Example<T> example = training.get(n);
            weights[n] = example.getWeight();
            totalWeight += weights[n];
            sgdFeatures[n] = example.size() == featureSpaceSize
                    ? DenseVector.createDenseVector(example, featureMap, settings.addBias())
                    : SparseVector.createSparseVector(example, featureMap, settings.addBias());
            sgdTargets[n] = hooks.target(outputInfo, example.getOutput());
        }

        SplittableRandom rng = start.rng();
        StochasticGradientOptimiser optimiser = start.optimiser();
        X parameters = hooks.createParameters(featureMap.size(), outputInfo.size(), rng);
        optimiser.initialise(parameters);
        ParameterNames names = new ParameterNames(parameters, featureMap, outputInfo);
        ParameterSnapshots snapshots = new ParameterSnapshots();
        String spec = settings.regularization().toSpec();
        int minibatchSize = settings.minibatchSize();

        int epochsRun = 0;
        int modelEpoch = 0;
        String stopReason = TrainingOutcome.COMPLETED;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            if (settings.shuffle()) {
                AbstractSGDTrainer.shuffleInPlace(sgdFeatures, sgdTargets, weights, rng);
            }
            double epochLoss = 0;
            try {
                if (minibatchSize == 1) {
                    for (int j = 0; j < sgdFeatures.length; j++) {
                        SGDVector prediction = parameters.predict(sgdFeatures[j]);
                        Pair<Double, SGDVector> output = objective.lossAndGradient(sgdTargets[j], prediction);
                        epochLoss += output.getA() * weights[j];
                        Tensor[] updates = optimiser.step(parameters.gradients(output, sgdFeatures[j]), weights[j]);
                        parameters.update(updates);
                    }
                } else {
                    Tensor[][] gradients = new Tensor[minibatchSize][];
                    for (int j = 0; j < sgdFeatures.length; j += minibatchSize) {
                        double batchWeight = 0.0;
                        int curSize = 0;
                        for (int k = j; k < j + minibatchSize && k < sgdFeatures.length; k++) {
                            SGDVector prediction = parameters.predict(sgdFeatures[k]);
                            Pair<Double, SGDVector> output = objective.lossAndGradient(sgdTargets[k], prediction);
                            epochLoss += output.getA() * weights[k];
                            batchWeight += weights[k];
                            gradients[k - j] = parameters.gradients(output, sgdFeatures[k]);
                            curSize++;
                        }
                        Tensor[] updates = parameters.merge(gradients, curSize);
                        for (Tensor update : updates) {
                            update.scaleInPlace(minibatchSize);
                        }
                        batchWeight /= minibatchSize;
                        updates = optimiser.step(updates, batchWeight);
                        parameters.update(updates);
                    }
                }
                LazyUpdates.catchUp(optimiser);
            } catch (TrainingDivergedException e) {
                throw e.epoch() > 0 ? e : e.inEpoch(epoch);   // the optimiser knows the step; the loop adds the epoch
            }
            epochsRun = epoch;
            modelEpoch = epoch;

            DivergenceCheck.check(parameters.get(), epochLoss, settings.task(), epoch, spec, names);
            Optional<EpochScore> score = Optional.empty();
            EpochDecision decision = EpochDecision.keepGoing();
            if (scorer != null) {
                EpochScore s = scorer.score(epoch, parameters,
                        p -> hooks.createModel(hooks.modelName(), scratchProvenance(examples, start), featureMap,
                                outputInfo, p));
                score = Optional.of(s);
                decision = rule.afterEpoch(s);
                if (decision == null) {
                    throw new IllegalStateException(
                            TrainerMessages.ruleReturnedNull(settings.stopping().get().ruleName(), epoch).toString());
                }
                snapshots.offer(s, parameters, rule.restorableEpoch());
            }
            if (decision.shouldStop()) {
                int restore = decision.restoreEpoch();
                if (restore != EpochDecision.KEEP_CURRENT && restore != epoch) {
                    snapshots.restore(restore, parameters, settings.stopping().get().ruleName());
                    modelEpoch = restore;
                }
                stopReason = decision.reason();
            }
            listener.epochEnded(new EpochReport(epoch, settings.epochs(),
                    settings.task().lossSign() * epochLoss / totalWeight, score));
            if (decision.shouldStop()) {
                break;
            }
        }
        optimiser.finalise();

        String modes = optimiser instanceof RegularizedOptimiser ? ((RegularizedOptimiser) optimiser).modes() : "";
        TrainingOutcome outcome = new TrainingOutcome(spec, modes, epochsRun, settings.epochs(), modelEpoch,
                stopReason, validationText, settings.stopping().map(p -> p.metric().metricName()),
                snapshots.bestEpoch() > 0 ? OptionalInt.of(snapshots.bestEpoch()) : OptionalInt.empty(),
                snapshots.bestEpoch() > 0 ? OptionalDouble.of(snapshots.bestValue()) : OptionalDouble.empty());
        Map<String, Provenance> run = new LinkedHashMap<>(runProvenance);
        run.putAll(outcome.toProvenance());
        ModelProvenance provenance = new ModelProvenance(hooks.modelClassName(), OffsetDateTime.now(),
                examples.getProvenance(), start.provenance(), run);
        V model = hooks.createModel(hooks.modelName(), provenance, featureMap, outputInfo, parameters);
        optimiser.reset();
        return model;
    }

    /** Provenance for the throw-away models that score an epoch. */
    private ModelProvenance scratchProvenance(Dataset<T> examples, RunStart start) {
        return new ModelProvenance(hooks.modelClassName(), OffsetDateTime.now(), examples.getProvenance(),
                start.provenance());
    }
}
