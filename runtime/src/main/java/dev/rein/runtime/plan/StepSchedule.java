package dev.rein.runtime.plan;

/**
 * The learning rate {@code η_t} of an optimiser at step {@code t} (1-based), which scales a decoupled decay and is a
 * proximal step's size. Rein reads it from a Tribuo optimiser's configuration, each schedule as Tribuo 4.3.2
 * computes it:
 * <ul>
 *   <li>SGD: {@link #constant} {@code η₀}, {@link #linear} {@code η₀/t}, {@link #sqrt} {@code η₀/√t}, what
 *       {@code SGD.learningRate()} returns during step {@code t}. With momentum {@code ρ}, {@code η₀} is divided by
 *       {@code 1 - ρ}: the length of momentum SGD's steady-state step along a constant gradient, so that a decoupled
 *       decay and a coupled penalty share a fixed point (with {@code η_t} alone the decay would be ten times weaker
 *       than the spec's strength at {@code ρ = 0.9});</li>
 *   <li>AdaGrad and Adam: their initial rate, constant (AdamW's convention: the decay is not divided by the
 *       per-coordinate scaling, nor bias-corrected);</li>
 *   <li>RMSProp: {@link #rmsProp} {@code η₀ / (1 + decay·(t - 1))}, its own schedule;</li>
 *   <li>AdaDelta and optimisers Rein does not know: {@link #unknown()}.</li>
 * </ul>
 *
 * <pre>{@code
 * StepSchedule.sqrt(0.1).at(4);   // 0.05
 * StepSchedule.unknown().known(); // false
 * }</pre>
 */
public final class StepSchedule {
    private enum Shape { CONSTANT, LINEAR, SQRT, RMS_PROP, UNKNOWN }

    private static final StepSchedule UNKNOWN = new StepSchedule(Shape.UNKNOWN, Double.NaN, 0);

    private final Shape shape;
    private final double initial;
    private final double decay;

    private StepSchedule(Shape shape, double initial, double decay) {
        this.shape = shape;
        this.initial = initial;
        this.decay = decay;
    }

    /** {@code η_t = η₀}. */
    public static StepSchedule constant(double initial) {
        return new StepSchedule(Shape.CONSTANT, initial, 0);
    }

    /** {@code η_t = η₀ / t}. */
    public static StepSchedule linear(double initial) {
        return new StepSchedule(Shape.LINEAR, initial, 0);
    }

    /** {@code η_t = η₀ / √t}. */
    public static StepSchedule sqrt(double initial) {
        return new StepSchedule(Shape.SQRT, initial, 0);
    }

    /** {@code η_t = η₀ / (1 + decay·(t - 1))}, Tribuo's RMSProp. */
    public static StepSchedule rmsProp(double initial, double decay) {
        return new StepSchedule(Shape.RMS_PROP, initial, decay);
    }

    /** No rate Rein can read. */
    public static StepSchedule unknown() {
        return UNKNOWN;
    }

    /** Whether {@link #at} gives a number. */
    public boolean known() {
        return shape != Shape.UNKNOWN && Double.isFinite(initial);
    }

    /** {@code η_t} for the 1-based step {@code t}; NaN when not {@link #known()}. */
    public double at(long t) {
        switch (shape) {
            case CONSTANT:
                return initial;
            case LINEAR:
                return initial / t;
            case SQRT:
                return initial / Math.sqrt(t);
            case RMS_PROP:
                return initial / (1 + decay * (t - 1));
            default:
                return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return known() ? shape.name().toLowerCase(java.util.Locale.ROOT) + "(" + initial
                + (shape == Shape.RMS_PROP ? ", decay=" + decay : "") + ")" : "unknown";
    }
}
