/**
 * Rein inside Tribuo's SGD training: {@link dev.rein.runtime.tribuo.RegularizedOptimiser} wraps any Tribuo
 * optimiser with a spec's penalties (coupled, decoupled or proximal, lazily on sparse data) and constraints,
 * {@link dev.rein.runtime.tribuo.ParameterLayout} says which parts of Tribuo's tensors are weights, biases or
 * factors, and {@link dev.rein.runtime.tribuo.WeightSummary} reports on trained weights.
 *
 * <p>Depends on: {@code rein-api}, {@link dev.rein.runtime.spec} and Tribuo ({@code tribuo-math},
 * {@code tribuo-common-sgd}).
 */
package dev.rein.runtime.tribuo;
