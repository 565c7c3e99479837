package dev.rein.runtime.tribuo.trainer;

import org.tribuo.Dataset;
import org.tribuo.Example;

/**
 * A limit of Tribuo 4.3.2's factorization machines that Rein's FM trainers refuse up front instead of failing in
 * the middle of an epoch: {@code FMParameters.merge} casts every example's <em>first</em> gradient tensor (the
 * bias vector) to a sparse matrix when the weight gradients are sparse ({@code gradients[j][0]} where
 * {@code gradients[j][i]} is meant), so a mini-batch of more than one sparse example throws a
 * {@code ClassCastException}. Dense examples (every feature present) merge correctly.
 */
final class FactorizationMachines {
    private FactorizationMachines() {
    }

    /**
     * @throws IllegalArgumentException if {@code minibatchSize > 1} and some example lacks a feature
     */
    static void checkBatchesCanMerge(String trainer, int minibatchSize, Dataset<?> examples) {
        if (minibatchSize == 1) {
            return;
        }
        int features = examples.getFeatureIDMap().size();
        int index = 0;
        for (Example<?> example : examples) {
            if (example.size() != features) {
                throw new IllegalArgumentException(
                        TrainerMessages.fmSparseBatch(trainer, index + 1, example.size(), features).toString());
            }
            index++;
        }
    }
}
