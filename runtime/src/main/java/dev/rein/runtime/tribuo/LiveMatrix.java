package dev.rein.runtime.tribuo;

import java.util.function.DoubleUnaryOperator;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;

/**
 * The live weight matrix of a linear model in lazy mode: a {@code DenseMatrix} whose products read the weights as
 * caught up and whose addition of the update {@code step} returned applies that step's penalties, both through
 * its {@link LazyEngine}. {@link RegularizedOptimiser} installs it in {@code initialise} and puts a plain
 * {@code DenseMatrix} back in {@code finalise}, so no model ever holds one.
 *
 * <pre>{@code
 * DenseVector scores = live.leftMultiply(example);   // Tribuo's predict: exact scores
 * live.intersectAndAddInPlace(update);               // Tribuo's update: loss step and penalties in one pass
 * }</pre>
 *
 * Element reads ({@code get}) see the stored values, which are the weights only after
 * {@link RegularizedOptimiser#catchUp()}.
 */
final class LiveMatrix extends DenseMatrix {
    private static final long serialVersionUID = 1L;
    private final transient LazyEngine engine;

    LiveMatrix(DenseMatrix weights, LazyEngine engine) {
        super(weights);
        this.engine = engine;
    }

    @Override
    public DenseVector leftMultiply(SGDVector input) {
        if (input instanceof SparseVector && input.size() == getDimension2Size() && engine.hasHistory()) {
            return DenseVector.createDenseVector(engine.forward(values, (SparseVector) input));
        }
        catchUpAll();
        return super.leftMultiply(input);
    }

    /** Adds {@code other}; when it is the update of the step recorded last, with that step's penalties. */
    @Override
    public void intersectAndAddInPlace(Tensor other) {
        if (engine.isPending(other) && (other instanceof DenseSparseMatrix || other instanceof DenseMatrix)) {
            int bad = engine.addPending(values, other);
            if (bad >= 0) {
                int columns = engine.features() + 1;
                throw engine.divergence(TribuoMessages.weightAfterUpdate(bad / columns, bad % columns,
                        values[bad / columns][bad % columns]));
            }
        } else {
            intersectAndAddInPlace(other, DoubleUnaryOperator.identity());
        }
    }

    /** Any other addition: every weight is caught up first, then {@code other} is added as it is. */
    @Override
    public void intersectAndAddInPlace(Tensor other, DoubleUnaryOperator f) {
        catchUpAll();
        super.intersectAndAddInPlace(other, f);
        engine.valuesReplaced();
    }

    /** A plain, exact copy. */
    @Override
    public DenseMatrix copy() {
        catchUpAll();
        return new DenseMatrix(this);
    }

    /** Makes the stored values the weights; the first non-finite one is reported as divergence. */
    void catchUpAll() {
        int bad = engine.catchUpAll(values);
        if (bad >= 0) {
            int r = bad / engine.features();
            int c = bad % engine.features();
            throw engine.divergence(TribuoMessages.weightAfterCatchUp(r, c, values[r][c]));
        }
    }
}
