package dev.rein.runtime.tribuo;

import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Matrix;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.Tensor;

/** Small conversions between Tribuo's tensor types. */
final class Tensors {
    private Tensors() {
    }

    /**
     * {@code t} itself when it is a plain {@link DenseMatrix} or {@link DenseVector}, else a dense copy. Tribuo's
     * sparse tensors ({@code DenseSparseMatrix}, {@code SparseVector}) only add into their own non-zeros, so a
     * dense term cannot be added to them in place.
     */
    static Tensor dense(Tensor t) {
        if (isPlainDense(t)) {
            return t;
        }
        if (t instanceof Matrix) {
            Matrix m = (Matrix) t;
            DenseMatrix copy = new DenseMatrix(m.getDimension1Size(), m.getDimension2Size());
            copy.intersectAndAddInPlace(m);
            return copy;
        }
        if (t instanceof SGDVector) {
            SGDVector v = (SGDVector) t;
            DenseVector copy = new DenseVector(v.size());
            copy.intersectAndAddInPlace(v);
            return copy;
        }
        throw new IllegalArgumentException(TribuoMessages.noDenseCopy(t.getClass().getName()).toString());
    }

    /** The distinct simple class names of {@code tensors}, for messages: {@code "DenseMatrix, DenseVector"}. */
    static String typeNames(Tensor[] tensors) {
        java.util.List<String> types = new java.util.ArrayList<>();
        for (Tensor t : tensors) {
            if (!types.contains(t.getClass().getSimpleName())) {
                types.add(t.getClass().getSimpleName());
            }
        }
        return String.join(", ", types);
    }

    /** Multiplies every tensor of {@code update} by {@code factor} in place (a scheduled rate's share); returns it. */
    static Tensor[] scaled(Tensor[] update, double factor) {
        if (factor != 1.0) {
            for (Tensor t : update) {
                t.scaleInPlace(factor);
            }
        }
        return update;
    }

    /** Whether {@code t} is exactly a {@link DenseMatrix} or {@link DenseVector}, not a subclass with its own rules. */
    static boolean isPlainDense(Tensor t) {
        return t.getClass() == DenseMatrix.class || t.getClass() == DenseVector.class;
    }
}
