package dev.rein.runtime.check;

import static dev.rein.runtime.check.FiniteDifferences.num;

import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ParameterBlock;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The checks of a {@link Constraint}, on seeded random weight blocks of several shapes and scales: the projection
 * is finite and deterministic, and idempotent: a block it has made feasible comes back untouched.
 */
final class ConstraintChecks {
    private final CheckRun run;
    static final String IDEMPOTENT = CheckMessages.IDEMPOTENT.text();
    static final String DETERMINISTIC = CheckMessages.DETERMINISTIC.text();

    private static final int[][] SHAPES = {{1, 1}, {3, 4}, {8, 2}, {5, 17}};
    private static final double[] SCALES = {1e-3, 0.1, 1, 10, 1e3};

    private final Constraint constraint;
    private final long seed;

    ConstraintChecks(Constraint constraint, long seed, CheckRun run) {
        this.run = run;
        this.constraint = constraint;
        this.seed = seed;
    }

    List<CheckResult> run() {
        return List.of(run.guard(DETERMINISTIC, this::deterministic),
                run.guard(IDEMPOTENT, this::idempotent));
    }

    private CheckResult deterministic() {
        SplittableRandom random = new SplittableRandom(seed);
        for (int[] shape : SHAPES) {
            for (double scale : SCALES) {
                ParameterBlock a = Blocks.random(random, shape[0], shape[1], scale);
                ParameterBlock b = Blocks.copy(a);
                constraint.project(a);
                constraint.project(b);
                for (double v : a.values()) {
                    if (!Double.isFinite(v)) {
                        return CheckResult.fail(DETERMINISTIC, "projecting a " + describe(a, scale) + " gave " + v);
                    }
                }
                if (!Arrays.equals(a.values(), b.values())) {
                    return CheckResult.fail(DETERMINISTIC, "projecting two copies of a " + describe(a, scale)
                            + " gave different results");
                }
            }
        }
        return CheckResult.pass(DETERMINISTIC, SHAPES.length * SCALES.length + " blocks");
    }

    private CheckResult idempotent() {
        SplittableRandom random = new SplittableRandom(seed);
        for (int[] shape : SHAPES) {
            for (double scale : SCALES) {
                ParameterBlock block = Blocks.random(random, shape[0], shape[1], scale);
                constraint.project(block);
                double[] once = block.values().clone();
                constraint.project(block);
                double[] twice = block.values();
                double size = 0;
                for (double v : once) {
                    size = Math.max(size, Math.abs(v));
                }
                for (int i = 0; i < once.length; i++) {
                    if (!(Math.abs(twice[i] - once[i]) <= 1e-12 * size + Double.MIN_NORMAL)) {
                        return CheckResult.fail(IDEMPOTENT, "in a " + describe(block, scale) + ", element ("
                                + i / shape[1] + ", " + i % shape[1] + ") was " + num(once[i])
                                + " after one projection and " + num(twice[i]) + " after a second one");
                    }
                }
            }
        }
        return CheckResult.pass(IDEMPOTENT, SHAPES.length * SCALES.length + " blocks of shapes 1x1, 3x4, 8x2, 5x17");
    }

    private static String describe(ParameterBlock block, double scale) {
        return block.rows() + " x " + block.columns() + " block of scale " + scale;
    }
}
