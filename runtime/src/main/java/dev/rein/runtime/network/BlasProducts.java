package dev.rein.runtime.network;

import dev.ludovic.netlib.blas.BLAS;

/**
 * {@link MatrixProducts} by {@code dgemm}. BLAS is column-major: a row-major {@code [r × c]} array is the
 * column-major {@code [c × r]} transpose, so {@code z = x·wᵀ} is computed as {@code zᵀ = w·xᵀ}, and so on. Native
 * OpenBLAS uses its own threads, one per core.
 */
final class BlasProducts implements MatrixProducts {
    static final BlasProducts INSTANCE = new BlasProducts(BLAS.getInstance());

    private final BLAS blas;

    BlasProducts(BLAS blas) {
        this.blas = blas;
    }

    @Override
    public void forward(double[] x, double[] w, double[] z, int batch, int inputs, int units) {
        // column-major: zᵀ[units × batch] += (w as [inputs × units])ᵀ · (x as [inputs × batch])
        blas.dgemm("T", "N", units, batch, inputs, 1.0, w, inputs, x, inputs, 1.0, z, units);
    }

    @Override
    public void weightGradient(double[] dz, double[] x, double[] gw, int batch, int inputs, int units) {
        // column-major: gwᵀ[inputs × units] = (x as [inputs × batch]) · (dz as [units × batch])ᵀ
        blas.dgemm("N", "T", inputs, units, batch, 1.0, x, inputs, dz, units, 0.0, gw, inputs);
    }

    @Override
    public void inputGradient(double[] dz, double[] w, double[] gx, int batch, int inputs, int units) {
        // column-major: gxᵀ[inputs × batch] = (w as [inputs × units]) · (dz as [units × batch])
        blas.dgemm("N", "N", inputs, batch, units, 1.0, w, inputs, dz, units, 0.0, gx, inputs);
    }

    @Override
    public String describe() {
        return "BLAS (" + blas.getClass().getName() + ")";
    }
}
