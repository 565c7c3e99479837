package dev.rein.runtime.check;

import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.hook.Role;
import java.util.SplittableRandom;

/** Seeded random parameter blocks for the checks. */
final class Blocks {
    private Blocks() {
    }

    /** A {@link Role#WEIGHT} block of Gaussian values times {@code scale}. */
    static ParameterBlock random(SplittableRandom random, int rows, int columns, double scale) {
        double[] values = new double[rows * columns];
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * gaussian(random);
        }
        return new ParameterBlock("weights", Role.WEIGHT, rows, columns, values);
    }

    /** A block with the same shape, name and role as {@code block} and a copy of its values. */
    static ParameterBlock copy(ParameterBlock block) {
        return new ParameterBlock(block.name(), block.role(), block.rows(), block.columns(), block.values().clone());
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has nextGaussian only through RandomGenerator's default, kept explicit here
        // so that the points do not depend on the JDK's choice of algorithm.
        double u = 1 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static double[] gaussians(SplittableRandom random, int n, double scale, double shift) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = shift + scale * gaussian(random);
        }
        return out;
    }
}
