package dev.rein.runtime.tribuo;

import dev.rein.api.hook.ElementwisePenalty;

/**
 * Many missed penalty steps of an absent weight in a few hook calls. The steps {@code w ← w - h·G(w)} (the gradient
 * terms, explicit Euler) then {@code w ← prox_{h P}(w)} (a proximal term, implicit Euler) follow, to first order in
 * {@code h}, the gradient flow {@code dw/ds = -(G + P)(w)}; to second order they follow its <em>modified</em> flow
 * {@code dw/ds = -[G(w + (h/2)·T) + P(w - (h/2)·T)]}, {@code T = (G + P)(w)} (backward error analysis: its exact
 * solution over time {@code h} is one step, up to {@code O(h³)}). Three ways, the cheapest that meets the bound below:
 * <ol>
 * <li>A weight that the penalty barely moves (the common case on sparse data: a small penalty, a rare feature): one
 * Heun step on the plain flow and the steps' known first-order difference from it, three slope reads (the third
 * checks the slope's bend halfway) however many steps it missed.</li>
 * <li>Where the terms are all explicit or all implicit: the plain flow's end from its {@link FlowClock} (a
 * tabulated {@code T(w) = ∫dw/R'} that every path runs down at unit speed, solved by Newton's method), plus the lag
 * of the steps behind the flow, exact in how far the flow goes (see {@link #clocked}): about ten reads, however far
 * the weight moves, within the clock's runs.</li>
 * <li>Otherwise the modified flow over the summed step size {@code S} with the mean step {@code h = S / k}, by the
 * Bogacki–Shampine 3(2) Runge–Kutta pair with step-size control, starting with one step over the whole of
 * {@code S}.</li>
 * </ol>
 *
 * <pre>{@code
 * PenaltyFlow flow = new PenaltyFlow(new ElementwisePenalty[] {cauchy}, new ElementwisePenalty[0]);
 * // 1000 missed steps of sizes summing to 0.75, each between 0.0005 and 0.001
 * double w = flow.advance(2.0, 0.75, 1000, 0.0005, 0.001, Integer.MAX_VALUE);
 * if (Double.isNaN(w)) { ... replay the steps one by one ... }
 * }</pre>
 *
 * <p><b>Error bound.</b> With {@code τ = 1e-6·|w₀| + 1e-9} ({@link #RELATIVE_TOLERANCE},
 * {@link #ABSOLUTE_TOLERANCE}), a result that is not NaN differs from the steps applied one by one by at most about
 * {@code τ}. The clock's path adds its table's error, {@code 1e-8·S·max|R'|}, to the gap below and needs both within
 * {@code τ/2}. The integrator keeps each step's error estimate below {@code τ/32} (the estimate is the second-order
 * solution's; the third-order one it carries on is more accurate, which keeps the sum over the steps a catch-up takes
 * below {@code τ/2}: {@code τ/8} let a steep penalty's catch-up reach {@code 1.07·τ}, {@code τ/32} keeps it below
 * {@code 0.1·τ}); the gap between the steps and the modified flow is estimated as
 * {@code [(h_max - h_min)/2·V₁ + h_max²·(L·V₁ + M·V₂/4)]·A} and must stay below {@code τ/2}, where {@code V₁} and
 * {@code V₂} are the variations of {@code R'} and {@code R''} along the path, {@code L = max|R''|},
 * {@code M = max|R'|} and {@code A} the growth of a perturbation where {@code R''} is negative, all read off the
 * integrator's own evaluations (secants), with about three times the leading coefficients of the expansion as a
 * margin. The first term is the part of the first-order correction a varying step size leaves (none for a constant
 * learning rate or AdaGrad's frozen state). The tests check the bound against the steps themselves. NaN means the
 * bound cannot be met for these step sizes (a penalty stiff for them, whose steps overshoot or oscillate where the
 * flow does not), the weight crosses zero (a kink, or a step that stops there), or the integration would cost more
 * evaluations than {@code maxCalls} (the caller passes what replaying would cost, so that a flow that runs into a
 * kink and shrinks its steps towards it is given up in time): the caller then replays the steps exactly.
 */
final class PenaltyFlow {
    /** {@code τ}'s share of the weight's magnitude. */
    static final double RELATIVE_TOLERANCE = 1e-6;
    /** {@code τ}'s floor, for weights at or near zero. */
    static final double ABSOLUTE_TOLERANCE = 1e-9;
    /** Step-size control's safety factor, largest growth and largest shrink of a step (standard choices). */
    private static final double SAFETY = 0.9;
    private static final double MAX_GROWTH = 5;
    private static final double MIN_SHRINK = 0.2;

    /** The summed slopes of the explicit and the implicit terms, tabulated where the table matches the hooks. */
    private final SlopeTable explicit;
    private final SlopeTable implicit;
    /** The clock of the flow when its terms are all explicit or all implicit (see {@link #clocked}); else null. */
    private final FlowClock clock;
    /** Whether there are explicit and implicit terms (an empty side is skipped, not summed as 0, at every call). */
    private final boolean hasExplicit;
    private final boolean hasImplicit;
    /** The factors of the explicit and the implicit terms' gradients (1 and 1 unless {@link #withScales}). */
    private double explicitScale = 1;
    private double implicitScale = 1;
    /**
     * Slope evaluations {@link #clocked} usually takes (its table readings count as evaluations; at most
     * {@code 2·NEWTON_LIMIT + 4}): a catch-up whose budget is smaller goes straight to the integrator's check.
     */
    private static final int CLOCK_CALLS = 12;
    /** The plain flow's end by the last {@link #plainHeun}: where {@link #clocked} starts looking. */
    private double heunEnd;
    /** Half the mean step of the current {@link #advance}: the modified flow's shift. */
    private double halfStep;
    /** {@code a·G(w)} at the point of the last {@link #gradient} call. */
    private double explicitPart;
    /** {@code (a·G + b·P)(w)} at the point of the last {@link #slope} call. */
    private double plain;
    /** Whether the last {@link #advance} gave up for its call budget alone (no sign of inaccuracy). */
    private boolean lastOverBudget;
    /** Slope evaluations of the last {@link #advance} (for tests and measurements). */
    private int lastCalls;
    /** {@code |R'(end) - R'(start)| / |R'(start)|} of the last {@link #advance}'s first (Heun) step. */
    private double lastBend;

    /**
     * @param explicit the terms stepped along their gradient (coupled and decoupled)
     * @param implicit the terms applied by their proximal operator (at most one: two in a row split the step in a
     *                 way the modified flow does not model)
     */
    PenaltyFlow(ElementwisePenalty[] explicit, ElementwisePenalty[] implicit) {
        this.explicit = SlopeTable.of(explicit);
        this.implicit = SlopeTable.of(implicit);
        this.hasExplicit = explicit.length > 0;
        this.hasImplicit = implicit.length > 0;
        this.clock = hasExplicit && hasImplicit ? null : FlowClock.of(hasExplicit ? this.explicit : this.implicit);
    }

    /**
     * Scales the terms for the next {@link #advance}: a step is {@code w ← prox_{b·P}(w - a·G(w))}, so the flow's
     * velocity is {@code a·G + b·P}; with {@code advance(w, k, k, 1, 1, ...)} this is {@code k} steps in which the
     * explicit terms take step {@code a} and the implicit ones {@code b} (AdaGrad: {@code a = η·b²} for the
     * decoupled terms, {@code b = s_i} the weight's own frozen step). Returns this flow.
     */
    PenaltyFlow withScales(double a, double b) {
        explicitScale = a;
        implicitScale = b;
        return this;
    }

    /**
     * The weight {@code w} after {@code count} steps of total size {@code total}, each between {@code hMin} and
     * {@code hMax}, within the class's error bound of the steps themselves; NaN when the bound cannot be met (replay
     * instead), or when it would take more than {@code maxCalls} slope evaluations.
     */
    double advance(double w, double total, int count, double hMin, double hMax, int maxCalls) {
        return advance(w, total, count, hMin, hMax, maxCalls, 0);
    }

    /**
     * As {@link #advance(double, double, int, double, double, int)}, with {@code τ} at least {@code movementShare}
     * of the movement {@code S·|R'(w)|} these steps make: for steps whose timing is approximate anyway (steps a
     * present weight carried, {@link ReplayEngine}), an error far below that approximation's own. Such a catch-up is
     * settled by one Heun step whenever its estimated error is below {@code τ/2}.
     */
    double advance(double w, double total, int count, double hMin, double hMax, int maxCalls, double movementShare) {
        halfStep = total / count / 2;
        double g = gradient(w);
        lastCalls = 1;
        lastOverBudget = false;
        lastBend = 0;
        if (g == 0 || total == 0) {
            return w;   // a fixed point of the flow and of every step
        }
        double tolerance = Math.max(RELATIVE_TOLERANCE * Math.abs(w) + ABSOLUTE_TOLERANCE,
                movementShare * total * Math.abs(g));
        // carried steps: the Heun step's own error may take half of τ (nothing sums over steps; see the javadoc)
        double heunShare = movementShare > 0 ? 0.5 : 1.0 / 32;
        double quick = plainHeun(w, g, explicitPart, total, total / count, hMin, hMax, tolerance, heunShare);
        if (!Double.isNaN(quick)) {
            return quick;
        }
        if (clock != null && lastCalls + CLOCK_CALLS <= maxCalls) {
            double clocked = clocked(w, g, total, total / count, hMin, hMax, tolerance);
            if (!Double.isNaN(clocked)) {
                return clocked;
            }
        }
        double k1 = slope(w);
        lastCalls++;
        double perStep = tolerance / 32;
        double done = 0;
        double step = total;
        Path path = new Path(g);
        while (done < total) {
            if (lastCalls + 3 > maxCalls) {
                lastOverBudget = true;
                return Double.NaN;
            }
            step = Math.min(step, total - done);
            if (step <= total * 1e-12) {
                return Double.NaN;   // steps shrunk to nothing: a kink the flow keeps running into
            }
            // Bogacki–Shampine: three new stages, a third-order result, and its slope (FSAL) for the estimate
            double y2 = w + 0.5 * step * k1;
            double k2 = slope(y2);
            double g2 = plain;
            double k3 = slope(w + 0.75 * step * k2);
            double next = w + step * (2.0 / 9 * k1 + 1.0 / 3 * k2 + 4.0 / 9 * k3);
            double k4 = slope(next);
            lastCalls += 3;
            double error = Math.abs(step * (-5.0 / 72 * k1 + 1.0 / 12 * k2 + 1.0 / 9 * k3 - 1.0 / 8 * k4));
            // the estimate is the second-order solution's error; the third-order one carried on is far smaller
            double allowed = perStep;
            if (!Double.isFinite(error) || !Double.isFinite(next)) {
                return Double.NaN;
            }
            if (error > allowed) {
                step *= Math.max(MIN_SHRINK, SAFETY * Math.cbrt(allowed / error));
                continue;
            }
            if (next * w < 0) {
                // a smooth flow never crosses zero (R' is 0 there), so the step overshot: shorter ones approach it;
                // at a kink they cannot cross it either and the call limit ends the attempt
                step *= 0.5;
                continue;
            }
            path.add(w, y2, g2, next, plain, step);
            done += step;
            w = next;
            k1 = k4;
            step *= error == 0 ? MAX_GROWTH : Math.min(MAX_GROWTH, SAFETY * Math.cbrt(allowed / error));
        }
        return path.gap(hMin, hMax) <= tolerance / 2 ? w : Double.NaN;
    }

    /**
     * How much the penalty's slope changed over the last {@link #advance}'s whole stretch {@code S}, as a share of
     * itself ({@code ≈ S·|R''|}): its stiffness for steps summing to {@code S}. 0 when the slope was 0.
     */
    double lastBend() {
        return lastBend;
    }

    /** Whether the last {@link #advance} gave NaN for its call budget alone: replaying is then merely cheaper. */
    boolean lastOverBudget() {
        return lastOverBudget;
    }

    /**
     * The common case first: a weight the penalty barely moves. One step of Heun's method on the plain flow
     * ({@code -R'}, one more gradient call, and one halfway to check it), moved onto the steps by the first-order
     * difference between them and the flow, which integrates to
     * {@code (h/2)·(G(end) - G(start)) - (h/2)·(P(end) - P(start))} ({@code h} the mean step; along the flow
     * {@code dR'/ds = -R''·R'}). Accepted when Heun's error, estimated as Euler's {@code S/2·|ΔR'|} times
     * {@code |ΔR'|/|R'|} plus the trapezoid's {@code (2S/3)·|R'(mid) - (R'(start) + R'(end))/2|}, is below
     * {@code heunShare·τ} ({@code τ/32} for a catch-up, whose
     * estimate has been seen to fall short by a factor of 3; {@code τ/2} for carried steps, whose {@code τ} is a
     * thousandth of their movement and a thousandth of what carrying itself moves) and what the correction leaves,
     * {@code (h_max - h_min)/2·|ΔR'| + h_max²·|R''|·|ΔR'|}, below {@code τ/4}; else NaN and the modified flow is
     * integrated.
     */
    private double plainHeun(double w, double g0, double explicit0, double total, double meanStep, double hMin,
            double hMax, double tolerance, double heunShare) {
        double predicted = w - total * g0;
        double g1 = gradient(predicted);
        double explicit1 = explicitPart;
        lastCalls++;
        double change = Math.abs(g1 - g0);
        lastBend = change / Math.abs(g0);
        double explicitChange = explicit1 - explicit0;
        double implicitChange = (g1 - explicit1) - (g0 - explicit0);
        heunEnd = w - 0.5 * total * (g0 + g1);
        double next = heunEnd + 0.5 * meanStep * (explicitChange - implicitChange);
        // Heun's leading error for w' = -λw is z³/6 (z = λS); this estimate is z³/2 (τ/8 instead of τ/32 let a
        // log-cosh catch-up under decaying steps reach 1.1·τ)
        double heunError = 0.5 * total * change * Math.min(1, change / Math.abs(g0));
        double curvature = change / Math.abs(total * g0);
        double left = (hMax - hMin) / 2 * change + hMax * hMax * curvature * change;
        if (!(heunError <= heunShare * tolerance && left <= tolerance / 4 && next * w >= 0)) {
            return Double.NaN;
        }
        // the trapezoid's own error, from how far the slope halfway bends away from the chord: Simpson's rule less
        // the trapezoid's (a slope that changes little but unevenly, a pseudo-Huber's just beyond its width, passes
        // the estimate above by orders of magnitude)
        double halfway = gradient(0.5 * (w + heunEnd));
        lastCalls++;
        double trapezoidError = 2.0 / 3 * total * Math.abs(halfway - 0.5 * (g0 + g1));
        return heunError + trapezoidError <= heunShare * tolerance ? next : Double.NaN;
    }

    /**
     * The steps by the flow's {@link FlowClock}, when the quick step was not accurate enough: the plain flow's end
     * from the clock, then what the steps lag behind it. A step of explicit Euler falls behind the flow by
     * {@code (h²/2)·f'f} ({@code f} the velocity {@code a·G}); a one-dimensional flow carries a difference at
     * {@code w} to the end multiplied by {@code f(end)/f(w)}; summed over the steps, the lag is
     * {@code (h/2)·f(end)·∫f' ds = (h/2)·f(end)·ln(f(w₀)/f(end))}, exact in how far the flow goes and first order in
     * {@code h}; a proximal step leads by as much. What is left, the step sizes' spread and the second order, is
     * estimated as for the integrated path, from the slopes at the start, the middle and the end (the path is
     * monotone), and must stay below {@code τ/2}. NaN where the clock cannot follow the path.
     */
    private double clocked(double w, double f0, double total, double meanStep, double hMin, double hMax,
            double tolerance) {
        double scale = hasExplicit ? explicitScale : implicitScale;
        double end = clock.travel(w, scale * total, heunEnd, tolerance / 64);
        lastCalls += clock.lastReadings();
        if (Double.isNaN(end)) {
            return Double.NaN;
        }
        double mid = 0.5 * (w + end);
        double fMid = gradient(mid);
        double fEnd = gradient(end);
        lastCalls += 2;
        if (!(fEnd / f0 > 0)) {
            return Double.NaN;
        }
        double lag = 0.5 * meanStep * fEnd * Math.log(f0 / fEnd);
        Path path = new Path(f0);
        path.add(w, mid, fMid, end, fEnd, total);
        double largest = Math.max(Math.abs(f0), Math.max(Math.abs(fMid), Math.abs(fEnd)));
        double clockError = FlowClock.RELATIVE_ERROR * total * largest;
        double next = hasExplicit ? end - lag : end + lag;
        boolean accurate = path.gap(hMin, hMax) + clockError <= tolerance / 2;
        return accurate && next * w > 0 ? next : Double.NaN;
    }

    /** {@code (a·G + b·P)(w)}; leaves {@code a·G(w)} in {@link #explicitPart}. */
    private double gradient(double w) {
        double g = hasExplicit ? explicitScale * explicit.at(w) : 0;
        explicitPart = g;
        return hasImplicit ? g + implicitScale * implicit.at(w) : g;
    }

    /** {@code G(w)}, the explicit terms' summed slope (unscaled), from their table. */
    double explicitSlope(double w) {
        return explicit.at(w);
    }

    /** The evaluations of the summed gradient or the modified slope the last {@link #advance} made. */
    int lastCalls() {
        return lastCalls;
    }

    /** The modified flow's slope at {@code w}; leaves {@code (G + P)(w)} in {@link #plain}. */
    private double slope(double w) {
        double g = gradient(w);
        plain = g;
        double shift = halfStep * g;
        return -((hasExplicit ? explicitScale * explicit.at(w + shift) : 0)
                + (hasImplicit ? implicitScale * implicit.at(w - shift) : 0));
    }

    /** What the error bound needs, gathered along the accepted steps from the gradients they evaluated. */
    private static final class Path {
        private double variation;       // V₁: Σ|ΔR'|
        private double curvatureChange; // V₂: Σ|ΔR''| between secants
        private double largestCurvature;
        private double largestGradient;
        private double logGrowth;
        private double lastSecant = Double.NaN;
        private double gradient;

        Path(double g) {
            this.gradient = g;
            this.largestGradient = Math.abs(g);
        }

        /** An accepted step from {@code w} through the stage point {@code y2} to {@code next}. */
        void add(double w, double y2, double g2, double next, double gNext, double step) {
            double a = secant(w, gradient, y2, g2);
            double b = secant(y2, g2, next, gNext);
            variation += Math.abs(g2 - gradient) + Math.abs(gNext - g2);
            curvatureChange += Math.abs(b - a) + (Double.isNaN(lastSecant) ? 0 : Math.abs(a - lastSecant));
            largestCurvature = Math.max(largestCurvature, Math.max(Math.abs(a), Math.abs(b)));
            largestGradient = Math.max(largestGradient, Math.max(Math.abs(g2), Math.abs(gNext)));
            double slope = Math.min(a, b);
            if (slope < 0) {
                logGrowth += -slope * step;   // R'' < 0: the flow spreads nearby starts apart
            }
            lastSecant = b;
            gradient = gNext;
        }

        double gap(double hMin, double hMax) {
            double firstOrder = (hMax - hMin) / 2 * variation;
            double secondOrder = hMax * hMax * (largestCurvature * variation + largestGradient * curvatureChange / 4);
            return (firstOrder + secondOrder) * Math.exp(logGrowth);
        }

        private static double secant(double x0, double g0, double x1, double g1) {
            return x1 != x0 ? (g1 - g0) / (x1 - x0) : 0;
        }
    }
}
