package dev.rein.runtime.tribuo.trainer;

import java.util.SplittableRandom;
import org.tribuo.math.StochasticGradientOptimiser;

/**
 * The settings a Tribuo SGD trainer keeps in protected fields, as a Rein trainer hands them to its core.
 *
 * @param optimiser     the Tribuo optimiser to regularize (each run wraps a copy)
 * @param epochs        the most epochs a run takes
 * @param minibatchSize examples per step
 * @param shuffle       whether each epoch shuffles the examples (Tribuo's debugging switch)
 * @param addBias       whether feature vectors get a bias element (linear models)
 * @param seed          the trainer's seed; also seeds the validation split
 * @param rng           the trainer's random stream, which each run splits (under the trainer's lock)
 */
record SgdSettings(StochasticGradientOptimiser optimiser, int epochs, int minibatchSize, boolean shuffle,
        boolean addBias, long seed, SplittableRandom rng) {
}
