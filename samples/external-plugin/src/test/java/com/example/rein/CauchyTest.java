package com.example.rein;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.RegularizerProvider;
import dev.rein.runtime.check.CheckReport;
import dev.rein.runtime.check.PluginChecker;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CauchyTest {

    /** The processor registered the provider, so Rein will find it like this. */
    private static RegularizerProvider provider() {
        for (RegularizerProvider p : ServiceLoader.load(RegularizerProvider.class)) {
            if (p.descriptor().name().equals("cauchy")) {
                return p;
            }
        }
        throw new AssertionError("cauchy is not registered in META-INF/services");
    }

    @Test
    void passesReinsPluginChecks() {
        CheckReport report = new PluginChecker().check(provider());
        assertTrue(report.passed(), report::format);
    }

    @Test
    void penaltyHasTheCauchyValue() {
        ElementwisePenalty p = (ElementwisePenalty) provider().create(Arguments.of(Map.of("lambda", 2.0, "scale", 0.5)));
        assertEquals(2.0 * Math.log(5.0), p.value(1.0), 1e-12);  // z = 2, log(1 + 4)
        assertEquals(2.0 * 2 * 2 / (0.5 * 5), p.gradient(1.0), 1e-12);
    }
}
