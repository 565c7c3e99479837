package com.example.rein;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.Phase;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.RegularizerProvider;
import dev.rein.runtime.check.PluginChecker;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianDropoutTest {
    private static RegularizerProvider provider() {
        for (RegularizerProvider p : ServiceLoader.load(RegularizerProvider.class)) {
            if (p.descriptor().name().equals("gaussian_dropout")) {
                return p;
            }
        }
        throw new AssertionError("gaussian_dropout is not registered in META-INF/services");
    }

    @Test
    void passesReinsPluginChecks() {
        PluginChecker.assertPasses(provider());
    }

    @Test
    void theNoiseHasMeanOneAndTheVarianceOfDropoutAtTheRate() {
        var layer = (ActivationRegularizer) provider().create(Arguments.of(Map.of("rate", 0.2)));
        int n = 40_000;
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        double[] out = new double[n];
        layer.forward(ones, out, 100, 400, Phase.TRAIN, new SplittableRandom(5));
        double sum = 0;
        double squares = 0;
        for (double v : out) {
            sum += v;
            squares += (v - 1) * (v - 1);
        }
        assertEquals(1.0, sum / n, 0.01);
        assertEquals(0.2 / 0.8, squares / n, 0.01);
    }
}
