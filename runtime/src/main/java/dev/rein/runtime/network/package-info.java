/**
 * Rein's feed-forward network for Tribuo: {@link dev.rein.runtime.network.FeedForwardTrainer} (a Tribuo
 * {@code Trainer<Label>}) trains fully connected layers ({@code DenseOp}, {@link dev.rein.runtime.network.Activation})
 * with the spec's penalties and constraints applied through the regularization plan, and its layer plugins
 * (dropout, noise, normalization) run as layers; {@link dev.rein.runtime.network.FeedForwardModel} is the Tribuo
 * {@code Model} it builds, which saves a plugin layer by its spec term and arrays.
 * {@link dev.rein.runtime.network.FeedForwardRegressionTrainer} ({@code Trainer<Regressor>}) and
 * {@link dev.rein.runtime.network.FeedForwardRegressionModel} are the same for regression: one linear output per
 * dimension under the squared error.
 *
 * <p>Only a {@code NetworkHead} knows the output type: how an output becomes targets, the loss and its gradient, the
 * stopping metrics, and how output units become a prediction ({@code SoftmaxHead} for labels,
 * {@code SquaredErrorHead} for regressors). {@code NetworkRun} (the epoch loop), {@code FeedForwardNetwork},
 * {@code ExampleRows} and the saving are shared.
 *
 * <p>Depends on: {@code rein-api}, {@link dev.rein.runtime.spec}, {@link dev.rein.runtime.plan},
 * {@link dev.rein.runtime.registry}, {@link dev.rein.runtime.tribuo} (the optimiser adapter and the trainer's
 * outcome and metrics) and Tribuo. Its messages are worded in {@code NetworkMessages}, tagged {@code network-...}.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Each step hands the optimiser the gradient of the <em>mean</em> loss of the mini-batch (as Tribuo's
 *       ascent direction, negated) with example weight 1, and the plan is bound with mini-batch size 1: the learning
 *       rate is the step on the mean gradient, and the objective is {@code mean loss + Σ R(w)} whatever the batch
 *       size, the last partial batch included.</li>
 *   <li>Weights are {@code [units × inputs]} blocks ({@link dev.rein.api.hook.Role#WEIGHT}, so {@code max_norm}
 *       caps each unit's incoming weights); biases and normalization parameters are exempt unless {@code on=all}.</li>
 *   <li>A layer plugin sits after a hidden layer's activation: after every hidden layer by default, after hidden
 *       layer {@code k} (counting from 1) with {@code after=k}; several at one place run in spec order.</li>
 * </ul>
 */
package dev.rein.runtime.network;
