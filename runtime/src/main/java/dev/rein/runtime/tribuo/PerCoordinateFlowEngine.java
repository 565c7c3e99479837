package dev.rein.runtime.tribuo;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.runtime.optim.PerCoordinateStep;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;

/**
 * Proximal steps in AdaGrad's own metric for penalties without a closed form (a user's {@code @Proximal}): while a
 * feature is absent its weight's step size {@code s_i = b²·η/(δ + √G_i)} stays frozen, so each missed step is the
 * same map {@code w ↦ prox_{s_i P}(w - h·G(w))} ({@code G} the decoupled terms with AdaGrad's constant
 * {@code h = η·b²}, {@code P} the proximal term). {@code k} of them are {@code k} unit steps of the flow of
 * {@code h·G + s_i·P}, caught up by {@link PenaltyFlow} within {@code 1e-6·|w| + 1e-9} of the steps (see its error
 * bound); up to {@value ReplayEngine#REPLAY_UP_TO} missed steps, and the last {@value ReplayEngine#EXACT_TAIL} after
 * the flow, are replayed exactly, and a weight whose flow cannot meet the bound is replayed step by step, which the
 * run reports once ({@code [tribuo-flow-replayed]}).
 *
 * <pre>{@code
 * LazyEngine engine = new PerCoordinateFlowEngine(rows, features, terms, adagrad, b * b, plan.stepSize(1), spec);
 * }</pre>
 *
 * <p>As in {@link PerCoordinateProximalEngine}, steps with mean example weight 0 move nothing and are not counted,
 * and the stored values are the weights themselves.
 */
final class PerCoordinateFlowEngine extends LazyEngine {
    private static final Logger LOG = Logger.getLogger(PerCoordinateFlowEngine.class.getName());

    private final ElementwisePenalty[] gradients;
    private final boolean[] stops;
    private final ElementwisePenalty[] proximals;
    private final PerCoordinateStep optimiser;
    private final double squaredBatch;
    /** {@code h}: the decoupled step of every moving step (AdaGrad's rate is constant). */
    private final double decoupledStep;
    private final PenaltyFlow flow;
    /** Per weight {@code r * features + c}: its step size while absent, NaN until first known. */
    private final double[] stepS;
    /** Per weight: the count of moving steps it is exact at. */
    private final int[] exactAt;
    private int moving;
    private int movingBefore;
    private long replayedWeights;
    private double[] present = new double[16];

    /** @param terms decoupled gradient terms and at most one proximal term, none cumulative, none on the bias */
    PerCoordinateFlowEngine(int rows, int features, LazyTerms terms, PerCoordinateStep optimiser, double squaredBatch,
            double decoupledStep, String spec) {
        super(rows, features, LazyTerms.of(List.of()), spec);
        this.gradients = terms.gradients();
        this.stops = terms.stopsAtZero();
        this.proximals = terms.proximals();
        this.optimiser = optimiser;
        this.squaredBatch = squaredBatch;
        this.decoupledStep = decoupledStep;
        this.flow = new PenaltyFlow(gradients, proximals);
        this.stepS = new double[rows * features];
        Arrays.fill(stepS, Double.NaN);
        this.exactAt = new int[rows * features];
    }

    @Override
    boolean canDefer(double h) {
        return true;
    }

    @Override
    void recordHistory(double h) {
        movingBefore = moving;
        if (h != 0) {
            moving++;
        }
    }

    @Override
    boolean needsCatchUpAll() {
        return false;
    }

    @Override
    double rowFactor(int r) {
        return 1;
    }

    @Override
    double forwardRow(double[] row, int r, int[] index, double[] value, int n) {
        int offset = r * features;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            double u = caughtUp(row[c], i, moving);
            row[c] = u;
            exactAt[i] = moving;
            sum += u * value[k];
        }
        return sum;
    }

    /** Catch up to the step before, then {@code prox_{s_i}(w - h·G(w) + δ)} with this step's {@code s_i}. */
    @Override
    double addRow(double[] row, int r, int[] index, double[] delta, int n) {
        if (present.length < n) {
            present = new double[Math.max(n, 2 * present.length)];
        }
        optimiser.stepSizes(0, r, index, n, present);
        int offset = r * features;
        boolean moves = moving != movingBefore;
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            double u = caughtUp(row[c], i, movingBefore);
            double s = squaredBatch * present[k];
            stepS[i] = s;   // frozen from here until the feature is next present
            double v = moves ? oneStep(u, delta[k], s) : u + delta[k];
            row[c] = v;
            exactAt[i] = moving;
            nonFinite += v * 0;
        }
        return nonFinite;
    }

    @Override
    void clearHistory() {
        Arrays.fill(exactAt, moving);
    }

    @Override
    void forgetHistory() {
        clearHistory();
    }

    @Override
    double weight(double u, int r, int c) {
        return caughtUp(u, r * features + c, moving);
    }

    /** How many catch-ups replayed every missed step because the flow could not meet its bound. */
    long replayedWeights() {
        return replayedWeights;
    }

    private double caughtUp(double u, int i, int to) {
        int k = to - exactAt[i];
        if (k <= 0) {
            return u;
        }
        if (Double.isNaN(stepS[i])) {
            stepS[i] = squaredBatch * optimiser.stepSize(0, i / features, i % features);
        }
        double s = stepS[i];
        int replay = k;
        if (k > ReplayEngine.REPLAY_UP_TO) {
            int flowed = k - ReplayEngine.EXACT_TAIL;
            double w = flow.withScales(decoupledStep, s).advance(u, flowed, flowed, 1, 1, flowed / 2);
            if (!Double.isNaN(w) || Double.isNaN(u)) {
                u = w;
                replay = ReplayEngine.EXACT_TAIL;
            } else if ((!flow.lastOverBudget() || flowed >= ReplayEngine.LONG_REPLAY) && replayedWeights++ == 0) {
                LOG.warning(TribuoMessages.flowReplayed(spec(), PenaltyFlow.RELATIVE_TOLERANCE,
                        PenaltyFlow.ABSOLUTE_TOLERANCE).toString());
            }
        }
        for (int t = 0; t < replay; t++) {
            u = oneStep(u, 0, s);
        }
        return u;
    }

    /** One moving step: the decoupled terms with {@code h} (each stopping at zero if it does), then the prox. */
    private double oneStep(double w, double delta, double s) {
        double v = w + delta;
        for (int k = 0; k < gradients.length; k++) {
            double next = v - decoupledStep * gradients[k].gradient(w);
            v = stops[k] && next * v < 0 ? 0.0 : next;
        }
        for (ElementwisePenalty p : proximals) {
            v = p.proximal(v, s);
        }
        return v;
    }
}
