package dev.rein.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.hook.Role;
import dev.rein.api.spi.Arguments;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuiltInConstraintsTest {
    private static Constraint constraint(String name, Map<String, ?> args) {
        return (Constraint) BuiltInPenaltiesTest.providers().get(name).create(Arguments.of(args));
    }

    @Test
    void maxNormScalesLongRowsOntoTheBallAndLeavesShortOnesAlone() {
        double[] w = {3, 4, 0,    // norm 5 -> scaled to 2
                      1, 1, 0,    // norm sqrt 2 -> untouched
                      0, 0, -10}; // norm 10 -> (0, 0, -2)
        constraint("max_norm", Map.of("c", 2.0)).project(new ParameterBlock("w", Role.WEIGHT, 3, 3, w));
        assertArrayEquals(new double[] {1.2, 1.6, 0, 1, 1, 0, 0, 0, -2}, w, 1e-12);
    }

    @Test
    void maxNormIsIdempotent() {
        double[] w = {5, -12, 0.5, 0.5};
        Constraint c = constraint("max_norm", Map.of("c", 3.0));
        c.project(new ParameterBlock("w", Role.WEIGHT, 2, 2, w));
        double[] once = w.clone();
        c.project(new ParameterBlock("w", Role.WEIGHT, 2, 2, w));
        assertArrayEquals(once, w, 0.0);
        assertEquals(3.0, Math.hypot(w[0], w[1]), 1e-12);
    }

    @Test
    void nonNegativeClipsOnlyNegativeWeights() {
        double[] w = {-1, 0, 2, -0.0001, 3};
        constraint("non_negative", Map.of()).project(new ParameterBlock("w", Role.WEIGHT, 1, 5, w));
        assertArrayEquals(new double[] {0, 0, 2, 0, 3}, w, 0.0);
    }
}
