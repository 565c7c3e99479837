package dev.rein.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.Normalization;
import dev.rein.api.hook.Phase;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.check.PluginChecker;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The layer plugins against what they must compute, and against the checks {@code rein check} runs. */
class BuiltInLayersTest {
    private static Object layer(String name, Map<String, ?> args) {
        return BuiltInPenaltiesTest.providers().get(name).create(Arguments.of(args));
    }

    @Test
    void layersHaveTheirKindsAndPassReinsChecks() {
        var p = BuiltInPenaltiesTest.providers();
        assertEquals(Kind.ACTIVATION, p.get("dropout").descriptor().kind());
        assertEquals(Kind.ACTIVATION, p.get("gaussian_noise").descriptor().kind());
        assertEquals(Kind.NORMALIZATION, p.get("batch_norm").descriptor().kind());
        PluginChecker.assertPasses(p.get("dropout"));
        PluginChecker.assertPasses(p.get("gaussian_noise"));
        PluginChecker.assertPasses(p.get("batch_norm"));
    }

    @Test
    void dropoutZeroesAboutPAndScalesTheRestByOneOverOneMinusP() {
        var dropout = (ActivationRegularizer) layer("dropout", Map.of("p", 0.25));
        int n = 40_000;
        double[] in = new double[n];
        java.util.Arrays.fill(in, 2.0);
        double[] out = new double[n];
        dropout.forward(in, out, 100, 400, Phase.TRAIN, new SplittableRandom(7));
        int dropped = 0;
        for (double v : out) {
            if (v == 0) {
                dropped++;
            } else {
                assertEquals(2.0 / 0.75, v, 1e-15);
            }
        }
        // binomial(40000, 0.25): sd about 87, so 5 sd is 433
        assertEquals(10_000, dropped, 433);
        double[] grad = new double[n];
        java.util.Arrays.fill(grad, 1.0);
        double[] gradIn = new double[n];
        dropout.backward(grad, gradIn, 100, 400);
        for (int i = 0; i < n; i++) {
            assertEquals(out[i] / 2.0, gradIn[i], 1e-15, "the gradient goes through the same mask");
        }
        dropout.forward(in, out, 100, 400, Phase.EVAL, new SplittableRandom(7));
        assertArrayEquals(in, out, 0.0, "off at prediction");
    }

    @Test
    void gaussianNoiseHasTheGivenSpreadInTrainingAndNoneAtPrediction() {
        var noise = (ActivationRegularizer) layer("gaussian_noise", Map.of("stddev", 0.5));
        int n = 40_000;
        double[] in = new double[n];
        double[] out = new double[n];
        noise.forward(in, out, 200, 200, Phase.TRAIN, new SplittableRandom(3));
        double sum = 0;
        double squares = 0;
        for (double v : out) {
            sum += v;
            squares += v * v;
        }
        assertEquals(0.0, sum / n, 0.02);
        assertEquals(0.25, squares / n, 0.01);
        noise.forward(in, out, 200, 200, Phase.EVAL, new SplittableRandom(3));
        assertArrayEquals(in, out, 0.0);
    }

    @Test
    void batchNormNormalizesEachColumnAndKeepsKerasRunningAverages() {
        var bn = (Normalization) layer("batch_norm", Map.of("momentum", 0.9, "epsilon", 1e-3));
        bn.initialise(2);
        // column 0: 1, 2, 3, 6 (mean 3, biased variance 3.5); column 1: 10 each (mean 10, variance 0)
        double[] in = {1, 10, 2, 10, 3, 10, 6, 10};
        double[] out = new double[8];
        bn.forward(in, out, 4, 2, Phase.TRAIN);
        double inv = 1 / Math.sqrt(3.5 + 1e-3);
        assertArrayEquals(new double[] {-2 * inv, 0, -1 * inv, 0, 0, 0, 3 * inv, 0}, out, 1e-12);
        double[] mean = bn.state().get(0).values();
        double[] variance = bn.state().get(1).values();
        assertArrayEquals(new double[] {0.1 * 3, 0.1 * 10}, mean, 1e-12, "0.9 of the old average 0, 0.1 of 3 and 10");
        assertArrayEquals(new double[] {0.9 + 0.1 * 3.5, 0.9}, variance, 1e-12, "the old average 1 starts it");
        bn.learnedParameters().get(0).values()[0] = 2.0;   // gamma
        bn.learnedParameters().get(1).values()[0] = 0.5;   // beta
        bn.forward(new double[] {1, 10}, out, 1, 2, Phase.EVAL);
        assertEquals(2.0 * (1 - 0.3) / Math.sqrt(0.9 + 0.35 + 1e-3) + 0.5, out[0], 1e-12);
        assertTrue(Double.isFinite(out[1]));
    }
}
