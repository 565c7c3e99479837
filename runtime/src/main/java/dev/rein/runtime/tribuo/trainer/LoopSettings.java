package dev.rein.runtime.tribuo.trainer;

import dev.rein.runtime.spec.Regularization;
import java.util.Optional;

/**
 * A trainer's settings as its {@link EpochLoop} needs them.
 *
 * @param regularization  the bound spec
 * @param stopping        its stopping rule and metric, if any
 * @param task            classification or regression
 * @param epochs          the most epochs a run takes
 * @param minibatchSize   examples per step
 * @param shuffle         whether each epoch shuffles the examples (Tribuo's debugging switch)
 * @param addBias         whether feature vectors get a bias element (linear models)
 * @param seed            the trainer's seed; also seeds the validation split
 * @param validationSplit the share of the training data held out when a stopping rule needs validation data and
 *                        none is given
 */
record LoopSettings(Regularization regularization, Optional<StoppingPlan> stopping, PredictionTask task,
        int epochs, int minibatchSize, boolean shuffle, boolean addBias, long seed, double validationSplit) {
}
