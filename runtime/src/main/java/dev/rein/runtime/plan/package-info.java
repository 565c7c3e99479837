/**
 * The regularization plan: a spec bound to an optimiser, decided once and independent of Tribuo's tensors
 * ({@link dev.rein.runtime.plan.RegularizationPlan}), with the optimiser described by an
 * {@link dev.rein.runtime.plan.OptimiserProfile} and its learning rate by a
 * {@link dev.rein.runtime.plan.StepSchedule}. Every trainer applies the same plan to its parameter blocks.
 *
 * <p>Depends on: {@code rein-api}, {@link dev.rein.runtime.spec} and {@link dev.rein.runtime.ReinMessage}; never on
 * Tribuo. Its messages are worded in {@code PlanMessages}, tagged {@code plan-...}.
 *
 * <h2>The objective and each step's penalty share</h2>
 * Training minimises {@code J(w) = (1/n) Σ_i ω_i·L_i(w) + Σ_k R_k(w)} ({@code ω_i} the example weights) whatever
 * the mini-batch size. From Tribuo 4.3.2's {@code AbstractSGDTrainer.train}, for a mini-batch {@code B} of
 * {@code b} examples with log-likelihood gradients {@code g_k = -∇L_k}:
 * <ol>
 *   <li>{@code b = 1}: Tribuo calls {@code step(g_k, ω_k)}. For {@code b > 1} it sums the batch, then
 *       <em>multiplies</em> the sum by {@code b} and passes the mean weight: {@code step(G, ω̄)} with
 *       {@code G = b·Σ_B g_k}, {@code ω̄ = Σ_B ω_k / b}.</li>
 *   <li>SGD, AdaGrad and RMSProp multiply the gradient by {@code weight}; Adam and AdaDelta ignore it. So the loss
 *       moves a step along {@code ω̄·G = -b·∇ Σ_B ω_k·L_k} (exact when a batch's weights are equal).</li>
 *   <li>{@code b} times the ascent direction of the batch's part of {@code n·J} is
 *       {@code -b·Σ_B ω_k·∇L_k - b²·∇R}, so the penalty's share after the weight is {@code -b²·∇R}
 *       ({@link dev.rein.runtime.plan.RegularizationPlan#coupledShare}). Tribuo climbs the log-likelihood and
 *       adds the update, hence the minus sign; plugin authors never see it.</li>
 * </ol>
 * A step with {@code ω̄ = 0} under an optimiser that scales by the weight moves nothing and gets no penalty. The
 * last, partial batch of {@code r < b} examples gets a full batch's share (the optimiser is not told {@code r}):
 * {@code (b/r)²} times too much for a decoupled or proximal step, more for a coupled one (Tribuo divides the batch's
 * weight by {@code b}, not {@code r}), for that one step per epoch; every step when {@code b} exceeds the data.
 *
 * <h2>Modes</h2>
 * With {@code η_t} the optimiser's learning rate at step {@code t} and {@code s_t = η_t·b²}
 * ({@link dev.rein.runtime.plan.RegularizationPlan#stepSize}):
 * <ul>
 *   <li><b>coupled</b>: {@code G += -(b²/ω̄)·∇R(w)} before the inner step ({@code -b²·∇R} for Adam and AdaDelta),
 *       so adaptive optimisers see the penalty like the loss. Plain SGD:
 *       {@code w ← w + η_t·(ω̄·G) - s_t·∇R(w)}.</li>
 *   <li><b>decoupled</b> (AdamW style): the inner optimiser steps on the loss alone, then the update gets
 *       {@code -s_t·∇R(w)}, {@code w} the weights before the step. For plain SGD this is the coupled step.</li>
 *   <li><b>proximal</b>: the update becomes {@code prox_{s_t·R}(w + U) - w}, {@code U} the inner update, the
 *       proximal terms applied one after the other in spec order; {@code l1} and {@code elastic_net} give exact
 *       zeros. Under SGD without momentum the step size is one known number; under an optimiser that tells each weight's
 *       step size {@code s_i} (Rein's AdaGrad, RMSProp, Adam; {@code dev.rein.runtime.optim.PerCoordinateStep}) the
 *       step is taken in its metric, with {@code b²·s_i} per weight (Duchi, Hazan and Singer 2011). The fixed point
 *       is the coupled one ({@code ω̄·G ∈ b²·∂R(w)}).</li>
 *   <li><b>cumulative</b>: the penalty charged on what has accumulated rather than at each step. Under plain SGD,
 *       the L1 part of {@code λ₁|w| + (λ₂/2)w²} paid as Tsuruoka et al.'s (2009) cumulative penalty, as
 *       scikit-learn's {@code SGDClassifier} does; it lives in the lazy engine, so it needs a linear model. Under
 *       Rein's AdaGrad, the whole spec ({@code λ₁|w| + (λ₂/2)w²} terms only, no constraint) in AdaGrad's
 *       FTRL-Proximal form ({@code dev.rein.runtime.optim.ReinFtrl} with {@code α = η}, {@code β = ε}): without a
 *       penalty the same steps as AdaGrad (McMahan 2011), with one the weight is the closed form
 *       {@code -(z - sgn(z)·k·λ₁)/((β + √n)/α + k·λ₂)} after {@code k} steps, exact zeros included; {@code auto}
 *       picks it there when the spec allows ({@code AdaGradCumulative}).</li>
 *   <li>Under <b>FTRL</b> ({@code ReinFtrl}) every penalty must be of that form and runs in its closed form (reported
 *       as proximal); constraints are refused, since the weights are recomputed from FTRL's state at every step.
 *       The penalty is charged once per step ({@code k·b²·λ} after {@code k} steps), where the paper keeps it fixed:
 *       against gradients summed over {@code k} steps a fixed penalty fades, and training would not minimise
 *       {@code J}.</li>
 * </ul>
 * What each optimiser allows and what {@code auto} picks is the table in {@code ModeChoice}: proximal under plain
 * SGD and AdaGrad when the plugin has a proximal operator. Otherwise auto prefers decoupled under momentum and
 * adaptive optimisers because a coupled penalty makes every gradient dense (no lazy updates on
 * sparse data) and, with AdaGrad, RMSProp and Adam, is divided by the per-coordinate scaling like the loss
 * (Loshchilov and Hutter 2019); there decoupled training does not minimise {@code J} exactly.
 *
 * <h2>Constraints</h2>
 * After the penalties, each constraint projects {@code w + U} in spec order, and the update returned is
 * {@code P(w + U) - w}, so that the trainer's {@code w += update} lands on the projected weights.
 *
 * <h2>Refused</h2>
 * With a {@link dev.rein.runtime.plan.RegularizationRefusedException} (an {@code IllegalArgumentException} with a
 * {@code tag()}): Pegasos and AdaGradRDA with any penalty or constraint (they keep the weights in their own matrix types and apply
 * their own L2 or L1/L2); modes an optimiser cannot do correctly; activation and normalization plugins outside a
 * network; proximal and cumulative L1 in one spec.
 */
package dev.rein.runtime.plan;
