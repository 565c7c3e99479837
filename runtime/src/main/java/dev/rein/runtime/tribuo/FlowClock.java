package dev.rein.runtime.tribuo;

/**
 * How long a penalty's gradient flow takes between two weights, tabulated once, so that following the flow for any
 * time costs a few table readings instead of an integration. A one-dimensional flow {@code dw/ds = -R'(w)} has a
 * clock: with {@code T(w) = ∫ dw/R'(w)} (over the magnitude, from where the table starts), every path obeys
 * {@code T(w(s)) = T(w₀) - s}. So the weight after time {@code S} is the root of {@code T(w) = T(w₀) - S}, which
 * Newton's method finds in a few steps ({@code T' = 1/R'}, read from the same table), however long {@code S} is
 * (steps larger than half the weight are taken in {@code log |w|}, where they cannot cross zero).
 *
 * <pre>{@code
 * FlowClock clock = FlowClock.of(SlopeTable.of(new ElementwisePenalty[] {cauchy}));
 * double end = clock.travel(0.8, 250.0, 0.79, 1e-12);   // the flow from 0.8 after time 250; NaN: not on the clock
 * }</pre>
 *
 * <p><b>The pieces.</b> On each piece of the {@link SlopeTable} (1/64 of a binade of magnitudes) the clock's rate
 * {@code 1/R'} is the quartic through its values at the piece's ends and quarters, integrated exactly: a quintic in the
 * position within the piece. A piece is on the clock where its slope is tabulated, does not vanish or change sign,
 * and the quartic matches {@code 1/R'} at four more points to within {@value #RELATIVE_ERROR} of itself; consecutive
 * such pieces form a <em>run</em>. A path is only followed within one run: one that would leave it (a kink, a zero
 * of the slope, the table's ends) gets NaN, and the caller integrates or replays instead. A run is anchored
 * ({@code T = 0}) at one end, and a new one starts where {@code |T|·|R'|} would exceed {@value #ROUNDING_LIMIT}
 * times the weight, so that rounding {@code T}'s differences moves a weight by less than {@code 3e-12} of itself.
 * Which end keeps {@code T} small depends on the flow (from {@code w} down to a tiny weight a slope {@code λw} takes
 * moderate time, {@code λw³} an enormous one), so the pieces are laid out twice, anchored nearest zero and at the far
 * end, and a path is read from the layout whose run reaches furthest towards zero from where it starts.
 *
 * <p><b>Error.</b> The times are within {@code 1e-8} of the table's own flow, which moves a weight by at most
 * {@code 1e-8·S·max|R'|}, a hundred-millionth of the flow's movement; Newton's method stops when its step falls
 * below the caller's tolerance, after which its error is quadratically smaller.
 */
final class FlowClock {
    /** The largest disagreement between a piece's quartic rate and {@code 1/R'} at its check points, relative. */
    static final double RELATIVE_ERROR = 1e-8;
    /** The largest {@code |T|·|R'| / |w|} in a run (see the class javadoc). */
    private static final double ROUNDING_LIMIT = 1e4;
    /** Newton steps before giving up: a start near the end takes two or three, one 12 decades away about twenty. */
    static final int NEWTON_LIMIT = 24;
    /** The largest step, relative to the weight, Newton takes in {@code w}; larger ones go in {@code log |w|}. */
    private static final double LINEAR_STEP = 0.5;
    /** The largest step in {@code log |w|}. */
    private static final double LARGEST_LOG_STEP = 2;

    private final SlopeTable slope;
    /** Runs anchored where they start nearest zero ({@code T ≥ 0}), and runs anchored at their far end. */
    private final Layout rising;
    private final Layout falling;
    /** For each piece, whether a path from it is read from {@link #falling}: its run there reaches closer to 0. */
    private final boolean[] fromFalling;
    /** Table readings of the last {@link #travel} (a {@code T} and a slope a Newton step). */
    private int lastReadings;

    private FlowClock(SlopeTable slope, Layout rising, Layout falling) {
        this.slope = slope;
        this.rising = rising;
        this.falling = falling;
        this.fromFalling = new boolean[rising.run.length];
        for (int index = 0; index < fromFalling.length; index++) {
            fromFalling[index] = falling.reachBelow(index) > rising.reachBelow(index);
        }
    }

    /** The clock of the flow of {@code slope}; null when the slope has no table. */
    static FlowClock of(SlopeTable slope) {
        if (!slope.tabulated()) {
            return null;
        }
        int pieces = SlopeTable.piecesPerSign();
        double[][] rates = new double[2 * pieces][];
        for (int index = 0; index < rates.length; index++) {
            rates[index] = rate(slope, index, index < pieces ? 1 : -1);
        }
        return new FlowClock(slope, Layout.of(rates, true), Layout.of(rates, false));
    }

    /**
     * The weight the flow carries {@code w0} to in time {@code elapsed}, by Newton's method from {@code guess},
     * stopping when a step is below {@code tolerance}; NaN where the path leaves {@code w0}'s run or Newton's method
     * does not settle.
     */
    double travel(double w0, double elapsed, double guess, double tolerance) {
        long bits = Double.doubleToRawLongBits(w0);
        int index = SlopeTable.pieceOf(bits);
        lastReadings = 1;
        if (index < 0) {
            return Double.NaN;
        }
        Layout layout = fromFalling[index] ? falling : rising;
        int[] run = layout.run;
        int path = run[index];
        if (path < 0) {
            return Double.NaN;
        }
        double target = layout.timeIn(index, SlopeTable.positionOf(bits)) - elapsed;
        int guessed = SlopeTable.pieceOf(Double.doubleToRawLongBits(guess));
        double w = guessed >= 0 && run[guessed] == path ? guess : w0;   // a wild guess (a stiff Heun step): from w0
        double below = 0;   // magnitudes known to lie below and above the end: Newton's method is kept between them
        double above = Double.POSITIVE_INFINITY;
        for (int step = 0; step < NEWTON_LIMIT; step++) {
            bits = Double.doubleToRawLongBits(w);
            index = SlopeTable.pieceOf(bits);
            if (index < 0 || run[index] != path) {
                return Double.NaN;
            }
            double t = SlopeTable.positionOf(bits);
            double move = (layout.timeIn(index, t) - target) * slope.inPiece(index, t);   // (T(w) - target) / T'(w)
            lastReadings += 2;
            if (Math.abs(move) <= tolerance) {
                return w - move;
            }
            // T is monotone in |w|, so a Newton step points at the end: what it leaves behind brackets the end
            double relative = move / w;
            double magnitude = Math.abs(w);
            if (relative > 0) {
                above = Math.min(above, magnitude);
            } else {
                below = Math.max(below, magnitude);
            }
            // a large step goes in log |w| (where a decay towards zero is nearly linear), at most a factor of e²
            double next = Math.abs(relative) <= LINEAR_STEP ? w - move
                    : w * Math.exp(-Math.max(-LARGEST_LOG_STEP, Math.min(LARGEST_LOG_STEP, relative)));
            double nextMagnitude = Math.abs(next);
            if (!(nextMagnitude > below && nextMagnitude < above) && below > 0 && above < Double.POSITIVE_INFINITY) {
                next = Math.copySign(Math.sqrt(below * above), w);   // outside the bracket: bisect it (in log |w|)
            }
            w = next;
        }
        return Double.NaN;
    }

    /** Table readings the last {@link #travel} made. */
    int lastReadings() {
        return lastReadings;
    }

    /**
     * The quintic (in powers of the position {@code t}) through {@code width / (direction·R')} at the quarters of
     * piece {@code index}: the rate at which {@code T} grows with {@code t}. Null where the piece is not on the
     * clock. (A cubic is not enough: for {@code R' = λw³} its error reaches {@code 1e-8} at a binade's first piece.)
     */
    private static double[] rate(SlopeTable slope, int index, double direction) {
        double width = SlopeTable.pieceWidth(index);
        double[] r = new double[5];
        for (int k = 0; k < 5; k++) {
            double v = direction * slope.inPiece(index, k / 4.0);
            r[k] = width / v;
            if (!Double.isFinite(r[k]) || v == 0 || k > 0 && Math.signum(r[k]) != Math.signum(r[0])) {
                return null;   // a piece the hooks answer, a zero of the slope, or a sign change
            }
        }
        // Newton's forward differences in s = 4t, then powers of s, then of t
        double d1 = r[1] - r[0];
        double d2 = r[2] - 2 * r[1] + r[0];
        double d3 = r[3] - 3 * r[2] + 3 * r[1] - r[0];
        double d4 = r[4] - 4 * r[3] + 6 * r[2] - 4 * r[1] + r[0];
        double[] c = {
            r[0],
            4 * (d1 - d2 / 2 + d3 / 3 - d4 / 4),
            16 * (d2 / 2 - d3 / 2 + 11 * d4 / 24),
            64 * (d3 / 6 - d4 / 4),
            256 * (d4 / 24),
        };
        for (double t : new double[] {1.0 / 8, 3.0 / 8, 5.0 / 8, 7.0 / 8}) {
            double expected = width / (direction * slope.inPiece(index, t));
            if (!(Math.abs(polynomial(c, t) - expected) <= RELATIVE_ERROR * Math.abs(expected))) {
                return null;
            }
        }
        return c;
    }

    private static double polynomial(double[] c, double t) {
        double value = 0;
        for (int k = c.length - 1; k >= 0; k--) {
            value = value * t + c[k];
        }
        return value;
    }

    /** The largest {@code |R'|} at piece {@code index}'s fit points, from its rate ({@code width/R'}). */
    private static double largestSlope(double[] rate, int index) {
        double smallestRate = Double.POSITIVE_INFINITY;
        for (int k = 0; k <= 4; k++) {
            smallestRate = Math.min(smallestRate, Math.abs(polynomial(rate, k / 4.0)));
        }
        return SlopeTable.pieceWidth(index) / smallestRate;
    }

    /**
     * The clock's pieces laid out in runs, each anchored ({@code T = 0}) at the end its scan started from: the end
     * nearest zero ({@code rising}) or the far end. Which anchor keeps {@code |T|} small depends on the flow: the
     * time from {@code w} down to a tiny weight is moderate for a slope like {@code λw}, enormous for {@code λw³},
     * whose flow slows down to nothing near zero.
     */
    private static final class Layout {
        private static final int PER_PIECE = 6;
        /** Six numbers per piece: {@code T} at the piece's start, then the coefficients of {@code t .. t⁵}. */
        final double[] quintic;
        /** The run of each piece; -1 for pieces off the clock. */
        final int[] run;
        /** The first piece (nearest zero) of each piece's run. */
        final int[] runStart;

        private Layout(int pieces) {
            quintic = new double[PER_PIECE * pieces];
            run = new int[pieces];
            runStart = new int[pieces];
        }

        /** The layout of the rate quartics {@code rates} (null: off the clock), scanned from zero out or inwards. */
        static Layout of(double[][] rates, boolean fromZero) {
            Layout layout = new Layout(rates.length);
            int pieces = SlopeTable.piecesPerSign();
            int runs = 0;
            for (int sign = 0; sign < 2; sign++) {
                int current = -1;
                double anchorTime = 0;   // T at the piece's end nearer the anchor
                double runSign = 0;
                for (int k = 0; k < pieces; k++) {
                    int index = sign * pieces + (fromZero ? k : pieces - 1 - k);
                    double[] rate = rates[index];
                    if (rate == null) {
                        current = -1;
                        layout.run[index] = -1;
                        continue;
                    }
                    double length = rate[0] + rate[1] / 2 + rate[2] / 3 + rate[3] / 4 + rate[4] / 5;
                    double far = anchorTime + (fromZero ? length : -length);
                    boolean rounded = Math.abs(far) * largestSlope(rate, index)
                            > ROUNDING_LIMIT * SlopeTable.pieceStart(index);
                    if (current < 0 || Math.signum(rate[0]) != runSign || rounded) {
                        // a new run: after a gap, where the slope changed sign, or where T grew too large
                        current = runs++;
                        anchorTime = 0;
                        runSign = Math.signum(rate[0]);
                    }
                    int at = PER_PIECE * index;
                    layout.quintic[at] = fromZero ? anchorTime : anchorTime - length;
                    for (int j = 0; j < 5; j++) {
                        layout.quintic[at + 1 + j] = rate[j] / (j + 1);   // the rate's integral from 0 to t
                    }
                    layout.run[index] = current;
                    anchorTime += fromZero ? length : -length;
                }
            }
            for (int index = 0; index < rates.length; index++) {
                boolean continues = index % pieces > 0 && layout.run[index - 1] == layout.run[index];
                layout.runStart[index] = continues ? layout.runStart[index - 1] : index;
            }
            return layout;
        }

        /** How many pieces below {@code index} its run holds; -1 off the clock. */
        int reachBelow(int index) {
            return run[index] < 0 ? -1 : index - runStart[index];
        }

        /** {@code T} at position {@code t} of piece {@code index}. */
        double timeIn(int index, double t) {
            int at = PER_PIECE * index;
            return quintic[at] + t * (quintic[at + 1] + t * (quintic[at + 2] + t * (quintic[at + 3]
                    + t * (quintic[at + 4] + t * quintic[at + 5]))));
        }
    }
}
