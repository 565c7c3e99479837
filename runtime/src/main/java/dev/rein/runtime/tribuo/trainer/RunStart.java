package dev.rein.runtime.tribuo.trainer;

import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.provenance.TrainerProvenance;
import java.util.SplittableRandom;

/**
 * What a trainer hands its {@link EpochLoop} for one run, taken under the trainer's lock exactly as Tribuo's
 * {@code AbstractSGDTrainer.train} takes it: the run's random stream (split from the trainer's), the run's own
 * optimiser (a copy, wrapped in a {@code RegularizedOptimiser}) and the trainer's provenance before the run.
 */
record RunStart(SplittableRandom rng, StochasticGradientOptimiser optimiser, TrainerProvenance provenance) {
}
