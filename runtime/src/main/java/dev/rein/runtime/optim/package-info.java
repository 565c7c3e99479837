/**
 * Rein's own adaptive optimisers, drop-in replacements for Tribuo's that also say how far each coordinate moved:
 * {@link dev.rein.runtime.optim.ReinAdaGrad} and {@link dev.rein.runtime.optim.ReinRMSProp} (the updates of
 * Tribuo 4.3.2's {@code AdaGrad} and {@code RMSProp}), {@link dev.rein.runtime.optim.ReinAdam} (Adam as Kingma and
 * Ba wrote it, which Tribuo 4.3.2's {@code Adam} is not), each a {@link dev.rein.runtime.optim.PerCoordinateStep}.
 *
 * <p>Depends on: Tribuo ({@code tribuo-math}) and OLCUT only; never on another Rein package, so the plan and the
 * trainers may use these optimisers without a cycle.
 *
 * <h2>Why Rein has its own</h2>
 * A proximal step in an adaptive optimiser's metric (Duchi, Hazan and Singer 2011) thresholds each coordinate by
 * {@code λ} times the step size the optimiser gave that coordinate, {@code η/(δ + √G_ii)} under AdaGrad. Tribuo keeps
 * the accumulators that make that step size private, so Rein keeps them itself:
 *
 * <pre>{@code
 * ReinAdaGrad adagrad = new ReinAdaGrad(0.5, 0.1);   // what new AdaGrad(0.5, 0.1) does, same numbers
 * var trainer = new LinearSGDTrainer(new LogMulticlass(), adagrad, 10, -1, 1, 1L);
 * }</pre>
 *
 * <h2>What each one does with a sparse gradient</h2>
 * A coordinate is <em>present</em> in a step when the gradient tensor stores it: every entry of a
 * {@code DenseMatrix} or {@code DenseVector}, the stored entries (a stored zero included) of a
 * {@code DenseSparseMatrix} row or a {@code SparseVector}. Tribuo's SGD trainers hand a linear model a
 * {@code DenseSparseMatrix} gradient whenever an example lacks a feature. As Tribuo 4.3.2 does:
 * <table class="striped">
 *   <caption>State and move of a coordinate absent from a step</caption>
 *   <thead><tr><th>optimiser</th><th>its state</th><th>its weight</th><th>absent equals present with a zero?</th>
 *   </tr></thead>
 *   <tbody>
 *   <tr><td>AdaGrad</td><td>unchanged: {@code G}</td><td>does not move</td><td>yes</td></tr>
 *   <tr><td>RMSProp</td><td>decays: {@code v ← ρ·v}</td><td>does not move</td><td>yes (to rounding)</td></tr>
 *   <tr><td>Adam</td><td>both moments decay: {@code m ← β₁·m}, {@code v ← β₂·v}</td><td>does not move</td>
 *       <td>no: a present zero moves by {@code m̂}</td></tr>
 *   </tbody>
 * </table>
 * Each keeps decaying state as stored values times one factor per tensor, so a sparse step costs O(entries of the
 * gradient) plus O(parameters) once in a while (when the factor falls below {@code 1e-6} it is folded in).
 */
package dev.rein.runtime.optim;
