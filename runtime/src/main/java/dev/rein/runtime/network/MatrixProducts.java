package dev.rein.runtime.network;

/**
 * The three matrix products of a dense layer, on flat row-major arrays: {@code X} is a batch {@code [b × in]},
 * {@code W} the weights {@code [units × in]}, {@code dZ} the gradient of the layer's output {@code [b × units]}.
 * {@link #blas()} (netlib BLAS: the system's OpenBLAS through JNI where present, pure Java otherwise) is what the
 * network uses; {@link #loops()} is the plain-Java version it was measured against (see {@code BENCHMARKS.md}).
 *
 * <pre>{@code
 * MatrixProducts p = MatrixProducts.blas();
 * p.forward(x, w, z, b, in, units);           // z += x·wᵀ  (z holds the biases on entry)
 * p.weightGradient(dz, x, gw, b, in, units);  // gw = dzᵀ·x
 * p.inputGradient(dz, w, gx, b, in, units);   // gx = dz·w
 * }</pre>
 */
public interface MatrixProducts {
    /** {@code z += x·wᵀ}. */
    void forward(double[] x, double[] w, double[] z, int batch, int inputs, int units);

    /** {@code gw = dzᵀ·x} (overwrites {@code gw}). */
    void weightGradient(double[] dz, double[] x, double[] gw, int batch, int inputs, int units);

    /** {@code gx = dz·w} (overwrites {@code gx}). */
    void inputGradient(double[] dz, double[] w, double[] gx, int batch, int inputs, int units);

    /** A name for reports: the implementation's class, e.g. {@code "BLAS (dev.ludovic.netlib.blas.JNIBLAS)"}. */
    String describe();

    /** netlib BLAS as {@code dev.ludovic.netlib} picks it (native through JNI, else pure Java). */
    static MatrixProducts blas() {
        return BlasProducts.INSTANCE;
    }

    /** A given netlib BLAS, e.g. {@code JavaBLAS.getInstance()} to compare pure Java with native. */
    static MatrixProducts blas(dev.ludovic.netlib.blas.BLAS blas) {
        return new BlasProducts(blas);
    }

    /** Plain Java loops, rows split over the cores. */
    static MatrixProducts loops() {
        return LoopProducts.INSTANCE;
    }
}
