package dev.rein.runtime.optim;

import static dev.rein.runtime.optim.Fixtures.SHAPES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseSparseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SparseVector;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.la.VectorTuple;

/**
 * GradientRows reads Tribuo's arrays directly for the plain tensor classes and goes through the public API for
 * anything else (a subclass here, standing in for a Tribuo whose fields cannot be opened): both give the same
 * rows and write the same values back.
 */
class GradientRowsTest {
    @Test
    void theDirectPathAndThePublicApiAgree() {
        SplittableRandom random = new SplittableRandom(51L);
        for (Tensor[] g : List.of(Fixtures.dense(random, SHAPES), Fixtures.sparse(random, SHAPES, 0.5))) {
            Tensor[] direct = Fixtures.copy(g);
            Tensor[] viaApi = subclassed(g);
            assertTrue(viaApi[1].getClass() != DenseVector.class && viaApi[1].getClass() != SparseVector.class);
            List<String> directRows = rewrite(direct);
            List<String> apiRows = rewrite(viaApi);
            assertEquals(directRows, apiRows);
            assertArrayEquals(Fixtures.flat(direct), Fixtures.flat(viaApi), 0.0);
            for (int t = 0; t < SHAPES.length; t++) {
                for (int r = 0; r < Fixtures.rows(SHAPES, t); r++) {
                    for (int c = 0; c < Fixtures.columns(SHAPES, t); c++) {
                        double expected = 3 * Fixtures.get(g[t], r, c) + 100 * t + 10 * r + c;
                        assertEquals(Fixtures.present(g[t], r, c) ? expected : 0.0, Fixtures.get(viaApi[t], r, c));
                    }
                }
            }
        }
    }

    @Test
    void anUnknownTensorTypeIsRefusedByName() {
        Tensor unknown = new Tensor() {
            @Override
            public int[] getShape() {
                return new int[] {4};
            }

            @Override
            public Tensor reshape(int[] shape) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Tensor copy() {
                return this;
            }

            @Override
            public void intersectAndAddInPlace(Tensor other, java.util.function.DoubleUnaryOperator f) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void hadamardProductInPlace(Tensor other, java.util.function.DoubleUnaryOperator f) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void foreachInPlace(java.util.function.DoubleUnaryOperator f) {
                throw new UnsupportedOperationException();
            }

            @Override
            public double twoNorm() {
                return 0;
            }

            @Override
            public org.tribuo.math.protos.TensorProto serialize() {
                throw new UnsupportedOperationException();
            }
        };
        Tensor[] g = {new DenseMatrix(3, 5), unknown};
        int[][] shapes = GradientRows.shapes(Fixtures.parameters(SHAPES).getEmptyCopy(), "X");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GradientRows.rewrite(g, shapes, "X", (t, r, columns, values, count) -> { }));
        assertTrue(e.getMessage().startsWith("[optim-gradient-type] X cannot read a gradient of type " + unknown.getClass().getName()
                + " (tensor 1); it reads DenseMatrix, DenseSparseMatrix, DenseVector and SparseVector"),
                e.getMessage());
    }

    /** Rewrites each entry to {@code 3·g + 100·tensor + 10·row + column}, and lists each row as it was seen. */
    private static List<String> rewrite(Tensor[] g) {
        List<String> seen = new ArrayList<>();
        GradientRows.rewrite(g, GradientRows.shapes(Fixtures.parameters(SHAPES).getEmptyCopy(), "test"), "test",
                (t, r, columns, values, count) -> {
                    StringBuilder row = new StringBuilder(t + "/" + r + ":");
                    for (int k = 0; k < count; k++) {
                        int c = columns == null ? k : columns[k];
                        row.append(' ').append(c).append('=').append(values[k]);
                        values[k] = 3 * values[k] + 100 * t + 10 * r + c;
                    }
                    seen.add(row.toString());
                });
        return seen;
    }

    /** The same gradients as instances of subclasses, which GradientRows reads through the public API. */
    private static Tensor[] subclassed(Tensor[] g) {
        Tensor[] out = new Tensor[g.length];
        for (int t = 0; t < g.length; t++) {
            if (g[t] instanceof DenseMatrix m) {
                DenseMatrix copy = new DenseMatrix(m.getDimension1Size(), m.getDimension2Size()) { };
                copy.intersectAndAddInPlace(m);
                out[t] = copy;
            } else if (g[t] instanceof DenseVector v) {
                DenseVector copy = new DenseVector(v.size()) { };
                copy.intersectAndAddInPlace(v);
                out[t] = copy;
            } else if (g[t] instanceof DenseSparseMatrix m) {
                List<SparseVector> rows = new ArrayList<>();
                for (int r = 0; r < m.getDimension1Size(); r++) {
                    rows.add(sparseSubclass(m.getRow(r)));
                }
                out[t] = new DenseSparseMatrix(rows);
            } else {
                out[t] = sparseSubclass((SparseVector) g[t]);
            }
        }
        return out;
    }

    private static SparseVector sparseSubclass(SparseVector v) {
        int[] indices = new int[v.numActiveElements()];
        int k = 0;
        for (VectorTuple entry : v) {
            indices[k++] = entry.index;
        }
        SparseVector copy = new SparseVector(v.size(), indices, 0.0) { };
        for (VectorTuple entry : v) {
            copy.set(entry.index, entry.value);
        }
        return copy;
    }
}
