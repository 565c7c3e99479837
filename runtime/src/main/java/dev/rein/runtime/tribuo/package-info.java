/**
 * Rein inside Tribuo's SGD training. {@link dev.rein.runtime.tribuo.RegularizedOptimiser} adapts any Tribuo
 * optimiser to a {@link dev.rein.runtime.plan.RegularizationPlan} and applies it each step: eagerly
 * ({@code EagerStep}, every parameter; {@code AveragingCorrection} under ParameterAveraging) or, for a sparse linear
 * model, lazily ({@code LazyEngine} and its histories {@code ShrinkEngine}, {@code RowCapEngine},
 * {@code SoftThresholdEngine}, {@code CumulativeL1Engine}, {@code ReplayEngine}, {@code PerCoordinateProximalEngine},
 * {@code PerCoordinateFlowEngine}, chosen once per run by {@code LazyEngines}, working inside a {@code LiveMatrix};
 * a user's penalty without a closed form is caught up along its gradient flow, {@code PenaltyFlow}, reading its slope
 * from {@code SlopeTable} and the flow's time from {@code FlowClock}; a run whose replays cost more than eager steps
 * switches to them).
 * {@link dev.rein.runtime.tribuo.NonFiniteScan} and
 * {@link dev.rein.runtime.tribuo.TrainingDivergedException} report divergence;
 * {@link dev.rein.runtime.tribuo.ParameterLayout} says which parts of Tribuo's tensors are weights, biases or
 * factors, and {@link dev.rein.runtime.tribuo.WeightSummary} reports on trained weights. Its messages are worded
 * in {@code TribuoMessages}, tagged {@code tribuo-...}.
 *
 * <p>Depends on: {@code rein-api}, {@link dev.rein.runtime.spec}, {@link dev.rein.runtime.plan},
 * {@link dev.rein.runtime.registry} (binding a configured spec) and Tribuo ({@code tribuo-math},
 * {@code tribuo-common-sgd}).
 */
package dev.rein.runtime.tribuo;
