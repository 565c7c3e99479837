package dev.rein.runtime.tribuo;

import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.runtime.optim.PerCoordinateStep;
import dev.rein.runtime.plan.PenaltyTerm;
import dev.rein.runtime.plan.RegularizationPlan;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.Tensor;

/**
 * One optimiser step with the plan applied to every weight at once, O(parameters): the coupled penalties join the
 * loss gradient, the inner optimiser steps, the decoupled decay and the proximal terms rewrite its update, and the
 * constraints project. Correct for every layout and optimiser the plan allows; the lazy engine
 * ({@link LazyEngine}) is the fast path for sparse linear models.
 *
 * <pre>{@code
 * var eager = new EagerStep(plan, layout, parameters, inner);
 * Tensor[] update = eager.step(gradients, weight, plan.stepSize(t), 1.0, averaging);   // the trainer adds it
 * }</pre>
 */
final class EagerStep {
    private final RegularizationPlan plan;
    private final ParameterLayout layout;
    private final Parameters parameters;
    private final StochasticGradientOptimiser inner;
    private final boolean rewritesUpdate;
    /** The inner optimiser when proximal steps take each weight's own step size from it, else null. */
    private final PerCoordinateStep perCoordinate;
    private final double squaredBatch;

    EagerStep(RegularizationPlan plan, ParameterLayout layout, Parameters parameters,
            StochasticGradientOptimiser inner) {
        this.plan = plan;
        this.layout = layout;
        this.parameters = parameters;
        this.inner = inner;
        this.rewritesUpdate = plan.has(PenaltyMode.DECOUPLED) || plan.has(PenaltyMode.PROXIMAL);
        boolean ownSteps = plan.optimiser().perCoordinate() && !plan.optimiser().isPlainSgd();
        this.perCoordinate = ownSteps && inner instanceof PerCoordinateStep p ? p : null;
        this.squaredBatch = (double) plan.minibatchSize() * plan.minibatchSize();
    }

    /**
     * Coupled gradient, inner step (its update multiplied by {@code rateFactor}, a scheduled rate's share; 1 for
     * none), decoupled decay and proximal terms with step size {@code stepSize} (already scaled) or each
     * coordinate's step size times {@code rateFactor}, then the constraints; tells {@code averaging} (may be null)
     * what Rein changed in the inner update.
     */
    Tensor[] step(Tensor[] gradients, double weight, double stepSize, double rateFactor,
            AveragingCorrection averaging) {
        boolean moves = plan.moves(weight);
        boolean after = moves && rewritesUpdate;
        double[][] before = after ? readSlots(parameters.get()) : null;
        if (moves) {
            addCoupledGradient(gradients, plan.coupledShare(weight));
        }
        Tensor[] update = Tensors.scaled(inner.step(gradients, weight), rateFactor);
        double[][] innerUpdate = averaging != null ? readSlots(update) : null;
        if (after) {
            applyDecoupledAndProximal(update, before, stepSize, rateFactor);
        }
        if (!plan.constraints().isEmpty()) {
            project(update);
        }
        if (averaging != null) {
            averaging.record(innerUpdate, readSlots(update));
        }
        return update;
    }

    private double[][] readSlots(Tensor[] tensors) {
        List<ParameterSlot> slots = layout.slots();
        double[][] out = new double[slots.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = slots.get(i).readValues(tensors);
        }
        return out;
    }

    /** {@code G += -share·∇R(w)} over every slot a coupled penalty covers. */
    private void addCoupledGradient(Tensor[] gradients, double share) {
        Tensor[] live = parameters.get();
        for (ParameterSlot slot : layout.slots()) {
            ParameterBlock w = null;
            double[] penaltyGradient = null;
            for (PenaltyTerm p : plan.penalties()) {
                if (p.mode() == PenaltyMode.COUPLED && p.covers(slot.role())) {
                    if (w == null) {
                        w = slot.read(live);
                        penaltyGradient = new double[slot.size()];
                    }
                    p.addGradient(w, penaltyGradient);
                }
            }
            if (penaltyGradient != null) {
                slot.dense(gradients);
                slot.add(gradients, penaltyGradient, -share);
            }
        }
    }

    /**
     * Per slot, {@code w} the weights before the step: {@code v = w + U}; each decoupled term in spec order
     * {@code v -= s·∇R(w)} (stopping at zero for a term whose decay does not shrink with the weight, such as L1);
     * then each proximal term {@code v = prox(v)}, with step {@code s} or, under an optimiser that gives each weight
     * its own step size, with {@code b²·s_i}; finally {@code U = v - w}.
     */
    private void applyDecoupledAndProximal(Tensor[] update, double[][] before, double stepSize, double rateFactor) {
        List<ParameterSlot> slots = layout.slots();
        for (int i = 0; i < slots.size(); i++) {
            ParameterSlot slot = slots.get(i);
            double[] w = before[i];
            double[] v = null;
            for (PenaltyTerm p : plan.penalties()) {
                if (p.mode() == PenaltyMode.DECOUPLED && p.covers(slot.role())) {
                    v = v != null ? v : moved(slot, update, w);
                    double[] decay = new double[slot.size()];
                    p.addGradient(block(slot, w), decay);
                    boolean stopsAtZero = p.decayStopsAtZero();
                    for (int k = 0; k < v.length; k++) {
                        double next = v[k] - stepSize * decay[k];
                        v[k] = stopsAtZero && next * v[k] < 0 ? 0.0 : next;
                    }
                }
            }
            double[] steps = null;
            for (PenaltyTerm p : plan.penalties()) {
                if (p.mode() == PenaltyMode.PROXIMAL && p.covers(slot.role())) {
                    v = v != null ? v : moved(slot, update, w);
                    if (perCoordinate != null) {
                        steps = steps != null ? steps : slot.stepSizes(perCoordinate, squaredBatch * rateFactor);
                        p.proximal(v, steps);
                    } else {
                        p.proximal(block(slot, v), stepSize);
                    }
                }
            }
            if (v != null) {
                for (int k = 0; k < v.length; k++) {
                    v[k] -= w[k];
                }
                slot.dense(update);
                slot.write(update, v);
            }
        }
    }

    /** {@code w + U} over the slot. */
    private static double[] moved(ParameterSlot slot, Tensor[] update, double[] w) {
        double[] v = slot.readValues(update);
        for (int k = 0; k < v.length; k++) {
            v[k] += w[k];
        }
        return v;
    }

    private static ParameterBlock block(ParameterSlot slot, double[] values) {
        return new ParameterBlock(slot.name(), slot.role(), slot.rows(), slot.columns(), values);
    }

    /** Rewrites {@code update} in place to {@code P(w + update) - w}, constraints in spec order. */
    private void project(Tensor[] update) {
        Tensor[] live = parameters.get();
        Map<ParameterSlot, ParameterBlock> proposed = new LinkedHashMap<>();
        for (BoundTerm term : plan.constraints()) {
            Constraint constraint = term.hook(Constraint.class);
            for (ParameterSlot slot : layout.slots()) {
                if (term.target().covers(slot.role())) {
                    constraint.project(proposed.computeIfAbsent(slot, s -> sum(s.read(live), s.readValues(update))));
                }
            }
        }
        for (Map.Entry<ParameterSlot, ParameterBlock> e : proposed.entrySet()) {
            ParameterSlot slot = e.getKey();
            double[] move = e.getValue().values().clone();
            double[] w = slot.readValues(live);
            for (int i = 0; i < move.length; i++) {
                move[i] -= w[i];
            }
            slot.dense(update);
            slot.write(update, move);
        }
    }

    private static ParameterBlock sum(ParameterBlock w, double[] u) {
        double[] v = w.values();
        for (int i = 0; i < v.length; i++) {
            v[i] += u[i];
        }
        return w;
    }
}
