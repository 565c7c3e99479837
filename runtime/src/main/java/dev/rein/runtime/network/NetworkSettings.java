package dev.rein.runtime.network;

import dev.rein.api.hook.StoppingRule;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.optim.RateSchedule;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.RegularizedOptimiser;
import dev.rein.runtime.tribuo.trainer.PredictionTask;
import dev.rein.runtime.tribuo.trainer.ValidationMetric;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.tribuo.math.StochasticGradientOptimiser;

/**
 * What a network trainer ({@link FeedForwardTrainer}, {@link FeedForwardRegressionTrainer}) hands a
 * {@link NetworkRun}: its settings, checked once here for both, and the optimiser and stopping rule they give.
 *
 * <pre>{@code
 * var settings = new NetworkSettings("FeedForwardTrainer", PredictionTask.CLASSIFICATION, new int[] {16},
 *         Activation.RELU, new ReinAdam(0.001), regularization, 10, 128, 1L, 0.1, null);
 * settings.check();                                  // IllegalArgumentException naming the setting
 * RegularizedOptimiser optimiser = settings.planOptimiser();
 * }</pre>
 *
 * @param trainer         the trainer's class name, for messages
 * @param task            what the trainer predicts: decides which stopping metrics fit
 * @param hiddenLayers    the hidden layers' widths, input side first
 * @param activation      the hidden layers' activation
 * @param optimiser       the optimiser; each run steps a copy
 * @param regularization  the bound spec
 * @param epochs          epochs to run; with a stopping rule, the most a run takes
 * @param minibatchSize   examples per step
 * @param seed            seeds everything random
 * @param validationSplit the share held out for a stopping rule when no validation data is given
 * @param schedule        the learning-rate schedule, or null for a constant rate
 */
record NetworkSettings(String trainer, PredictionTask task, int[] hiddenLayers, Activation activation,
        StochasticGradientOptimiser optimiser, Regularization regularization, int epochs, int minibatchSize,
        long seed, double validationSplit, RateSchedule schedule) {
    NetworkSettings {
        hiddenLayers = hiddenLayers.clone();
    }

    @Override
    public int[] hiddenLayers() {
        return hiddenLayers.clone();
    }

    /**
     * Checks every setting and that the spec fits a network of these layers.
     *
     * @throws IllegalArgumentException if a setting is out of range (tagged {@code network-setting}), a layer
     *                                  plugin's position does not exist, a penalty mode is refused, or the stopping
     *                                  rule's metric does not fit the task
     */
    void check() {
        requireSetting(epochs >= 1, "epochs", epochs, "it must be at least 1");
        requireSetting(minibatchSize >= 1, "minibatchSize", minibatchSize, "it must be at least 1");
        requireSetting(validationSplit > 0 && validationSplit < 1, "validationSplit", validationSplit,
                "it must lie strictly between 0 and 1, e.g. 0.1");
        for (int h : hiddenLayers) {
            requireSetting(h >= 1, "hiddenLayers", Arrays.toString(hiddenLayers),
                    "every width must be at least 1, e.g. 256, 128");
        }
        for (BoundTerm t : regularization.terms()) {
            if (t.kind() == Kind.ACTIVATION || t.kind() == Kind.NORMALIZATION) {
                FeedForwardNetwork.positions(t, hiddenLayers.length);
            }
        }
        RegularizedOptimiser planned = planOptimiser();   // a refused penalty mode is reported now, not after the data
        if (schedule != null && !planned.acceptsRateSchedule()) {
            throw new IllegalArgumentException(NetworkMessages.rateSchedule(trainer, schedule.describe(),
                    optimiser.toString(), planned.plan().has(PenaltyMode.CUMULATIVE)).toString());
        }
        stoppingRule().ifPresent(t -> ValidationMetric.resolve(t.hook(StoppingRule.class).metric(), task, t.name()));
    }

    private void requireSetting(boolean ok, String name, Object value, String valid) {
        if (!ok) {
            throw new IllegalArgumentException(NetworkMessages.setting(trainer, name, value, valid).toString());
        }
    }

    /** A fresh copy of the optimiser wrapped with the spec's penalties and constraints, for one run. */
    RegularizedOptimiser planOptimiser() {
        Regularization weightTerms = regularization.without(Kind.ACTIVATION).without(Kind.NORMALIZATION)
                .without(Kind.STOPPING_RULE);
        return new RegularizedOptimiser(optimiser.copy(), weightTerms, 1);
    }

    /** The learning-rate schedule, if one is set. */
    Optional<RateSchedule> learningRateSchedule() {
        return Optional.ofNullable(schedule);
    }

    /** The spec's stopping rule, if it has one. */
    Optional<BoundTerm> stoppingRule() {
        List<BoundTerm> rules = regularization.terms(Kind.STOPPING_RULE);
        if (rules.size() > 1) {
            throw new IllegalArgumentException(NetworkMessages.severalStoppingRules(regularization.toSpec(),
                    rules.stream().map(BoundTerm::name).toList()).toString());
        }
        return rules.stream().findFirst();
    }

    /** As the trainers' {@code toString}: {@code FeedForwardTrainer(hiddenLayers=[16],activation=relu,...)}. */
    @Override
    public String toString() {
        return trainer + "(hiddenLayers=" + Arrays.toString(hiddenLayers) + ",activation=" + activation.displayName()
                + ",optimiser=" + optimiser + ",spec=" + regularization.toSpec() + ",epochs=" + epochs
                + ",minibatchSize=" + minibatchSize + ",seed=" + seed
                + (schedule == null ? "" : ",learningRateSchedule=" + schedule.describe()) + ")";
    }
}
