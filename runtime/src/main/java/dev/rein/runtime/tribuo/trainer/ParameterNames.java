package dev.rein.runtime.tribuo.trainer;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.common.sgd.FMParameters;
import org.tribuo.math.FeedForwardParameters;
import org.tribuo.math.LinearParameters;

/**
 * Names one element of a Tribuo SGD model's parameters for people: {@code "weight of feature 'f3' for output 'A'"}.
 *
 * <p>Layouts: a linear model has one matrix {@code [outputs × (features + 1)]} whose last column is the bias; a
 * factorization machine has a bias vector, a weight matrix {@code [outputs × features]} and one factor matrix
 * {@code [factors × features]} per output.
 */
final class ParameterNames {
    private final FeedForwardParameters parameters;
    private final ImmutableFeatureMap features;
    private final ImmutableOutputInfo<?> outputs;

    ParameterNames(FeedForwardParameters parameters, ImmutableFeatureMap features, ImmutableOutputInfo<?> outputs) {
        this.parameters = parameters;
        this.features = features;
        this.outputs = outputs;
    }

    /** The element at {@code [row, column]} of tensor {@code tensor} ({@code row} is 0 for a vector). */
    String name(int tensor, int row, int column) {
        if (parameters instanceof LinearParameters) {
            return column == features.size() ? "bias of output " + output(row)
                    : "weight of feature " + feature(column) + " for output " + output(row);
        }
        if (parameters instanceof FMParameters) {
            return switch (tensor) {
                case 0 -> "bias of output " + output(column);
                case 1 -> "weight of feature " + feature(column) + " for output " + output(row);
                default -> "factor " + row + " of feature " + feature(column) + " for output " + output(tensor - 2);
            };
        }
        return "parameter [" + row + ", " + column + "] of tensor " + tensor;
    }

    private String feature(int id) {
        return id >= 0 && id < features.size() ? "'" + features.get(id).getName() + "'" : "#" + id;
    }

    private String output(int id) {
        return id >= 0 && id < outputs.size() ? "'" + outputs.getOutput(id).getSerializableForm(false) + "'"
                : "#" + id;
    }
}
