package dev.rein.runtime.check;

import static dev.rein.runtime.check.FiniteDifferences.num;

import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.NamedArray;
import dev.rein.api.hook.Normalization;
import dev.rein.api.hook.Phase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * The checks of layer plugins ({@link ActivationRegularizer}, {@link Normalization}): {@code backward} against
 * finite differences of {@code forward}, through the scalar loss {@code L(x) = Σ gradOut[i]·forward(x)[i]}, whose
 * gradient is exactly what {@code backward(gradOut)} must return.
 *
 * <p>In {@link Phase#TRAIN} an activation layer is random: every forward gets a fresh generator with the same
 * seed, so that all of them draw the same noise (the same dropout mask) and the differences see a fixed function.
 */
final class LayerChecks {
    private final CheckRun run;
    static final String ACTIVATION_EVAL = CheckMessages.ACTIVATION_EVAL.text();
    static final String ACTIVATION_TRAIN = CheckMessages.ACTIVATION_TRAIN.text();
    static final String ACTIVATION_SEEDED = CheckMessages.ACTIVATION_SEEDED.text();
    static final String NORMALIZATION_ARRAYS = CheckMessages.NORMALIZATION_ARRAYS.text();
    static final String NORMALIZATION_INPUT = CheckMessages.NORMALIZATION_INPUT.text();
    static final String NORMALIZATION_LEARNED = CheckMessages.NORMALIZATION_LEARNED.text();

    private static final int BATCH = 5;
    private static final int WIDTH = 3;

    private final long seed;

    LayerChecks(long seed, CheckRun run) {
        this.run = run;
        this.seed = seed;
    }

    List<CheckResult> activation(ActivationRegularizer layer) {
        List<CheckResult> results = new ArrayList<>();
        results.add(run.guard(ACTIVATION_SEEDED, () -> seeded(layer)));
        results.add(run.guard(ACTIVATION_EVAL, () -> activationGradient(layer, Phase.EVAL,
                ACTIVATION_EVAL)));
        results.add(run.guard(ACTIVATION_TRAIN, () -> activationGradient(layer, Phase.TRAIN,
                ACTIVATION_TRAIN)));
        return results;
    }

    private CheckResult seeded(ActivationRegularizer layer) {
        double[] x = Blocks.gaussians(new SplittableRandom(seed), BATCH * WIDTH, 1, 0);
        double[] first = new double[x.length];
        double[] second = new double[x.length];
        layer.forward(x.clone(), first, BATCH, WIDTH, Phase.TRAIN, new SplittableRandom(seed));
        layer.forward(x.clone(), second, BATCH, WIDTH, Phase.TRAIN, new SplittableRandom(seed));
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(first[i])) {
                return CheckResult.fail(ACTIVATION_SEEDED, "forward wrote " + first[i] + " at " + i);
            }
        }
        if (!Arrays.equals(first, second)) {
            return CheckResult.fail(ACTIVATION_SEEDED, "two TRAIN forwards of the same input with generators of the"
                    + " same seed gave different outputs: draw randomness only from the RandomGenerator argument");
        }
        return CheckResult.pass(ACTIVATION_SEEDED, "a " + BATCH + " x " + WIDTH + " batch, twice");
    }

    private CheckResult activationGradient(ActivationRegularizer layer, Phase phase, String name) {
        SplittableRandom random = new SplittableRandom(seed + 1);
        double[] x = Blocks.gaussians(random, BATCH * WIDTH, 1, 0);
        double[] gradOut = Blocks.gaussians(random, BATCH * WIDTH, 1, 0);
        double[] out = new double[x.length];
        double[] gradIn = new double[x.length];
        layer.forward(x.clone(), out, BATCH, WIDTH, phase, new SplittableRandom(seed));
        layer.backward(gradOut.clone(), gradIn, BATCH, WIDTH);
        DoubleUnaryOperator[] losses = new DoubleUnaryOperator[x.length];
        for (int i = 0; i < x.length; i++) {
            int at = i;
            losses[i] = t -> {
                double[] in = x.clone();
                in[at] = t;
                double[] y = new double[in.length];
                layer.forward(in, y, BATCH, WIDTH, phase, new SplittableRandom(seed));
                return dot(gradOut, y);
            };
        }
        return compare(name, "input", x, gradIn, losses);
    }

    List<CheckResult> normalization(Normalization layer) {
        List<CheckResult> results = new ArrayList<>();
        CheckResult arrays = run.guard(NORMALIZATION_ARRAYS, () -> {
            layer.initialise(WIDTH);
            return arrays(layer);
        });
        results.add(arrays);
        results.add(run.guard(NORMALIZATION_INPUT, () -> normalizationInput(layer)));
        if (arrays.passed()) {
            results.add(run.guard(NORMALIZATION_LEARNED, () -> normalizationLearned(layer)));
        }
        return results;
    }

    private CheckResult arrays(Normalization layer) {
        List<NamedArray> parameters = layer.learnedParameters();
        List<NamedArray> gradients = layer.learnedGradients();
        if (parameters.size() != gradients.size()) {
            return CheckResult.fail(NORMALIZATION_ARRAYS, parameters.size() + " learned parameters "
                    + names(parameters) + " but " + gradients.size() + " gradients " + names(gradients));
        }
        for (int k = 0; k < parameters.size(); k++) {
            NamedArray p = parameters.get(k);
            NamedArray g = gradients.get(k);
            if (!p.name().equals(g.name()) || p.values().length != g.values().length) {
                return CheckResult.fail(NORMALIZATION_ARRAYS, "parameter " + k + " is " + p.name() + "["
                        + p.values().length + "] but gradient " + k + " is " + g.name() + "[" + g.values().length
                        + "]");
            }
        }
        return CheckResult.pass(NORMALIZATION_ARRAYS, names(parameters) + " after initialise(" + WIDTH + ")");
    }

    private CheckResult normalizationInput(Normalization layer) {
        SplittableRandom random = new SplittableRandom(seed + 2);
        double[] x = Blocks.gaussians(random, BATCH * WIDTH, 2, 1);
        double[] gradOut = Blocks.gaussians(random, BATCH * WIDTH, 1, 0);
        double[] gradIn = new double[x.length];
        layer.forward(x.clone(), new double[x.length], BATCH, WIDTH, Phase.TRAIN);
        layer.backward(gradOut.clone(), gradIn, BATCH, WIDTH);
        DoubleUnaryOperator[] losses = new DoubleUnaryOperator[x.length];
        for (int i = 0; i < x.length; i++) {
            int at = i;
            losses[i] = t -> {
                double[] in = x.clone();
                in[at] = t;
                return normalizationLoss(layer, in, gradOut);
            };
        }
        return compare(NORMALIZATION_INPUT, "input", x, gradIn, losses);
    }

    private CheckResult normalizationLearned(Normalization layer) {
        SplittableRandom random = new SplittableRandom(seed + 3);
        double[] x = Blocks.gaussians(random, BATCH * WIDTH, 2, 1);
        double[] gradOut = Blocks.gaussians(random, BATCH * WIDTH, 1, 0);
        layer.forward(x.clone(), new double[x.length], BATCH, WIDTH, Phase.TRAIN);
        layer.backward(gradOut.clone(), new double[x.length], BATCH, WIDTH);
        List<NamedArray> parameters = layer.learnedParameters();
        List<NamedArray> gradients = layer.learnedGradients();
        for (int k = 0; k < parameters.size(); k++) {
            double[] live = parameters.get(k).values();
            double[] claimed = gradients.get(k).values().clone();
            DoubleUnaryOperator[] losses = new DoubleUnaryOperator[live.length];
            for (int j = 0; j < live.length; j++) {
                int at = j;
                losses[j] = t -> {
                    double saved = live[at];
                    live[at] = t;
                    double loss = normalizationLoss(layer, x, gradOut);
                    live[at] = saved;
                    return loss;
                };
            }
            CheckResult result = compare(NORMALIZATION_LEARNED, parameters.get(k).name(), live.clone(), claimed,
                    losses);
            if (!result.passed()) {
                return result;
            }
        }
        return CheckResult.pass(NORMALIZATION_LEARNED, names(parameters) + " on a " + BATCH + " x " + WIDTH
                + " batch");
    }

    private static double normalizationLoss(Normalization layer, double[] x, double[] gradOut) {
        double[] y = new double[x.length];
        layer.forward(x.clone(), y, BATCH, WIDTH, Phase.TRAIN);
        return dot(gradOut, y);
    }

    /** Compares {@code claimed[i]} with finite differences of {@code losses[i]} at {@code at[i]}. */
    private static CheckResult compare(String name, String what, double[] at, double[] claimed,
            DoubleUnaryOperator[] losses) {
        for (int i = 0; i < at.length; i++) {
            FiniteDifferences.Slopes slopes = FiniteDifferences.slopes(losses[i], at[i]);
            if (!slopes.accepts(claimed[i])) {
                return CheckResult.fail(name, "gradient of " + what + "[" + i + "] (value " + num(at[i]) + ") is "
                        + num(claimed[i]) + " but finite differences give " + slopes.expected());
            }
        }
        return CheckResult.pass(name, at.length + " " + what + " elements of a " + BATCH + " x " + WIDTH + " batch");
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static String names(List<NamedArray> arrays) {
        return arrays.stream().map(a -> a.name() + "[" + a.values().length + "]").toList().toString();
    }
}
