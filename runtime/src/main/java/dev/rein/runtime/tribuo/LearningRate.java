package dev.rein.runtime.tribuo;

/**
 * The learning rate {@code η_t} of the innermost Tribuo optimiser at step {@code t} (1-based), which scales a
 * decoupled decay and is a proximal step's size. Read from the optimiser's configuration (its provenance), with
 * each schedule as Tribuo 4.3.2 computes it:
 * <ul>
 *   <li>SGD: {@code η₀} (constant), {@code η₀/t} (linear decay), {@code η₀/√t} (sqrt decay), what
 *       {@code SGD.learningRate()} returns during step {@code t}. With momentum {@code ρ} (standard or Nesterov),
 *       {@code η_t/(1 - ρ)}: the length of momentum SGD's steady-state step along a constant gradient, so that a
 *       decoupled decay and a coupled penalty have the same fixed point (with {@code η_t} alone the decay would be
 *       {@code 1/(1 - ρ)} times weaker than the spec's strength, ten times at {@code ρ = 0.9});</li>
 *   <li>AdaGrad and Adam: their {@code initialLearningRate} (AdamW's convention: the decay is not divided by the
 *       per-coordinate scaling, nor bias-corrected);</li>
 *   <li>RMSProp: {@code initialLearningRate / (1 + decay·(t - 1))}, its own schedule;</li>
 *   <li>AdaDelta has no learning rate, and optimisers Rein does not know have none it can read: {@link #known()}
 *       is false.</li>
 * </ul>
 */
final class LearningRate {
    private enum Schedule { CONSTANT, LINEAR, SQRT, RMS_PROP, UNKNOWN }

    private final Schedule schedule;
    private final double initial;
    private final double decay;

    private LearningRate(Schedule schedule, double initial, double decay) {
        this.schedule = schedule;
        this.initial = initial;
        this.decay = decay;
    }

    static LearningRate of(OptimiserChain chain) {
        double initial = chain.number("initialLearningRate");
        if (chain.hasMomentum()) {
            initial /= 1 - chain.number("rho");
        }
        switch (chain.innermost()) {
            case OptimiserChain.SIMPLE_SGD:
            case OptimiserChain.ADA_GRAD:
            case OptimiserChain.ADAM:
                return new LearningRate(Schedule.CONSTANT, initial, 0);
            case OptimiserChain.LINEAR_DECAY_SGD:
                return new LearningRate(Schedule.LINEAR, initial, 0);
            case OptimiserChain.SQRT_DECAY_SGD:
                return new LearningRate(Schedule.SQRT, initial, 0);
            case OptimiserChain.RMS_PROP:
                return new LearningRate(Schedule.RMS_PROP, initial, chain.number("decay"));
            default:
                return new LearningRate(Schedule.UNKNOWN, Double.NaN, 0);
        }
    }

    boolean known() {
        return schedule != Schedule.UNKNOWN && Double.isFinite(initial);
    }

    /** {@code η_t} for the 1-based step {@code t}; NaN when not {@link #known()}. */
    double at(long t) {
        switch (schedule) {
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
}
