package dev.rein.runtime.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.math.Parameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Matrix;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.la.VectorTuple;
import org.tribuo.math.protos.ParametersProto;

/**
 * Parameters and gradients of a few shapes for single-step tests: a shape {@code {rows, columns}} is a matrix,
 * {@code {size}} a vector. Coordinates are read as {@code (tensor, row, column)}, a vector being row 0.
 */
final class Fixtures {
    /** A 3×5 matrix and a vector of 4: two tensors, one of each kind. */
    static final int[][] SHAPES = {{3, 5}, {4}};

    private Fixtures() {
    }

    /** Zero parameters of {@code shapes}; only what an optimiser's {@code initialise} reads works. */
    static Parameters parameters(int[][] shapes) {
        return new Parameters() {
            private static final long serialVersionUID = 1L;

            @Override
            public Tensor[] getEmptyCopy() {
                Tensor[] out = new Tensor[shapes.length];
                for (int t = 0; t < shapes.length; t++) {
                    out[t] = shapes[t].length == 2 ? new DenseMatrix(shapes[t][0], shapes[t][1])
                            : new DenseVector(shapes[t][0]);
                }
                return out;
            }

            @Override
            public Tensor[] get() {
                return getEmptyCopy();
            }

            @Override
            public void set(Tensor[] newWeights) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void update(Tensor[] gradients) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Tensor[] merge(Tensor[][] gradients, int size) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ParametersProto serialize() {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Gaussian gradients, every coordinate present ({@code DenseMatrix}, {@code DenseVector}). */
    static Tensor[] dense(SplittableRandom random, int[][] shapes) {
        Tensor[] out = new Tensor[shapes.length];
        for (int t = 0; t < shapes.length; t++) {
            if (shapes[t].length == 2) {
                DenseMatrix m = new DenseMatrix(shapes[t][0], shapes[t][1]);
                for (int r = 0; r < shapes[t][0]; r++) {
                    for (int c = 0; c < shapes[t][1]; c++) {
                        m.set(r, c, random.nextGaussian());
                    }
                }
                out[t] = m;
            } else {
                double[] v = new double[shapes[t][0]];
                for (int i = 0; i < v.length; i++) {
                    v[i] = random.nextGaussian();
                }
                out[t] = DenseVector.createDenseVector(v);
            }
        }
        return out;
    }

    /**
     * Gaussian gradients where each coordinate is present with probability {@code presence}
     * ({@code DenseSparseMatrix}, {@code SparseVector}); the first present entry of each tensor is a stored zero.
     */
    static Tensor[] sparse(SplittableRandom random, int[][] shapes, double presence) {
        Tensor[] out = new Tensor[shapes.length];
        for (int t = 0; t < shapes.length; t++) {
            boolean[] zeroStored = {false};
            if (shapes[t].length == 2) {
                List<SparseVector> rows = new ArrayList<>();
                for (int r = 0; r < shapes[t][0]; r++) {
                    rows.add(sparseRow(random, shapes[t][1], presence, zeroStored));
                }
                out[t] = new DenseSparseMatrix(rows);
            } else {
                out[t] = sparseRow(random, shapes[t][0], presence, zeroStored);
            }
        }
        return out;
    }

    private static SparseVector sparseRow(SplittableRandom random, int size, double presence, boolean[] zeroStored) {
        List<Integer> indices = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (random.nextDouble() < presence) {
                indices.add(i);
                values.add(zeroStored[0] ? random.nextGaussian() : 0.0);
                zeroStored[0] = true;
            }
        }
        return SparseVector.createSparseVector(size, indices.stream().mapToInt(Integer::intValue).toArray(),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The same gradients with every coordinate present: absent ones become stored zeros. */
    static Tensor[] densified(Tensor[] tensors) {
        Tensor[] out = new Tensor[tensors.length];
        for (int t = 0; t < tensors.length; t++) {
            if (tensors[t] instanceof Matrix m) {
                DenseMatrix d = new DenseMatrix(m.getDimension1Size(), m.getDimension2Size());
                d.intersectAndAddInPlace(m);
                out[t] = d;
            } else {
                SGDVector v = (SGDVector) tensors[t];
                DenseVector d = new DenseVector(v.size());
                d.intersectAndAddInPlace(v);
                out[t] = d;
            }
        }
        return out;
    }

    /** A deep copy: optimisers rewrite their gradients in place. */
    static Tensor[] copy(Tensor[] tensors) {
        Tensor[] out = new Tensor[tensors.length];
        for (int t = 0; t < tensors.length; t++) {
            out[t] = tensors[t].copy();
        }
        return out;
    }

    /** The number of rows of tensor {@code t} of {@code shapes} (1 for a vector). */
    static int rows(int[][] shapes, int t) {
        return shapes[t].length == 2 ? shapes[t][0] : 1;
    }

    /** The number of columns of tensor {@code t} of {@code shapes} (the size of a vector). */
    static int columns(int[][] shapes, int t) {
        return shapes[t].length == 2 ? shapes[t][1] : shapes[t][0];
    }

    /** Entry {@code (row, column)} of a matrix, or {@code column} of a vector (row 0); 0 where nothing is stored. */
    static double get(Tensor tensor, int row, int column) {
        return tensor instanceof Matrix m ? m.get(row, column) : ((SGDVector) tensor).get(column);
    }

    /** Whether {@code tensor} stores coordinate {@code (row, column)}: always for a dense tensor. */
    static boolean present(Tensor tensor, int row, int column) {
        SparseVector v;
        if (tensor instanceof DenseSparseMatrix m) {
            v = m.getRow(row);
        } else if (tensor instanceof SparseVector s) {
            v = s;
        } else {
            return true;
        }
        for (VectorTuple entry : v) {
            if (entry.index == column) {
                return true;
            }
        }
        return false;
    }

    /** Every parameter of {@code tensors} in one array, tensor by tensor, row by row. */
    static double[] flat(Tensor[] tensors) {
        List<Double> out = new ArrayList<>();
        for (Tensor t : tensors) {
            if (t instanceof Matrix m) {
                for (int r = 0; r < m.getDimension1Size(); r++) {
                    for (int c = 0; c < m.getDimension2Size(); c++) {
                        out.add(m.get(r, c));
                    }
                }
            } else {
                SGDVector v = (SGDVector) t;
                for (int i = 0; i < v.size(); i++) {
                    out.add(v.get(i));
                }
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** {@code |expected - actual| <= tolerance · max(1, |expected|)}, with a message naming the coordinate. */
    static void assertClose(double expected, double actual, double tolerance, String where) {
        if (!(Math.abs(expected - actual) <= tolerance * Math.max(1, Math.abs(expected)))) {
            throw new org.opentest4j.AssertionFailedError(where + ": expected " + expected + " but was " + actual
                    + " (relative tolerance " + tolerance + ")", expected, actual);
        }
    }
}
