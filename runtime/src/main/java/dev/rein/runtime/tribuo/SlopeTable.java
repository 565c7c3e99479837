package dev.rein.runtime.tribuo;

import dev.rein.api.hook.ElementwisePenalty;
import java.util.logging.Logger;

/**
 * The summed slope {@code Σ R'(w)} of element-wise penalty terms, read from a table of cubic pieces built from the
 * terms' own {@code gradient} hooks, where the pieces match the hooks; from the hooks elsewhere. A user's penalty
 * written with {@code Math.tanh} or {@code Math.hypot} costs 20-25 ns a call in JDK 17 (neither is a JIT intrinsic);
 * a piece costs a few multiplications, which is what lets {@link PenaltyFlow} catch weights up at the cost of a
 * built-in penalty.
 *
 * <pre>{@code
 * SlopeTable slope = SlopeTable.of(new ElementwisePenalty[] {logCosh});
 * double g = slope.at(0.37);   // logCosh.gradient(0.37), to within 1e-9 of itself
 * }</pre>
 *
 * <p><b>The pieces.</b> Each sign's magnitudes from {@code 2^-40} to {@code 2^12} are cut into binades, each binade
 * into {@value #PIECES_PER_BINADE} pieces of equal width, so a piece's width is under 1.6 % of the weights it holds
 * and its index is read off the weight's bits (exponent and leading mantissa bits; no logarithm, no search). On each
 * piece the slope is the cubic through the hooks' values at its ends and at its thirds, so neighbouring pieces meet
 * exactly. A piece is kept only where the cubic agrees with the hooks at three more points (its sixths and middle)
 * to within {@value #RELATIVE_ERROR} of the slope there (plus {@value #ROUNDING_SHARE} of its size at the piece's ends,
 * for rounding where it crosses zero); a piece that does not (a kink, a slope that changes sign
 * inside it, a function too wiggly for the width) is answered by the hooks, as are magnitudes outside the range
 * and non-finite weights; the slope at zero is the hooks', asked once. For a smooth slope the cubic's error is of order {@code (w/64)^4·|R'''''(w)|/1000}
 * ({@code 1e-10} of {@code tanh}'s slope at its scale), far inside the check.
 *
 * <p>So a slope read here is within about {@code 1e-9·|R'(w)|} of the hooks' (checked at seven points of each
 * piece, not proven between them); integrated over a summed step size {@code S} this moves a weight by at most
 * about {@code 1e-9·S·max|R'|}: a billionth of how far the penalty moves it, far below {@link PenaltyFlow}'s
 * bound. The table
 * assumes what the processor's contract says, that a penalty is a function of the weight and its bound parameters;
 * a term whose hook answers the same weight twice differently (a random or stateful one) gets no table, and a
 * {@code [tribuo-penalty-not-reproducible]} warning on this class's logger says so.
 */
final class SlopeTable {
    /** Pieces in each binade ({@code 2^6}: pieces 1/64 of a binade wide). */
    static final int PIECES_PER_BINADE = 1 << 6;
    /** The largest disagreement with the hooks a kept piece may show at its check points, relative to the slope. */
    static final double RELATIVE_ERROR = 1e-9;
    /**
     * The rounding a kept piece may show beside that, as a share of the slope's size at its ends: where the slope
     * crosses zero inside a piece its value is a difference of numbers a million times its size.
     */
    static final double ROUNDING_SHARE = 1e-12;
    private static final int MANTISSA_BITS = 52;
    private static final int PIECE_BITS = 6;
    private static final int SHIFT = MANTISSA_BITS - PIECE_BITS;
    private static final long POSITION_MASK = (1L << SHIFT) - 1;
    private static final double POSITION_SCALE = 1.0 / (1L << SHIFT);
    private static final int SMALLEST_EXPONENT = -40;
    private static final int LARGEST_EXPONENT = 12;
    /** The bits-derived key of the first piece: biased exponent, then the piece within the binade. */
    private static final int FIRST_KEY = (SMALLEST_EXPONENT + 1023) << PIECE_BITS;
    private static final int PIECES = (LARGEST_EXPONENT - SMALLEST_EXPONENT) << PIECE_BITS;

    private static final Logger LOG = Logger.getLogger(SlopeTable.class.getName());

    private final ElementwisePenalty[] terms;
    /**
     * Four coefficients per piece (the cubic in the position {@code t ∈ [0, 1)} within it), positive weights' pieces
     * first, then negative weights'; NaN where the hooks answer.
     */
    private final double[] cubic;
    /** The hooks' slope at {@code +0.0} and {@code -0.0} (where Tribuo starts every weight), when there is a table. */
    private final double atZero;
    private final double atNegativeZero;

    private SlopeTable(ElementwisePenalty[] terms, double[] cubic) {
        this.terms = terms;
        this.cubic = cubic;
        this.atZero = cubic == null ? Double.NaN : hooks(terms, 0.0);
        this.atNegativeZero = cubic == null ? Double.NaN : hooks(terms, -0.0);
    }

    /** The table of {@code Σ R'(w)} over {@code terms} (none: the slope is 0). */
    static SlopeTable of(ElementwisePenalty[] terms) {
        ElementwisePenalty[] copy = terms.clone();
        if (copy.length == 0) {
            return new SlopeTable(copy, null);
        }
        if (!reproducible(copy)) {
            LOG.warning(TribuoMessages.penaltyNotReproducible(names(copy)).toString());
            return new SlopeTable(copy, null);
        }
        double[] cubic = new double[2 * PIECES * 4];
        for (int sign = 0; sign < 2; sign++) {
            for (int piece = 0; piece < PIECES; piece++) {
                fit(copy, sign, piece, cubic, 4 * (sign * PIECES + piece));
            }
        }
        return new SlopeTable(copy, cubic);
    }

    /** {@code Σ R'(w)}: from the table where it holds {@code w}'s piece, else from the hooks. */
    double at(double w) {
        if (cubic != null) {
            long bits = Double.doubleToRawLongBits(w);
            int index = pieceOf(bits);
            if (index >= 0) {
                double value = inPiece(index, positionOf(bits));
                if (value == value) {   // not NaN: a kept piece
                    return value;
                }
            } else if ((bits & Long.MAX_VALUE) == 0) {
                return bits == 0 ? atZero : atNegativeZero;
            }
        }
        return hooks(terms, w);
    }

    /**
     * The piece holding the weight of these bits, {@code 0 .. 2·PIECES - 1} (positive weights' pieces first, in
     * order of magnitude), or -1 outside the table's range.
     */
    static int pieceOf(long bits) {
        int piece = (int) ((bits & Long.MAX_VALUE) >>> SHIFT) - FIRST_KEY;
        return piece >= 0 && piece < PIECES ? (int) (bits >>> 63) * PIECES + piece : -1;
    }

    /** Where in its piece the weight of these bits lies, {@code t ∈ [0, 1)} from the end nearer zero. */
    static double positionOf(long bits) {
        return (bits & POSITION_MASK) * POSITION_SCALE;
    }

    /** The smallest magnitude of piece {@code index} and its width. */
    static double pieceStart(int index) {
        return Double.longBitsToDouble((long) (index % PIECES + FIRST_KEY) << SHIFT);
    }

    static double pieceWidth(int index) {
        return Math.ulp(pieceStart(index)) * (1L << SHIFT);
    }

    /** How many pieces each sign has. */
    static int piecesPerSign() {
        return PIECES;
    }

    /** Whether this table has pieces at all (none for no terms, or for terms that are not reproducible). */
    boolean tabulated() {
        return cubic != null;
    }

    /** The slope at position {@code t} of piece {@code index} from its cubic; NaN where the hooks answer. */
    double inPiece(int index, double t) {
        int at = 4 * index;
        return cubic[at] + t * (cubic[at + 1] + t * (cubic[at + 2] + t * cubic[at + 3]));
    }

    /** How many pieces are kept (for tests and measurements). */
    int keptPieces() {
        int kept = 0;
        if (cubic != null) {
            for (int at = 0; at < cubic.length; at += 4) {
                kept += Double.isNaN(cubic[at]) ? 0 : 1;
            }
        }
        return kept;
    }

    private static String names(ElementwisePenalty[] terms) {
        StringBuilder names = new StringBuilder();
        for (ElementwisePenalty t : terms) {
            String name = t.getClass().getSimpleName().replace("_ReinPenalty", "");
            names.append(names.length() == 0 ? "" : " + ").append(name.isEmpty() ? t.getClass().getName() : name);
        }
        return names.toString();
    }

    /** The hooks' summed slope. */
    private static double hooks(ElementwisePenalty[] terms, double w) {
        double sum = 0;
        for (ElementwisePenalty t : terms) {
            sum += t.gradient(w);
        }
        return sum;
    }

    /** Whether the hooks answer a few weights the same twice: the table's one assumption about them. */
    private static boolean reproducible(ElementwisePenalty[] terms) {
        double[] probes = {-3.7, -0.011, 1e-7, 0.25, 42.0};
        for (double w : probes) {
            try {
                if (Double.compare(hooks(terms, w), hooks(terms, w)) != 0) {
                    return false;
                }
            } catch (RuntimeException e) {
                // a hook that refuses this weight: the pieces there go to the hook, which training calls only if a
                // weight gets there
            }
        }
        return true;
    }

    /** The cubic of one piece into {@code cubic[at .. at + 3]}, or NaN there when it does not match the hooks. */
    private static void fit(ElementwisePenalty[] terms, int sign, int piece, double[] cubic, int at) {
        try {
            fitted(terms, sign, piece, cubic, at);
        } catch (RuntimeException e) {
            cubic[at] = Double.NaN;   // a hook that refuses weights of this piece answers (or refuses) them itself
        }
    }

    private static void fitted(ElementwisePenalty[] terms, int sign, int piece, double[] cubic, int at) {
        double start = pieceStart(piece);
        double width = pieceWidth(piece);
        double direction = sign == 0 ? 1 : -1;
        double f0 = hooks(terms, direction * start);
        double f1 = hooks(terms, direction * (start + width / 3));
        double f2 = hooks(terms, direction * (start + 2 * width / 3));
        double f3 = hooks(terms, direction * (start + width));
        // the cubic through (0, f0), (1/3, f1), (2/3, f2), (1, f3), in powers of t
        double c0 = f0;
        double c1 = (-11 * f0 + 18 * f1 - 9 * f2 + 2 * f3) / 2;
        double c2 = 9 * (2 * f0 - 5 * f1 + 4 * f2 - f3) / 2;
        double c3 = 9 * (-f0 + 3 * f1 - 3 * f2 + f3) / 2;
        boolean kept = Double.isFinite(c0 + c1 + c2 + c3);
        double floor = ROUNDING_SHARE * Math.max(Math.abs(f0), Math.abs(f3));
        for (double t : new double[] {1.0 / 6, 0.5, 5.0 / 6}) {
            if (!kept) {
                break;
            }
            double expected = hooks(terms, direction * (start + t * width));
            double value = c0 + t * (c1 + t * (c2 + t * c3));
            kept = Math.abs(value - expected) <= RELATIVE_ERROR * Math.abs(expected) + floor;
        }
        cubic[at] = kept ? c0 : Double.NaN;   // NaN: the hooks answer in this piece
        cubic[at + 1] = c1;
        cubic[at + 2] = c2;
        cubic[at + 3] = c3;
    }
}
