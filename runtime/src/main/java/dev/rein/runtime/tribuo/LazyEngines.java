package dev.rein.runtime.tribuo;

import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.Role;
import dev.rein.runtime.optim.PerCoordinateStep;
import dev.rein.runtime.plan.OptimiserProfile;
import dev.rein.runtime.plan.PenaltyTerm;
import dev.rein.runtime.plan.RegularizationPlan;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Target;
import java.util.ArrayList;
import java.util.List;
import org.tribuo.math.StochasticGradientOptimiser;

/**
 * Chooses, once per run, whether a plan can run lazily on a linear model and with which history
 * ({@link LazyEngine}). Lazy mode is used when every penalty is element-wise and:
 * <ul>
 *   <li>coupled penalties: only under SGD without momentum (elsewhere a coupled penalty changes the optimiser's
 *       state for every weight, a dense gradient that lazy updates cannot reproduce);</li>
 *   <li>decoupled and proximal penalties: under any optimiser the plan allows (Tribuo's SGD, AdaGrad, RMSProp and
 *       Adam return no update for an absent feature, so their state is the same either way);</li>
 *   <li>constraints: only caps on each weight row's L2 norm ({@link RowNormCap}), with L2-like penalties;</li>
 *   <li>no ParameterAveraging (its average needs every iterate), and a known step size.</li>
 * </ul>
 *
 * <pre>{@code
 * LazyEngine engine = LazyEngines.choose(plan, outputs, features, inner);   // null: every step is eager
 * }</pre>
 */
final class LazyEngines {
    private LazyEngines() {
    }

    /**
     * The engine for a linear model of {@code rows} outputs and {@code features} features (its weight matrix has one
     * more column, the bias) under {@code plan}, or null when lazy updates would not be exact.
     */
    static LazyEngine choose(RegularizationPlan plan, int rows, int features, StochasticGradientOptimiser inner) {
        if (plan.optimiser().averaged() || !plan.knowsStepSize()) {
            return null;
        }
        boolean ownSteps = plan.optimiser().perCoordinate() && !plan.optimiser().isPlainSgd();
        if (ownSteps && plan.has(PenaltyMode.PROXIMAL)) {
            return perCoordinate(plan, rows, features, inner);
        }
        double rowCap = Double.POSITIVE_INFINITY;
        for (BoundTerm c : plan.constraints()) {
            double cap = c.target() == Target.WEIGHTS ? RowNormCap.of(c.hook(Constraint.class)) : Double.NaN;
            if (Double.isNaN(cap)) {
                return null;   // a projection that needs whole rows or more: every step is eager
            }
            rowCap = Math.min(rowCap, cap);   // nested balls: projecting onto each in turn is onto the smallest
        }
        List<PenaltyTerm> onWeights = new ArrayList<>();
        List<PenaltyTerm> onBias = new ArrayList<>();
        for (PenaltyTerm p : plan.penalties()) {
            if (p.elementwise() == null
                    || (p.mode() == PenaltyMode.COUPLED && !plan.optimiser().isPlainSgd())) {
                return null;
            }
            if (p.covers(Role.WEIGHT)) {
                onWeights.add(p);
            }
            if (p.covers(Role.BIAS)) {
                onBias.add(p);
            }
        }
        boolean capped = rowCap < Double.POSITIVE_INFINITY;
        if (onWeights.isEmpty() && !capped) {
            return null;
        }
        return of(rows, features, LazyTerms.of(onWeights), LazyTerms.of(onBias), rowCap, plan.spec());
    }

    /**
     * Proximal steps in an adaptive optimiser's metric: lazy when the optimiser keeps an absent coordinate's state
     * frozen at a constant rate (Rein's AdaGrad), the bias is not penalized and there is no constraint; in closed
     * form ({@link PerCoordinateProximalEngine}) when every term has one, else by the penalty's flow
     * ({@link PerCoordinateFlowEngine}, at most one proximal term, none cumulative); else null (eager, O(weights) per
     * step, as RMSProp's and Adam's decaying states need).
     */
    private static LazyEngine perCoordinate(RegularizationPlan plan, int rows, int features,
            StochasticGradientOptimiser inner) {
        if (!(inner instanceof PerCoordinateStep steps) || !steps.absentStateFrozen()
                || plan.optimiser().family() != OptimiserProfile.Family.ADAGRAD || !plan.constraints().isEmpty()) {
            return null;
        }
        List<PenaltyTerm> onWeights = new ArrayList<>();
        for (PenaltyTerm p : plan.penalties()) {
            if (p.elementwise() == null || p.mode() == PenaltyMode.COUPLED || p.covers(Role.BIAS)) {
                return null;
            }
            onWeights.add(p);
        }
        LazyTerms terms = LazyTerms.of(onWeights);
        ScaledEngine.ClosedForm form = ScaledEngine.ClosedForm.of(terms);
        double squaredBatch = (double) plan.minibatchSize() * plan.minibatchSize();
        if (form == null) {
            // a user's prox: its flow in the weight's frozen metric; two proxes in a row or cumulative L1: eager
            return terms.proximals().length > 1 || terms.anyCumulative() ? null
                    : new PerCoordinateFlowEngine(rows, features, terms, steps, squaredBatch, plan.stepSize(1),
                            plan.spec());
        }
        return new PerCoordinateProximalEngine(rows, features, form, steps, squaredBatch, plan.stepSize(1),
                LazyTerms.of(List.of()), plan.spec());
    }

    /**
     * The history for these terms: a closed form where every term has one, else replay; null for combinations no
     * history takes (cumulative L1 without a closed form; a row cap with anything but L2-like penalties).
     */
    static LazyEngine of(int rows, int features, LazyTerms weights, LazyTerms bias, double rowCap, String spec) {
        ScaledEngine.ClosedForm form = ScaledEngine.ClosedForm.of(weights);
        boolean capped = rowCap < Double.POSITIVE_INFINITY;
        if (form == null) {
            return weights.anyCumulative() || capped ? null : new ReplayEngine(rows, features, weights, bias, spec);
        }
        if (weights.anyCumulative()) {
            return capped ? null : new CumulativeL1Engine(rows, features, form, bias, spec);
        }
        if (form.anyL1()) {
            return capped ? null : new SoftThresholdEngine(rows, features, form, bias, spec);
        }
        return capped ? new RowCapEngine(rows, features, form, rowCap, bias, spec)
                : new ShrinkEngine(rows, features, form, bias, spec);
    }
}
