package dev.rein.runtime.tribuo;

import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;

/**
 * One run's lazy path for a linear model: installs a {@link LiveMatrix} over the weights, takes the steps its
 * {@link LazyEngine} can defer (the inner optimiser's update returned untouched, the penalties applied as the
 * trainer adds it), and hands the others back to be taken eagerly after a full catch-up.
 *
 * <pre>{@code
 * var lazy = new LazyStep(engine, parameters, inner, spec);
 * Tensor[] update = lazy.step(gradients, weight, h, t);   // null: take this step eagerly, then
 * lazy.steppedEagerly();
 * lazy.finish();                                          // every weight exact, a plain DenseMatrix again
 * }</pre>
 */
final class LazyStep {
    private final LazyEngine engine;
    private final Parameters parameters;
    private final StochasticGradientOptimiser inner;
    private final String spec;
    private LiveMatrix live;

    LazyStep(LazyEngine engine, Parameters parameters, StochasticGradientOptimiser inner, String spec) {
        this.engine = engine;
        this.parameters = parameters;
        this.inner = inner;
        this.spec = spec;
        installLiveMatrix();
    }

    /** Puts a {@link LiveMatrix} copy of the current weights into the parameters. */
    private void installLiveMatrix() {
        live = new LiveMatrix((DenseMatrix) parameters.get()[0], engine);
        parameters.set(new Tensor[] {live});
    }

    /**
     * Step {@code step} of size {@code h} (0 for a step that moves nothing) lazily, returning the update to add; or
     * null, with every weight caught up, when it must be taken eagerly (a dense gradient, a bias the spec penalizes
     * missing from the gradient, or an L2 scaling that would flip signs).
     *
     * @throws TrainingDivergedException if such a step comes under {@code mode=cumulative}, which only the lazy path
     *                                   can pay, or a caught-up weight is not finite
     */
    Tensor[] step(Tensor[] gradients, double weight, double h, long step) {
        if (parameters.get()[0] != live) {
            engine.restart();   // the trainer set new weights (e.g. restored the best epoch's): they are exact
            installLiveMatrix();
        }
        if (engine.needsCatchUpAll()) {
            catchUp();
        }
        if (engine.canDefer(h) && isLazyGradient(gradients[0])) {
            Tensor[] update = inner.step(gradients, weight);
            boolean denseStep = gradients[0] instanceof DenseMatrix && update[0] instanceof DenseMatrix;
            if (!(update[0] instanceof DenseSparseMatrix) && !denseStep) {
                throw new IllegalStateException(
                        TribuoMessages.sparseUpdateDensified(inner, update[0].getClass().getSimpleName()).toString());
            }
            engine.record(h, update[0]);
            return update;
        }
        if (engine.cumulative()) {
            throw TrainingDivergedException.atStep(step, spec, TribuoMessages.cumulativeStepTooLarge(h));
        }
        catchUp();
        return null;
    }

    /** The step {@link #step} handed back was taken eagerly on every weight: all are exact at it. */
    void steppedEagerly() {
        engine.stepTakenEagerly();
    }

    /**
     * Whether a gradient can be stepped lazily: a linear model's sparse gradient, with the bias column in every row
     * when a penalty covers the bias (its step is applied with the update, so the bias must be in it).
     */
    private boolean isLazyGradient(Tensor gradient) {
        if (gradient instanceof DenseMatrix && engine.cumulative()) {
            return true;   // every weight is present; the debts live in the lazy engine only
        }
        if (!(gradient instanceof DenseSparseMatrix g)) {
            return false;
        }
        if (engine.penalizesBias()) {
            for (int r = 0; r < g.getDimension1Size(); r++) {
                SparseVector row = g.getRow(r);
                int n = row.numActiveElements();
                if (n == 0 || SparseRows.indices(row)[n - 1] != engine.features()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Applies every penalty step the weights of absent features have missed; idempotent.
     *
     * @throws TrainingDivergedException if a caught-up weight is NaN or infinite
     */
    void catchUp() {
        if (parameters.get()[0] != live) {
            engine.restart();   // new weights were set since the last step: they are exact
            return;
        }
        live.catchUpAll();
    }

    /** Whether the engine's catch-ups cost more than eager steps would ({@link LazyEngine#costsMoreThanEager}). */
    boolean costsMoreThanEager() {
        return engine.costsMoreThanEager();
    }

    /** Catches up and puts a plain {@code DenseMatrix} back, so that no model ever holds a live matrix. */
    void finish() {
        catchUp();
        if (parameters.get()[0] == live) {
            parameters.set(new Tensor[] {new DenseMatrix(live)});
        }
    }
}
