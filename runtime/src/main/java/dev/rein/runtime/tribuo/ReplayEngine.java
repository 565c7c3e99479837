package dev.rein.runtime.tribuo;

import java.util.Arrays;
import java.util.logging.Logger;

/**
 * The lazy history of any element-wise penalty without a closed form: the stored values are the weights, the
 * history is the prefix sums of the step sizes, and each weight remembers the step it is exact at. Up to
 * {@value #REPLAY_UP_TO} missed steps are replayed exactly through the hooks. Beyond that they are one stretch of
 * the penalty's gradient flow over their summed step size, integrated by {@link PenaltyFlow} (two gradient calls per
 * term when the penalty barely moves the weight, a few dozen when it moves it far, however many steps were missed);
 * when the terms have a proximal operator or a decay that stops at zero, the last {@value #EXACT_TAIL} are replayed
 * exactly after it (so an exact zero comes out as the steps would give it). The result is within
 * {@link PenaltyFlow}'s bound of the steps one by one:
 * {@code 1e-6·|w| + 1e-9} per catch-up. Where the flow cannot promise that (a penalty stiff for the step sizes given,
 * a weight that crosses zero, or a flow that would cost more calls than the steps themselves) that weight's steps
 * are replayed one by one instead, and the run says so once (a {@code [tribuo-flow-replayed]} warning on this
 * class's logger). The history is folded in every {@value #MAX_HISTORY} steps to bound its memory.
 *
 * <p><b>Steps carried by present weights.</b> Without a prox, a present weight's own penalty steps are deferred too:
 * its update is added alone, and once it has missed {@value #DEFER_STEPS} steps (or when the model is read: a
 * catch-up, the end of training, an epoch's end) they are applied at once, through the flow as above but to
 * {@code max(1e-6·|w| + 1e-9, 1e-2·S·|R'(w)|)} and with no exact tail, from where the weight then stands, before
 * that step's update. On dense data (every pixel present every other step) this turns
 * a hook call per weight and step into a few per {@value #DEFER_STEPS} steps. What it costs in accuracy, with
 * {@code S ≤ K·h_max} the summed size of the {@code K} carried steps: the loss reads the weight up to the carried
 * movement {@code S·max|R'|} away from the eager one, and the carried steps are taken as if the window's updates had
 * come first, which moves the result by at most {@code S·max|R''|·D} ({@code D} how far the updates moved the weight
 * within the window), on top of the flow's bound. Both are of the order of the penalty's own effect times a factor
 * that shrinks with the step size; the effect on the model is measured, not bounded: on the benchmarks' Fashion-MNIST
 * and 1,000,000-feature data, with four penalties of different curvature under SGD and AdaGrad, every weight stayed
 * within 3 % of the penalty's largest change to a weight and test accuracy within 0.02 point of eager training
 * ({@code DeferralOnRealDataTest}, docs/NOTES.md). A decay that stops at zero stops where it is applied. Where a
 * window would be stiff, {@code K·h·|R''(w)| > }{@value #STIFF_LIMIT} at the weight's first touch (a
 * penalty curved sharply for the step size, a kink), carrying would cost points of accuracy: such a weight takes its
 * steps one by one, exactly, from then on ({@code DeferredStepsTest}). So does a weight whose carried window turns
 * out to have bent the penalty's slope by more than {@value #STIFF_LIMIT} of itself (it moved to a kink or a steep
 * place away from zero: {@code DenseWindowsTest}).
 *
 * <p><b>Dense windows.</b> When the updates touch on average at least {@value #DENSE_SHARE} of all weights a step
 * (judged over the first {@value #JUDGE_AFTER} steps; pixels, not words), keeping a window per weight costs more
 * than the penalty: the engine then lets every weight carry its steps and applies them all every
 * {@value #DEFER_STEPS} steps in one pass over the model, with the same tolerance and the same bounds as above, the
 * forward pass and the update being plain dot products and additions in between. The stiffness check then comes from
 * that pass: a weight whose slope changed by more than {@value #STIFF_LIMIT} of itself over a window ends dense
 * windows for the run, and every weight is checked again at its next touch.
 *
 * <pre>{@code
 * LazyEngine engine = LazyEngines.of(rows, features, LazyTerms.of(terms), bias, Double.POSITIVE_INFINITY, spec);
 * engine.record(h, update);   // each step; engine.weight(values, r, c) reads a weight caught up
 * }</pre>
 */
final class ReplayEngine extends LazyEngine {
    /** Up to this many missed steps a replay is as cheap as the flow. */
    static final int REPLAY_UP_TO = 8;
    /** The latest missed steps, replayed exactly after the flow when a step can end at an exact zero. */
    static final int EXACT_TAIL = 2;
    /** A replay at least this long is reported even when the flow only ran out of calls. */
    static final int LONG_REPLAY = 64;
    static final int MAX_HISTORY = 1 << 16;
    /**
     * Missed penalty steps a present weight may carry before they are applied (see the class comment): chosen by
     * measurement on Fashion-MNIST and the sparse set (docs/NOTES.md, issue 12).
     */
    static final int DEFER_STEPS = 32;
    /**
     * The flow's tolerance for carried steps, as a share of their movement {@code S·|R'(w)|} (when larger than
     * {@link PenaltyFlow}'s own): the carrying already moves the loss's view of the weight by up to that movement.
     * With it one Heun step settles every window whose slope bends by less than {@link #STIFF_LIMIT} (its error
     * estimate, half the bend squared of the movement, is then below half of this share), so a window is either
     * stiff (exact steps) or costs two slope reads; 1e-3 sent a fifth of pseudo-Huber's windows under AdaGrad to the
     * Runge–Kutta path (1.27× an unregularized epoch against 0.8× for the other penalties).
     */
    static final double CARRIED_SHARE = 1e-2;
    /**
     * A window of carried steps is stiff when {@code K·h·|R''(w)|} exceeds this, {@code K} the steps it may carry and
     * {@code h} the current step: the carried movement would then bend the penalty's slope by a tenth of itself.
     */
    static final double STIFF_LIMIT = 0.1;
    /** Steps after which the engine judges whether the data are dense enough for {@link #denseWindows}. */
    static final int JUDGE_AFTER = 2 * DEFER_STEPS;
    /** The share of all weights a step's updates must touch on average for the data to count as dense. */
    static final double DENSE_SHARE = 1.0 / 8;
    /**
     * Replayed steps, as a share of what stepping every weight would have taken, past which eager steps are cheaper:
     * a replayed step is a link in a chain (each waits for the one before), with the flow's failed attempt before
     * it about ten times an eager pass's cost a weight (measured: at half, a penalty stiff at zero ran four times
     * {@code --exact} for a whole epoch before switching; at a tenth, within 1.1 times it).
     */
    static final double EAGER_SHARE = 0.1;
    /** Steps before the replays' share is judged: enough to have seen the data's rare features come back. */
    static final int EAGER_JUDGE_AFTER = 512;
    private static final Logger LOG = Logger.getLogger(ReplayEngine.class.getName());

    private final LazyTerms terms;
    private final PenaltyFlow flow;
    /** The latest missed steps replayed after the flow: {@value #EXACT_TAIL} with a prox or a stop at zero, else 0. */
    private final int tail;
    /** The largest and smallest step sizes recorded since {@code base}: bounds on every missed step's. */
    private double largestStep;
    private double smallestStep = Double.POSITIVE_INFINITY;
    /** Catch-ups that fell back to replaying every step (reported once per run). */
    private long replayedWeights;
    /** Per weight {@code r * features + c}: the step it is exact at, when later than {@code base}. */
    private final int[] exactAt;
    /** The prefix sums of the step sizes, indexed by {@code step - base} (0 at {@code base}). */
    private double[] prefixH = new double[256];
    /** Pending steps a present weight carries before they are applied; 0: none (every step applied when seen). */
    private int deferUpTo;
    /**
     * Per weight, {@link #CARRIED}, {@link #STIFF} and {@link #CHECKED} (null where weights never carry): one byte,
     * so that a touch reads one array beside the weight and {@link #exactAt}; on sparse data each is a cache miss.
     */
    private final byte[] flags;
    /** An update was added while the weight carried steps (its catch-up is then approximate anyway). */
    private static final byte CARRIED = 1;
    /**
     * A window of carried steps was found stiff at the weight, so it takes its steps exactly and is read caught up
     * from then on (as without carrying).
     */
    private static final byte STIFF = 2;
    /** Whether {@link #STIFF} was decided (at the weight's first touch). */
    private static final byte CHECKED = 4;
    /** Whether any weight was ever found stiff in this run (so that no touch reads its flag before then). */
    private boolean stiffSeen;
    /** Steps recorded and weights their updates touched, until the engine has judged the data's density. */
    private int recorded;
    /**
     * Steps replayed one by one in long replays (the flow could not meet its bound), and the failed attempts before
     * them in replayed steps' worth, for {@link #EAGER_SHARE}.
     */
    private long replayedSteps;
    private long touches;
    private boolean judged;
    /** Whether some weight was found stiff: dense windows are then not taken (or left). */
    private boolean anyStiff;
    /** Dense windows (see the class comment): every weight carries its steps, all applied together. */
    private boolean dense;
    /** Dense windows start after the catch-up of every weight now due (which folds each weight as it carried). */
    private boolean denseNext;

    ReplayEngine(int rows, int features, LazyTerms weights, LazyTerms bias, String spec) {
        super(rows, features, bias, spec);
        this.terms = weights;
        this.tail = weights.proximals().length > 0 || weights.anyStopsAtZero() ? EXACT_TAIL : 0;
        this.exactAt = new int[rows * features];
        // two proximal terms in a row split a step in a way the flow does not model: those weights are replayed
        this.flow = weights.proximals().length <= 1 ? new PenaltyFlow(weights.gradients(), weights.proximals())
                : null;
        this.deferUpTo = deferrable() ? DEFER_STEPS : 0;
        this.flags = deferrable() ? new byte[rows * features] : null;
    }

    /**
     * Whether a present weight may carry missed steps: only without a prox (it applies after the loss update, which
     * is what makes its exact zeros). A decay that stops at zero still stops there, at the weight it is applied to.
     */
    private boolean deferrable() {
        return flow != null && terms.proximals().length == 0;
    }

    /**
     * Lets a present weight carry up to {@code steps} missed steps (0: apply them whenever it is seen), where the
     * terms allow it at all; for tests and measurements. Returns this engine.
     */
    ReplayEngine deferringUpTo(int steps) {
        this.deferUpTo = deferrable() ? steps : 0;
        return this;
    }

    @Override
    boolean canDefer(double h) {
        return true;
    }

    /** Whether the engine takes dense windows now (for tests and measurements). */
    boolean denseWindows() {
        return dense;
    }

    @Override
    void recordHistory(double h) {
        recorded++;
        int n = latest - base;
        if (n + 1 == prefixH.length) {
            prefixH = Arrays.copyOf(prefixH, 2 * prefixH.length);
        }
        prefixH[n + 1] = prefixH[n] + h;
        largestStep = Math.max(largestStep, Math.abs(h));
        smallestStep = Math.min(smallestStep, Math.abs(h));
    }

    @Override
    boolean needsCatchUpAll() {
        int pending = latest - base;
        if (dense) {
            return pending >= deferUpTo || pending >= MAX_HISTORY;
        }
        if (!judged && deferUpTo > 0 && recorded >= JUDGE_AFTER) {
            judged = true;
            // dense: fold everything in now (each weight caught up as it carried), windows together from here
            denseNext = !anyStiff && touches >= DENSE_SHARE * rows * features * recorded;
            return denseNext || pending >= MAX_HISTORY;
        }
        return pending >= MAX_HISTORY;
    }

    @Override
    double rowFactor(int r) {
        return 1;
    }

    @Override
    double forwardRow(double[] row, int r, int[] index, double[] value, int n) {
        if (dense) {
            return dot(row, index, value, n);   // every weight carries: the stored values are what the loss reads
        }
        int offset = r * features;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            double u = row[c];
            if (latest - Math.max(exactAt[i], base) >= deferUpTo || stiffSeen && (flags[i] & STIFF) != 0) {
                u = flags != null ? carriedCaughtUp(u, i) : caughtUp(u, i, latest);
                row[c] = u;   // a replay is costly: keep its result
                exactAt[i] = latest;
                if (flags != null) {
                    flags[i] &= ~CARRIED;
                }
            }
            sum += u * value[k];
        }
        return sum;
    }

    /**
     * Replay the missed steps, then this one through the hooks; or, when a present weight may carry missed steps,
     * add the update alone until {@code deferUpTo} are missed, then apply them all (this one's included, at the
     * weight before its update) and add the update.
     */
    @Override
    double addRow(double[] row, int r, int[] index, double[] delta, int n) {
        int offset = r * features;
        if (dense) {
            double nonFinite = 0;
            for (int k = 0; k < n; k++) {
                double w = row[index[k]] + delta[k];
                row[index[k]] = w;
                nonFinite += w * 0;
            }
            return nonFinite;
        }
        if (deferUpTo > 0) {
            if (!judged) {
                touches += n;
            }
            return addDeferring(row, offset, index, delta, n);
        }
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            nonFinite += exactStep(row, index[k], offset + index[k], delta[k]);
        }
        return nonFinite;
    }

    /**
     * Weight {@code i} (column {@code c} of {@code row}) caught up to the step before this one, then this step's
     * update and penalty step applied; returns {@code w·0}, NaN when the weight is not finite.
     */
    private double exactStep(double[] row, int c, int i, double delta) {
        double w = genericStep(caughtUp(row[c], i, latest - 1), delta, stepH, terms);
        row[c] = w;
        exactAt[i] = latest;
        return w * 0;
    }

    private double addDeferring(double[] row, int offset, int[] index, double[] delta, int n) {
        double nonFinite = 0;
        for (int k = 0; k < n; k++) {
            int c = index[k];
            int i = offset + c;
            double w = row[c];
            byte flag = flags[i];
            if ((flag & CHECKED) == 0) {
                // Once per weight, at its first touch (Tribuo starts linear weights at 0, where penalties have their
                // kinks and steepest curvature): exact steps cost less than lost accuracy. Checking every window
                // doubled the hook calls of smooth penalties on dense data.
                flag |= CHECKED;
                if ((flag & STIFF) != 0 || deferUpTo * Math.abs(stepH) * Math.abs(curvature(w)) > STIFF_LIMIT) {
                    flag |= STIFF;
                    anyStiff = true;
                    stiffSeen = true;
                }
                flags[i] = flag;
            }
            if ((flag & STIFF) != 0) {
                nonFinite += exactStep(row, c, i, delta[k]);   // never carries: carried[i] stays false
                continue;
            }
            if (latest - Math.max(exactAt[i], base) >= deferUpTo) {
                w = carriedCaughtUp(w, i);
                exactAt[i] = latest;
                flags[i] &= ~CARRIED;
            } else {
                flags[i] |= CARRIED;
            }
            w += delta[k];
            row[c] = w;
            nonFinite += w * 0;
        }
        return nonFinite;
    }

    /**
     * In dense windows, the window's steps applied to every weight of the row (as carried steps, see the class
     * comment), watching each for stiffness; otherwise each weight as it reads caught up.
     */
    @Override
    int foldRow(double[] row, int r) {
        if (!dense) {
            return super.foldRow(row, r);
        }
        int steps = latest - base;
        int bad = -1;
        for (int c = 0; c < features; c++) {
            double w = replay(row[c], 0, steps, true);
            if (steps > REPLAY_UP_TO && bentPastLimit(prefixH[steps])) {
                anyStiff = true;
                flags[r * features + c] |= STIFF;   // exact steps for it once windows are per weight again
                stiffSeen = true;
            }
            row[c] = w;
            if (bad < 0 && !Double.isFinite(w)) {
                bad = c;
            }
        }
        return bad;
    }

    @Override
    void clearHistory() {
        if (dense && anyStiff) {
            // a weight went stiff: windows per weight again, each weight checked at its next touch
            dense = false;
            anyStiff = false;
            clear(CHECKED);
        }
        dense |= denseNext;
        denseNext = false;
        // every weight is exact at latest, which becomes the base: exactAt entries before it no longer count
        if (flags != null) {
            clear(CARRIED);
        }
        largestStep = 0;
        smallestStep = Double.POSITIVE_INFINITY;
    }

    /** Clears {@code flag} at every weight. */
    private void clear(byte flag) {
        byte keep = (byte) ~flag;
        for (int i = 0; i < flags.length; i++) {
            flags[i] &= keep;
        }
    }

    @Override
    void forgetHistory() {
        clearHistory();
    }

    @Override
    double weight(double u, int r, int c) {
        return caughtUp(u, r * features + c, latest);
    }

    private double caughtUp(double stored, int i, int to) {
        int from = Math.max(exactAt[i], base);
        if (from >= to) {
            return stored;
        }
        return replay(stored, from - base, to - base, dense || flags != null && (flags[i] & CARRIED) != 0);
    }

    /**
     * Weight {@code i} caught up to {@code latest}; when it carried steps and their window bent its slope by more
     * than {@link #STIFF_LIMIT} of itself (a kink or steep curvature where the weight has moved to, away from where
     * its first touch was checked), it takes exact steps from now on.
     */
    private double carriedCaughtUp(double w, int i) {
        boolean wasCarried = (flags[i] & CARRIED) != 0;
        int from = Math.max(exactAt[i], base) - base;
        int missed = latest - base - from;
        double u = caughtUp(w, i, latest);
        if (wasCarried && missed > REPLAY_UP_TO && bentPastLimit(prefixH[latest - base] - prefixH[from])) {
            flags[i] |= STIFF;
            anyStiff = true;
            stiffSeen = true;
        }
        return u;
    }

    /**
     * Whether the last flow's bend over a stretch of summed step {@code total} means a window of {@link #deferUpTo}
     * steps would be stiff: the bend is about {@code total·|R''|}, the limit is on {@code K·h·|R''|}.
     */
    private boolean bentPastLimit(double total) {
        return total > 0 && flow.lastBend() * deferUpTo * largestStep / total > STIFF_LIMIT;
    }

    /**
     * Steps {@code from + 1 .. to} (relative to {@code base}) on {@code w}; for carried steps the flow's tolerance is
     * {@link #CARRIED_SHARE} of their movement and no tail is replayed (where a carried decay stops at zero is
     * approximate anyway).
     */
    private double replay(double w, int from, int to, boolean carriedSteps) {
        int missed = to - from;
        if (missed > REPLAY_UP_TO && flow != null) {
            int flowTo = to - (carriedSteps ? 0 : tail);
            int flowedSteps = flowTo - from;
            double flowed = flow.advance(w, prefixH[flowTo] - prefixH[from], flowedSteps, smallestStep, largestStep,
                    flowedSteps / 2, carriedSteps ? CARRIED_SHARE : 0);
            if (!Double.isNaN(flowed) || Double.isNaN(w)) {
                w = flowed;
                from = flowTo;
            } else {
                // the failed attempt counts too: a slope evaluation reads the table three times, a replayed step once
                replayedSteps += 3L * flow.lastCalls();
                if (!flow.lastOverBudget() || flowedSteps >= LONG_REPLAY) {
                    replayed();   // worth saying unless the flow ran out of calls on a short replay, cheap anyway
                }
            }
        }
        return replaySteps(w, from, to);
    }

    /**
     * Steps {@code from + 1 .. to} one by one. Up to {@link #REPLAY_UP_TO} steps call the hooks, as eager training
     * does. In a long replay (the flow could not meet its bound) plain gradient terms (no prox, no stop at zero) read
     * their summed slope from the flow's table, within {@code 1e-9} of the hooks, and under a constant step size a
     * weight that returns to where it was two steps before (a penalty stiff at zero, whose steps bounce across it, or
     * a fixed point) stays on that cycle, so the steps left are counted rather than taken.
     */
    private double replaySteps(double w, int from, int to) {
        boolean longReplay = to - from > REPLAY_UP_TO;
        if (longReplay) {
            replayedSteps += to - from;
        }
        boolean tabulated = longReplay && flow != null && terms.proximals().length == 0 && !terms.anyStopsAtZero();
        boolean constant = longReplay && largestStep - smallestStep <= 1e-12 * largestStep;
        double before = Double.NaN;
        for (int s = from; s < to; s++) {
            double h = prefixH[s + 1] - prefixH[s];
            double next = tabulated ? (h == 0 ? w : w - h * flow.explicitSlope(w)) : oneStep(w, h);
            if (constant && (next == before || next == w)) {
                return (to - s - 1) % 2 == 0 || next == w ? next : w;   // w, next, w, next, ...: the parity decides
            }
            before = w;
            w = next;
        }
        return w;
    }

    /**
     * {@code R''(w)} of the terms' summed slope, by a central difference on the flow's table (only weights that may
     * carry are checked, and they have a flow): a stiffness check at every first touch adds up.
     */
    private double curvature(double w) {
        double d = 1e-6 * Math.max(1, Math.abs(w));
        return (flow.explicitSlope(w + d) - flow.explicitSlope(w - d)) / (2 * d);
    }

    private void replayed() {
        if (replayedWeights++ == 0) {
            LOG.warning(TribuoMessages.flowReplayed(spec(), PenaltyFlow.RELATIVE_TOLERANCE,
                    PenaltyFlow.ABSOLUTE_TOLERANCE).toString());
        }
    }

    @Override
    boolean costsMoreThanEager() {
        return recorded >= EAGER_JUDGE_AFTER && replayedSteps > EAGER_SHARE * recorded * (double) rows * features;
    }

    /** How many catch-ups replayed every missed step because the flow could not meet its bound. */
    long replayedWeights() {
        return replayedWeights;
    }

    /** {@code prox_h(w - h·Σ ∇R(w))}, what an absent weight gets on a step of size {@code h}. */
    private double oneStep(double w, double h) {
        if (h == 0) {
            return w;
        }
        return genericStep(w, 0, h, terms);
    }
}
