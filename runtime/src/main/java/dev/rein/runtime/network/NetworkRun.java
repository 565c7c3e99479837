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
import dev.rein.runtime.tribuo.trainer.PredictionTask;
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
import org.tribuo.classification.Label;
import org.tribuo.math.la.Tensor;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;

/**
 * One training run of a {@link FeedForwardTrainer}: the epoch loop with its mini-batches, and at each epoch's end the
 * divergence check, the stopping rule on validation data (keeping a copy of the network for the epoch it may
 * restore) and the listener; then the model, its provenance extended by the {@link TrainingOutcome}.
 */
final class NetworkRun {
    private final FeedForwardTrainer trainer;
    private final SplittableRandom random;
    private final TrainerProvenance provenance;

    NetworkRun(FeedForwardTrainer trainer, SplittableRandom random, TrainerProvenance provenance) {
        this.trainer = trainer;
        this.random = random;
        this.provenance = provenance;
    }

    FeedForwardModel train(Dataset<Label> examples, Dataset<Label> validation, Map<String, Provenance> runProvenance,
            EpochListener listener) {
        ImmutableFeatureMap featureMap = examples.getFeatureIDMap();
        ImmutableOutputInfo<Label> outputInfo = examples.getOutputIDInfo();
        List<Example<Label>> all = ExampleRows.list(examples);
        List<Example<Label>> training = all;
        Optional<BoundTerm> ruleTerm = trainer.stoppingRule();
        String validationText = "none";
        ExampleRows held = null;
        StoppingRule rule = null;
        ValidationMetric metric = null;
        if (ruleTerm.isPresent()) {
            rule = ruleTerm.get().forRun().hook(StoppingRule.class);
            rule.reset();
            metric = ValidationMetric.resolve(rule.metric(), PredictionTask.CLASSIFICATION, ruleTerm.get().name());
            List<Example<Label>> heldOut;
            if (validation != null) {
                heldOut = ExampleRows.list(validation);
                validationText = heldOut.size() + " examples of a separate validation dataset";
            } else {
                ValidationSplit<Example<Label>> split = ValidationSplit.of(all, trainer.validationSplit(),
                        trainer.seed());
                training = split.training();
                heldOut = split.validation();
                validationText = heldOut.size() + " examples (" + trainer.validationSplit() + ") split from the "
                        + all.size() + " training examples with seed " + trainer.seed();
            }
            if (heldOut.isEmpty()) {
                throw new IllegalArgumentException(NetworkMessages.validationEmpty(ruleTerm.get().name()).toString());
            }
            held = ExampleRows.of(heldOut, featureMap, outputInfo);
        }
        if (training.isEmpty()) {
            throw new IllegalArgumentException(NetworkMessages.noTrainingData().toString());
        }
        ExampleRows rows = ExampleRows.of(training, featureMap, outputInfo);

        String spec = trainer.regularization().toSpec();
        FeedForwardNetwork network = FeedForwardNetwork.create(featureMap.size(), trainer.hiddenLayers(),
                outputInfo.size(), trainer.activation(), trainer.regularization(), random);
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
        int[] labels = new int[batchSize];
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
                    rows.fillNonZeros(order, start, batch, x, labels);
                    epochLoss += network.trainStep(labels, batch, layerRandom);
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
                EpochScore s = new EpochScore(epoch, metric.metricName(), score(network, held, metric),
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
        ModelProvenance modelProvenance = new ModelProvenance(FeedForwardModel.class.getName(), OffsetDateTime.now(),
                examples.getProvenance(), provenance, run);
        optimiser.reset();
        FeedForwardModel model = new FeedForwardModel("feed-forward-network", modelProvenance, featureMap, outputInfo,
                result);
        // Predict with the plugins the spec was bound to (a jar's layer included), not whatever the shared registry
        // holds: a loaded model binds its layers again, a fresh one already has them.
        model.bindLayers(RegularizerCatalog.of(trainer.regularization().terms().stream()
                .map(BoundTerm::plugin).toList()));
        return model;
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

    /** Accuracy or mean loss of the network in prediction mode on {@code held}. */
    static double score(FeedForwardNetwork network, ExampleRows held, ValidationMetric metric) {
        int n = held.size();
        int batchSize = Math.min(256, n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] labels = new int[batchSize];
        double[] probabilities = new double[batchSize * network.outputs()];
        int correct = 0;
        double loss = 0;
        for (int start = 0; start < n; start += batchSize) {
            int batch = Math.min(batchSize, n - start);
            held.fill(order, start, batch, network.input(batch), labels);
            if (metric == ValidationMetric.ACCURACY) {
                network.probabilities(batch, probabilities);
                for (int r = 0; r < batch; r++) {
                    if (argmax(probabilities, r * network.outputs(), network.outputs()) == labels[r]) {
                        correct++;
                    }
                }
            } else {
                loss += network.loss(labels, batch);
            }
        }
        return metric == ValidationMetric.ACCURACY ? (double) correct / n : loss / n;
    }

    static int argmax(double[] values, int offset, int length) {
        int best = 0;
        for (int k = 1; k < length; k++) {
            if (values[offset + k] > values[offset + best]) {
                best = k;
            }
        }
        return best;
    }
}
