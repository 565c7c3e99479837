package dev.rein.api.hook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ElasticCoefficientsTest {

    @Test
    void factoriesPutTheStrengthWhereTheirNamesSay() {
        assertEquals(new ElasticCoefficients(0.3, 0), ElasticCoefficients.lasso(0.3));
        assertEquals(new ElasticCoefficients(0, 0.3), ElasticCoefficients.ridge(0.3));
        assertEquals(new ElasticCoefficients(0.1, 0.2), ElasticCoefficients.of(0.1, 0.2));
    }

    @Test
    void valueGradientAndProximalOfTheForm() {
        ElasticCoefficients c = ElasticCoefficients.of(0.5, 2);
        assertEquals(0.5 * 3 + 9, c.value(-3), 0.0);
        assertEquals(-0.5 - 6, c.gradient(-3), 0.0);
        assertEquals(0.0, c.gradient(0), 0.0);
        // soft-threshold 4 by 0.1·0.5, then divide by 1 + 0.1·2
        assertEquals((4 - 0.05) / 1.2, c.proximal(4, 0.1), 1e-15);
        assertEquals(0.0, c.proximal(0.04, 0.1), 0.0, "inside the threshold: exactly zero");
        assertEquals(0.05, ElasticCoefficients.ridge(0.1).value(1), 0.0, "ridge(λ) is (λ/2)·w²");
    }

    @Test
    void negativeOrNonFiniteCoefficientsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ElasticCoefficients.of(-1e-3, 1));
        assertEquals("The coefficients of λ₁·|w| + (λ₂/2)·w² must be finite and >= 0, not λ₁ = -0.001, λ₂ = 1.0",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ElasticCoefficients.ridge(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> ElasticCoefficients.lasso(Double.POSITIVE_INFINITY));
    }

    @Test
    void aHookWithoutADeclarationHasNone() {
        ElementwisePenalty undeclared = new ElementwisePenalty() {
            public double value(double w) {
                return w * w;
            }

            public double gradient(double w) {
                return 2 * w;
            }

            public boolean hasProximal() {
                return false;
            }

            public double proximal(double w, double step) {
                throw new UnsupportedOperationException();
            }

            public double value(double[] w, int from, int to) {
                return 0;
            }

            public void addGradient(double[] w, int from, int to, double[] gradient, double scale) {
            }

            public void proximal(double[] w, int from, int to, double step) {
                throw new UnsupportedOperationException();
            }
        };
        assertEquals(Optional.empty(), undeclared.closedForm());
    }
}
