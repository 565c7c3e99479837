package dev.rein.api.hook;

import java.util.Objects;

/**
 * A named {@code double[]} that a layer exposes to the trainer: learned parameters it optimises, their gradients,
 * or running state it saves with the model.
 *
 * <pre>{@code
 * new NamedArray("gamma", Role.NORMALIZATION_SCALE, gamma)   // learned, optimised by the trainer
 * new NamedArray("running_mean", null, runningMean)           // state: saved, not optimised
 * }</pre>
 *
 * @param name  unique within its layer; the key under which a saved model stores the array
 * @param role  what the array is for, or {@code null} for state that is not a parameter
 * @param values the live array (not a copy)
 */
public record NamedArray(String name, Role role, double[] values) {
    public NamedArray {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(values, "values");
    }
}
