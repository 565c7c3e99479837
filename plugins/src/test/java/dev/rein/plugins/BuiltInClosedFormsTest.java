package dev.rein.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ElasticCoefficients;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.RegularizerProvider;
import dev.rein.runtime.check.CheckReport;
import dev.rein.runtime.check.PluginChecker;
import dev.rein.runtime.plan.ElasticForm;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The built-in {@code l1}, {@code l2} and {@code elastic_net} declare their closed forms, and the lazy engine's
 * {@link ElasticForm} takes them with exactly the declared {@code λ₁, λ₂}.
 * (The runtime's own tests cannot load the built-ins, which depend on the runtime only for their tests.)
 */
class BuiltInClosedFormsTest {
    private static final Map<String, RegularizerProvider> PROVIDERS = new TreeMap<>();

    static {
        for (RegularizerProvider p : ServiceLoader.load(RegularizerProvider.class)) {
            PROVIDERS.put(p.descriptor().name(), p);
        }
    }

    private static ElementwisePenalty penalty(String name, Map<String, ?> args) {
        return (ElementwisePenalty) PROVIDERS.get(name).create(Arguments.of(args));
    }

    @Test
    void eachBuiltInDeclaresItsCoefficients() {
        assertEquals(Optional.of(ElasticCoefficients.of(0.3, 0)), penalty("l1", Map.of("lambda", 0.3)).closedForm());
        assertEquals(Optional.of(ElasticCoefficients.of(0, 0.3)), penalty("l2", Map.of("lambda", 0.3)).closedForm());
        assertEquals(Optional.of(ElasticCoefficients.of(0.3 * 0.25, 0.3 * 0.75)),
                penalty("elastic_net", Map.of("lambda", 0.3, "l1_ratio", 0.25)).closedForm());
        assertEquals(Optional.of(ElasticCoefficients.of(1e-5, 0)), penalty("l1", Map.of("lambda", 1e-5)).closedForm());
    }

    @Test
    void theLazyEngineTakesTheDeclaredFormsWithTheirExactCoefficients() {
        assertForm(0.3, 0.0, penalty("l1", Map.of("lambda", 0.3)));
        assertForm(0.0, 0.3, penalty("l2", Map.of("lambda", 0.3)));
        assertForm(0.3 * 0.25, 0.3 * 0.75, penalty("elastic_net", Map.of("lambda", 0.3, "l1_ratio", 0.25)));
        assertForm(0.2, 0.0, penalty("elastic_net", Map.of("lambda", 0.2, "l1_ratio", 1.0)));
        assertForm(0.0, 0.2, penalty("elastic_net", Map.of("lambda", 0.2, "l1_ratio", 0.0)));
        assertForm(1e-4 * 0.5, 1e-4 * 0.5, penalty("elastic_net", Map.of("lambda", 1e-4, "l1_ratio", 0.5)));
        assertForm(0.0, 0.0, penalty("l2", Map.of("lambda", 0.0)));
    }

    @Test
    void rein_checkAgreesWithEachDeclarationOutToAMillion() {
        for (String name : new String[] {"l1", "l2", "elastic_net"}) {
            CheckReport report = new PluginChecker().check(PROVIDERS.get(name), Map.of("lambda", "0.7"));
            assertTrue(report.passed(), report::toString);
            assertTrue(report.results().stream().anyMatch(r -> r.name().startsWith("declared closed form")),
                    name + ": " + report);
        }
    }

    private static void assertForm(double l1, double l2, ElementwisePenalty p) {
        ElasticForm form = ElasticForm.of(p);
        assertNotNull(form, p + " is recognised");
        assertEquals(l1, form.l1, 0.0, "λ₁ exactly as declared");
        assertEquals(l2, form.l2, 0.0, "λ₂ exactly as declared");
        assertTrue(form.proximalMatches(p), "its proximal operator is the form's");
    }
}
