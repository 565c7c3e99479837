package dev.rein.runtime.tribuo.trainer;

import java.util.SplittableRandom;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.common.sgd.SGDObjective;
import org.tribuo.provenance.ModelProvenance;

/**
 * What a Rein trainer lends its {@link RegularizedTrainerCore}: the protected members of Tribuo's
 * {@code AbstractSGDTrainer} that a class outside the subclass cannot reach, each a one-line delegation.
 *
 * @param <T> the output type
 * @param <U> the objective's target type
 * @param <V> the model type
 * @param <X> the parameter type
 */
interface TrainerHooks<T extends Output<T>, U, V, X> {
    SGDObjective<U> objective();

    U target(ImmutableOutputInfo<T> outputInfo, T output);

    X createParameters(int features, int outputs, SplittableRandom rng);

    V createModel(String name, ModelProvenance provenance, ImmutableFeatureMap featureMap,
            ImmutableOutputInfo<T> outputInfo, X parameters);

    String modelClassName();

    String modelName();

    /** The trainer's SGD settings as they are now, its random stream included. */
    SgdSettings settings();
}
