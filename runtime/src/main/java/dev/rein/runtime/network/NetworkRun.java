package dev.rein.runtime.network;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.rein.api.hook.EpochDecision;
import dev.rein.api.hook.EpochScore;
import dev.rein.api.hook.StoppingRule;
import dev.rein.runtime.optim.RateSchedule;
import dev.rein.runtime.registry.RegularizerCatalog;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.tribuo.RegularizedOptimiser;
import dev.rein.runtime.tribuo.TrainingDivergedException;
import dev.rein.runtime.tribuo.trainer.EpochListener;
import dev.rein.runtime.tribuo.trainer.EpochReport;
import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import dev.rein.runtime.tribuo.trainer.ValidationMetric;
import dev.rein.runtime.tribuo.trainer.ValidationSplit;
import java.time.OffsetDateTime;
import java.util.Arrays;
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
import org.tribuo.math.la.Tensor;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * One training run of a network trainer, for any output type: the epoch loop with its mini-batches, and at each
 * epoch's end the divergence check, the stopping rule on validation data (keeping a copy of the network for the
 * epoch it may restore) and the listener; then the model, its provenance extended by the {@link TrainingOutcome}.
 * What depends on the output type comes from the trainer's {@link Target}: the {@link NetworkHead} (loss, targets,
 * metrics) and the model class.
 *
 * @param <T> the output type
 * @param <M> the model type
 */
final class NetworkRun<T extends Output<T>, M extends Model<T>> {
    /**
     * What a trainer's output type adds to a run: the head for its data, and its model.
     *
     * @param <T> the output type
     * @param <M> the model type
     */
    interface Target<T extends Output<T>, M extends Model<T>> {
        /** The head for {@code outputInfo}, fitted to {@code training} where it needs to (target scaling). */
        NetworkHead<T> head(ImmutableOutputInfo<T> outputInfo, List<Example<T>> training);

        /** The model class's name, for the provenance. */
        String modelClass();

        /** The model of a trained network, its layer plugins bound against {@code layers}. */
        M model(ModelProvenance provenance, ImmutableFeatureMap featureMap, ImmutableOutputInfo<T> outputInfo,
                NetworkState state, NetworkHead<T> head, RegularizerCatalog layers);
    }

    private final NetworkSettings trainer;
    private final Target<T, M> target;
    private final SplittableRandom random;
    private final TrainerProvenance provenance;

    NetworkRun(NetworkSettings trainer, Target<T, M> target, SplittableRandom random, TrainerProvenance provenance) {
        this.trainer = trainer;
        this.target = target;
        this.random = random;
        this.provenance = provenance;
    }

    M train(Dataset<T> examples, Dataset<T> validation, Map<String, Provenance> runProvenance,
            EpochListener listener) {
        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        ImmutableOutputInfo<T> outputInfo = examples.getOutputIDInfo();
        List<Example<T>> all = ExampleRows.list(examples);
        List<Example<T>> training = all;
        Optional<BoundTerm> ruleTerm = trainer.stoppingRule();
        String validationText = "none";
        List<Example<T>> heldOut = null;
        StoppingRule rule = null;
        ValidationMetric metric = null;
        if (ruleTerm.isPresent()) {
            rule = ruleTerm.get().forRun().hook(StoppingRule.class);
            rule.reset();
            metric = ValidationMetric.resolve(rule.metric(), trainer.task(), ruleTerm.get().name());
            if (validation != null) {
                heldOut = ExampleRows.list(validation);
                validationText = heldOut.size() + " examples of a separate validation dataset";
            } else {
                ValidationSplit<Example<T>> split = ValidationSplit.of(all, trainer.validationSplit(),
                        trainer.seed());
                training = split.training();
                heldOut = split.validation();
                validationText = heldOut.size() + " examples (" + trainer.validationSplit() + ") split from the "
                        + all.size() + " training examples with seed " + trainer.seed();
            }
            if (heldOut.isEmpty()) {
                throw new IllegalArgumentException(NetworkMessages.validationEmpty(ruleTerm.get().name()).toString());
            }
        }
        if (training.isEmpty()) {
            throw new IllegalArgumentException(NetworkMessages.noTrainingData(trainer.trainer()).toString());
        }
        NetworkHead<T> head = target.head(outputInfo, training);
        ExampleRows held = heldOut == null ? null : ExampleRows.of(heldOut, featureMap, head);
        ExampleRows rows = ExampleRows.of(training, featureMap, head);

        String spec = trainer.regularization().toSpec();
        FeedForwardNetwork network = FeedForwardNetwork.create(featureMap.size(), trainer.hiddenLayers(),
                head.outputs(), trainer.activation(), trainer.regularization(), random);
        RegularizedOptimiser optimiser = trainer.planOptimiser().checkedByCaller();   // parameters.add checks
        NetworkParameters parameters = network.parameters();
        optimiser.initialise(parameters);
        SplittableRandom layerRandom = random.split();

        int n = rows.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int batchSize = Math.min(trainer.minibatchSize(), n);
        double[] targets = new double[batchSize * head.targetWidth()];
        int maxEpochs = trainer.epochs();
        RateSchedule schedule = trainer.learningRateSchedule().orElse(null);
        long stepsPerEpoch = (n + batchSize - 1) / batchSize;
        long totalSteps = stepsPerEpoch * maxEpochs;
        long step = 0;
        int epochsRun = 0;
        int modelEpoch = 0;
        String stopReason = TrainingOutcome.COMPLETED;
        int bestEpoch = 0;
        double bestValue = Double.NaN;
        NetworkState kept = null;
        int keptEpoch = 0;
        NetworkState result = null;
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            shuffle(order, random);
            double epochLoss = 0;
            // Zero once an epoch (validation scoring fills the same buffer); each step then writes and clears only
            // its examples' non-zeros.
            Arrays.fill(network.input(batchSize), 0.0);
            try {
                for (int start = 0; start < n; start += batchSize) {
                    int batch = Math.min(batchSize, n - start);
                    step++;
                    if (schedule != null) {
                        optimiser.scaleRate(schedule.factor(step, stepsPerEpoch, totalSteps));
                    }
                    double[] x = network.input(batch);
                    rows.fillNonZeros(order, start, batch, x, targets);
                    epochLoss += network.trainStep(head, targets, batch, layerRandom);
                    rows.clear(order, start, batch, x);
                    Tensor[] gradients = parameters.gradients();
                    for (Tensor g : gradients) {
                        g.scaleInPlace(-1.0);   // Tribuo's optimisers climb: hand them the ascent direction
                    }
                    Tensor[] update = optimiser.step(gradients, 1.0);
                    if (!parameters.add(update)) {
                        throw optimiser.nonFiniteUpdate(update);
                    }
                }
            } catch (TrainingDivergedException e) {
                throw e.epoch() > 0 ? e : e.inEpoch(epoch);
            }
            epochsRun = epoch;
            modelEpoch = epoch;
            if (!Double.isFinite(epochLoss)) {
                throw TrainingDivergedException.atEpoch(epoch, spec, "the training loss is " + epochLoss);
            }
            Optional<EpochScore> score = Optional.empty();
            EpochDecision decision = EpochDecision.keepGoing();
            if (rule != null) {
                EpochScore s = new EpochScore(epoch, metric.metricName(), score(network, held, head, metric),
                        metric.higherIsBetter());
                score = Optional.of(s);
                decision = rule.afterEpoch(s);
                if (decision == null) {
                    throw new IllegalStateException(NetworkMessages.ruleReturnedNull(ruleTerm.get().name(), epoch)
                            .toString());
                }
                if (!Double.isNaN(s.value()) && (bestEpoch == 0 || s.improvesOn(bestValue, 0))) {
                    bestEpoch = epoch;
                    bestValue = s.value();
                }
                int restorable = rule.restorableEpoch();
                int wanted = restorable == StoppingRule.BEST_SO_FAR ? bestEpoch : restorable;
                if (wanted == epoch) {
                    kept = network.state();
                    keptEpoch = epoch;
                } else if (wanted != keptEpoch) {
                    kept = null;
                    keptEpoch = 0;
                }
            }
            listener.epochEnded(new EpochReport(epoch, maxEpochs, epochLoss / n, score));
            if (decision.shouldStop()) {
                int restore = decision.restoreEpoch();
                if (restore != EpochDecision.KEEP_CURRENT && restore != epoch) {
                    if (kept == null || keptEpoch != restore) {
                        throw new IllegalStateException(NetworkMessages.restoreNotKept(ruleTerm.get().name(), restore,
                                keptEpoch).toString());
                    }
                    result = kept;
                    modelEpoch = restore;
                }
                stopReason = decision.reason();
                break;
            }
        }
        optimiser.finalise();
        if (result == null) {
            result = network.state();
        }
        TrainingOutcome outcome = new TrainingOutcome(spec, optimiser.modes(), epochsRun, maxEpochs, modelEpoch,
                stopReason, validationText, Optional.ofNullable(metric).map(ValidationMetric::metricName),
                bestEpoch > 0 ? OptionalInt.of(bestEpoch) : OptionalInt.empty(),
                bestEpoch > 0 ? OptionalDouble.of(bestValue) : OptionalDouble.empty());
        Map<String, Provenance> run = new LinkedHashMap<>(runProvenance);
        run.putAll(outcome.toProvenance());
        ModelProvenance modelProvenance = new ModelProvenance(target.modelClass(), OffsetDateTime.now(),
                examples.getProvenance(), provenance, run);
        optimiser.reset();
        // Predict with the plugins the spec was bound to (a jar's layer included), not whatever the shared registry
        // holds: a loaded model binds its layers again, a fresh one already has them.
        return target.model(modelProvenance, featureMap, outputInfo, result, head,
                RegularizerCatalog.of(trainer.regularization().terms().stream().map(BoundTerm::plugin).toList()));
    }

    /** Fisher-Yates with the run's generator. */
    private static void shuffle(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** {@code metric} of the network in prediction mode on {@code held}, as {@code head} scores it. */
    static double score(FeedForwardNetwork network, ExampleRows held, NetworkHead<?> head, ValidationMetric metric) {
        int n = held.size();
        int batchSize = Math.min(256, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] targets = new double[batchSize * head.targetWidth()];
        NetworkHead.Score score = head.score(metric);
        for (int start = 0; start < n; start += batchSize) {
            int batch = Math.min(batchSize, n - start);
            held.fill(order, start, batch, network.input(batch), targets);
            score.add(network.predict(batch), targets, batch);
        }
        return score.value();
    }
}
