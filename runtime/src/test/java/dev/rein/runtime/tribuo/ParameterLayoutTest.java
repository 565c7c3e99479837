package dev.rein.runtime.tribuo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.hook.Role;
import dev.rein.runtime.ReinMessage;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.common.sgd.FMParameters;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.Tensor;

class ParameterLayoutTest {
    @Test
    void aLinearModelsLastColumnIsTheBias() {
        LinearParameters p = RegularizedOptimiserStepTest.parameters(new double[][] {{1, 2, 3}, {4, 5, 6}});
        ParameterLayout layout = ParameterLayout.of(p);

        assertEquals("linear model (2 outputs x 2 features + bias)", layout.describe());
        ParameterBlock weights = layout.slots(Role.WEIGHT).get(0).read(p.get());
        ParameterBlock bias = layout.slots(Role.BIAS).get(0).read(p.get());
        assertEquals("weights (WEIGHT, 2 x 2)", weights.toString());
        assertArrayEquals(new double[] {1, 2, 4, 5}, weights.values());
        assertEquals("bias (BIAS, 2 x 1)", bias.toString());
        assertArrayEquals(new double[] {3, 6}, bias.values());
    }

    @Test
    void readingCopiesAndWritingReachesTheTensor() {
        LinearParameters p = RegularizedOptimiserStepTest.parameters(new double[][] {{1, 2, 3}});
        ParameterSlot weights = ParameterLayout.of(p).slots(Role.WEIGHT).get(0);
        weights.read(p.get()).values()[0] = 99;
        assertEquals(1, p.getWeightMatrix().get(0, 0), "a read block is a copy");

        weights.write(p.get(), new double[] {7, 8});
        weights.add(p.get(), new double[] {1, 1}, 0.5);
        assertArrayEquals(new double[] {7.5, 8.5, 3}, p.getWeightMatrix().getRow(0).toArray());
    }

    /**
     * A slot reads and writes plain Tribuo tensors through their arrays, and other dense tensors (here a subclass)
     * through get and set: the same values either way, columns and vectors alike.
     */
    @Test
    void arraysAndGetAndSetReadAndWriteTheSameValues() {
        double[][] values = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
        DenseMatrix plain = DenseMatrix.createDenseMatrix(values);
        DenseMatrix other = new DenseMatrix(plain) { };   // not DenseMatrix.class: get and set
        DenseVector vector = DenseVector.createDenseVector(new double[] {1, 2, 3});
        DenseVector otherVector = new DenseVector(vector) { };
        ParameterSlot columns = ParameterSlot.columns("w", Role.WEIGHT, 0, 3, 1, 2);
        ParameterSlot whole = ParameterSlot.vector("b", Role.BIAS, 1, 3);
        Tensor[] a = {plain, vector};
        Tensor[] b = {other, otherVector};
        assertArrayEquals(new double[] {2, 3, 6, 7, 10, 11}, columns.readValues(a), 0.0);
        assertArrayEquals(columns.readValues(b), columns.readValues(a), 0.0);
        assertArrayEquals(new double[] {1, 2, 3}, whole.readValues(a), 0.0);
        assertArrayEquals(whole.readValues(b), whole.readValues(a), 0.0);
        for (Tensor[] t : List.of(a, b)) {
            columns.write(t, new double[] {-1, -2, -3, -4, -5, -6});
            columns.add(t, new double[] {1, 1, 1, 1, 1, 1}, 0.5);
            whole.write(t, new double[] {7, 8, 9});
            whole.add(t, new double[] {1, 2, 3}, -1);
        }
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(other.get(r, c), plain.get(r, c), 0.0, "(" + r + ", " + c + ")");
            }
        }
        assertEquals(-0.5, plain.get(0, 1), 0.0);
        assertEquals(4.0, plain.get(0, 3), 0.0);
        assertArrayEquals(new double[] {6, 6, 6}, vector.toArray(), 0.0);
        assertArrayEquals(otherVector.toArray(), vector.toArray(), 0.0);
    }

    @Test
    void aFactorizationMachineHasBiasesWeightsAndAFactorMatrixPerOutput() {
        FMParameters p = new FMParameters(new SplittableRandom(1), 4, 3, 2, 0.1);
        ParameterLayout layout = ParameterLayout.of(p);

        assertEquals("factorization machine (3 outputs x 4 features, 2 factors)", layout.describe());
        assertEquals(List.of("bias (BIAS, 3 x 1, tensor 0)", "weights (WEIGHT, 3 x 4, tensor 1, columns from 0)",
                "factors[0] (FACTOR, 2 x 4, tensor 2, columns from 0)",
                "factors[1] (FACTOR, 2 x 4, tensor 3, columns from 0)",
                "factors[2] (FACTOR, 2 x 4, tensor 4, columns from 0)"),
                layout.slots().stream().map(ParameterSlot::toString).toList());
        ((DenseVector) p.get()[0]).set(2, 4.5);
        assertArrayEquals(new double[] {0, 0, 4.5}, layout.slots(Role.BIAS).get(0).readValues(p.get()));
    }

    @Test
    void aLinearMatrixWithoutColumnsIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterLayout.linear(new Tensor[] {new DenseMatrix(2, 0)}));
        assertEquals(Optional.of("tribuo-no-bias-column"), ReinMessage.tagOf(e));
        assertTrue(e.getMessage().contains("it has 0 columns"), e.getMessage());
    }

    @Test
    void aFactorizationMachineNeedsAFactorMatrixPerOutput() {
        Tensor[] tensors = {new DenseVector(2), new DenseMatrix(2, 3), new DenseMatrix(1, 3)};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParameterLayout.factorizationMachine(tensors));
        assertEquals(Optional.of("tribuo-tensor-count"), ReinMessage.tagOf(e));
        assertTrue(e.getMessage().contains("Expected 4 tensor(s) for a factorization machine with 2 outputs"),
                e.getMessage());
    }
}
