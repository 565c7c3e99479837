package dev.rein.runtime.check;

import static dev.rein.runtime.check.FiniteDifferences.num;

import dev.rein.api.hook.BlockPenalty;
import dev.rein.api.hook.ParameterBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The checks of a {@link BlockPenalty}: its gradient against central finite differences of its value on a random
 * block (one row all zeros, where group penalties have their kink), and its proximal operator, if any, against
 * the optimality condition coordinate by coordinate.
 */
final class BlockPenaltyChecks {
    private final CheckRun run;
    static final String GRADIENT = CheckMessages.BLOCK_GRADIENT.text();
    static final String PROX = CheckMessages.BLOCK_PROX.text();

    private static final double[] PROX_STEPS = {1e-3, 0.1, 1};

    private final BlockPenalty penalty;
    private final long seed;

    BlockPenaltyChecks(BlockPenalty penalty, long seed, CheckRun run) {
        this.run = run;
        this.penalty = penalty;
        this.seed = seed;
    }

    List<CheckResult> run() {
        List<CheckResult> results = new ArrayList<>();
        results.add(run.guard(GRADIENT, this::gradient));
        if (penalty.hasProximal()) {
            results.add(run.guard(PROX, this::proximal));
        }
        return results;
    }

    private ParameterBlock testBlock() {
        ParameterBlock block = Blocks.random(new SplittableRandom(seed), 4, 5, 1.0);
        Arrays.fill(block.values(), 5, 10, 0.0);
        return block;
    }

    private CheckResult gradient() {
        ParameterBlock block = testBlock();
        double[] w = block.values();
        double[] gradient = new double[w.length];
        penalty.addGradient(block, gradient, 1.0);
        double[] accumulated = new double[w.length];
        Arrays.fill(accumulated, 1.0);
        penalty.addGradient(block, accumulated, 0.5);
        for (int i = 0; i < w.length; i++) {
            int at = i;
            FiniteDifferences.Slopes slopes = FiniteDifferences.slopes(t -> valueWith(block, at, t), w[i]);
            if (!slopes.accepts(gradient[i])) {
                return CheckResult.fail(GRADIENT, "in a 4 x 5 block at (" + i / 5 + ", " + i % 5 + "), w = " + num(w[i])
                        + ": gradient = " + num(gradient[i]) + " but finite differences give " + slopes.expected());
            }
            double expected = 1.0 + 0.5 * gradient[i];
            if (!(Math.abs(accumulated[i] - expected) <= 1e-12 * Math.abs(expected))) {
                return CheckResult.fail(GRADIENT, "addGradient(block, g, 0.5) must add 0.5·dR/dw to g: at (" + i / 5
                        + ", " + i % 5 + ") g went from 1 to " + num(accumulated[i]) + ", expected " + num(expected));
            }
        }
        return CheckResult.pass(GRADIENT, "every element of a 4 x 5 block, one row zero");
    }

    private double valueWith(ParameterBlock block, int i, double t) {
        double[] w = block.values();
        double saved = w[i];
        w[i] = t;
        double v = penalty.value(block);
        w[i] = saved;
        return v;
    }

    private CheckResult proximal() {
        ParameterBlock original = testBlock();
        for (double step : PROX_STEPS) {
            ParameterBlock x = Blocks.copy(original);
            penalty.proximal(x, step);
            double[] w = original.values();
            double[] xs = x.values();
            for (int i = 0; i < xs.length; i++) {
                if (!Double.isFinite(xs[i])) {
                    return CheckResult.fail(PROX, "proximal(block, " + step + ") left element " + i + " = " + xs[i]);
                }
                double s = (w[i] - xs[i]) / step;
                int at = i;
                FiniteDifferences.Slopes slopes = FiniteDifferences.slopes(t -> valueWith(x, at, t), xs[i]);
                double cancellation = 4 * Math.ulp(Math.max(Math.abs(w[i]), Math.abs(xs[i]))) / step;
                if (!slopes.between(s, cancellation)) {
                    return CheckResult.fail(PROX, "step " + step + ", element (" + i / 5 + ", " + i % 5 + "): w = "
                            + num(w[i]) + ", x = " + num(xs[i]) + ", but (w - x)/step = " + num(s)
                            + " is not in [dR/dw(x-), dR/dw(x+)] = [" + num(Math.min(slopes.left(), slopes.right()))
                            + ", " + num(Math.max(slopes.left(), slopes.right())) + "]");
                }
            }
        }
        return CheckResult.pass(PROX, "a 4 x 5 block at steps 1e-3, 0.1, 1");
    }
}
