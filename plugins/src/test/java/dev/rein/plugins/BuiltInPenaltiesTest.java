package dev.rein.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.Kind;
import dev.rein.api.spi.RegularizerProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The built-in penalties against known answers: their closed forms, central finite differences of the penalty,
 * and the proximal operator against a brute-force minimisation of {@code (x - w)²/(2·step) + R(x)}.
 */
class BuiltInPenaltiesTest {
    private static final double[] POINTS = {-1e3, -7.5, -1, -0.3, -1e-3, 0, 1e-3, 0.25, 1, 4, 1e3};

    static Map<String, RegularizerProvider> providers() {
        Map<String, RegularizerProvider> byName = new TreeMap<>();
        for (RegularizerProvider p : ServiceLoader.load(RegularizerProvider.class)) {
            byName.put(p.descriptor().name(), p);
        }
        return byName;
    }

    static ElementwisePenalty penalty(String name, Map<String, ?> args) {
        return (ElementwisePenalty) providers().get(name).create(Arguments.of(args));
    }

    @Test
    void processorRegisteredEveryBuiltInWithItsKind() {
        Map<String, RegularizerProvider> p = providers();
        assertEquals(java.util.Set.of("batch_norm", "dropout", "early_stopping", "elastic_net", "gaussian_noise", "l1", "l2",
                "max_norm", "non_negative"),
                p.keySet());
        assertEquals(Kind.PENALTY, p.get("l1").descriptor().kind());
        assertEquals(Kind.PENALTY, p.get("l2").descriptor().kind());
        assertEquals(Kind.PENALTY, p.get("elastic_net").descriptor().kind());
        assertEquals(Kind.CONSTRAINT, p.get("max_norm").descriptor().kind());
        assertEquals(Kind.CONSTRAINT, p.get("non_negative").descriptor().kind());
        assertEquals(java.util.List.of("ridge", "weight_decay"), p.get("l2").descriptor().aliases());
        assertEquals("a number in [0, 1]", p.get("elastic_net").descriptor().param("l1_ratio").get().validRange());
        assertEquals("a number > 0", p.get("max_norm").descriptor().param("c").get().validRange());
    }

    @Test
    void closedForms() {
        ElementwisePenalty l1 = penalty("l1", Map.of("lambda", 0.3));
        ElementwisePenalty l2 = penalty("l2", Map.of("lambda", 0.3));
        ElementwisePenalty en = penalty("elastic_net", Map.of("lambda", 0.3, "l1_ratio", 0.25));
        for (double w : POINTS) {
            assertEquals(0.3 * Math.abs(w), l1.value(w), 1e-12 * (1 + Math.abs(w)));
            assertEquals(0.15 * w * w, l2.value(w), 1e-12 * (1 + w * w));
            assertEquals(0.3 * (0.25 * Math.abs(w) + 0.375 * w * w), en.value(w), 1e-12 * (1 + w * w));
            assertEquals(0.3 * w, l2.gradient(w), 1e-12 * (1 + Math.abs(w)));
        }
        assertEquals(0.0, l1.gradient(0.0));
        assertEquals(0.3, l1.gradient(2.0));
        assertEquals(-0.3, l1.gradient(-2.0));
    }

    @Test
    void gradientsMatchCentralFiniteDifferencesAwayFromKinks() {
        for (ElementwisePenalty p : new ElementwisePenalty[] {penalty("l1", Map.of("lambda", 0.7)),
                penalty("l2", Map.of("lambda", 0.7)), penalty("elastic_net", Map.of("lambda", 0.7, "l1_ratio", 0.4))}) {
            for (double w : POINTS) {
                if (w == 0) {
                    continue;
                }
                double h = 1e-6 * Math.max(1, Math.abs(w));
                double numeric = (p.value(w + h) - p.value(w - h)) / (2 * h);
                assertEquals(numeric, p.gradient(w), 1e-6 * Math.max(1, Math.abs(numeric)), p + " at " + w);
            }
        }
    }

    @Test
    void elasticNetIsL1AtRatioOneAndL2AtRatioZero() {
        ElementwisePenalty asL1 = penalty("elastic_net", Map.of("lambda", 0.2, "l1_ratio", 1.0));
        ElementwisePenalty asL2 = penalty("elastic_net", Map.of("lambda", 0.2, "l1_ratio", 0.0));
        ElementwisePenalty l1 = penalty("l1", Map.of("lambda", 0.2));
        ElementwisePenalty l2 = penalty("l2", Map.of("lambda", 0.2));
        for (double w : POINTS) {
            assertEquals(l1.value(w), asL1.value(w), 1e-12 * (1 + Math.abs(w)));
            assertEquals(l2.value(w), asL2.value(w), 1e-12 * (1 + w * w));
            assertEquals(l1.proximal(w, 0.5), asL1.proximal(w, 0.5), 1e-12 * (1 + Math.abs(w)));
            assertEquals(l2.proximal(w, 0.5), asL2.proximal(w, 0.5), 1e-12 * (1 + Math.abs(w)));
        }
    }

    @Test
    void proximalOperatorsMinimiseTheirObjective() {
        for (ElementwisePenalty p : new ElementwisePenalty[] {penalty("l1", Map.of("lambda", 0.7)),
                penalty("l2", Map.of("lambda", 0.7)), penalty("elastic_net", Map.of("lambda", 0.7, "l1_ratio", 0.4))}) {
            assertTrue(p.hasProximal());
            for (double step : new double[] {1e-3, 0.1, 1, 5}) {
                for (double w : POINTS) {
                    double x = p.proximal(w, step);
                    double best = bruteForceProx(p, w, step);
                    assertEquals(best, x, 1e-6 * Math.max(1, Math.abs(w)), p + " w=" + w + " step=" + step);
                }
            }
        }
    }

    @Test
    void l1ProximalSetsSmallWeightsExactlyToZero() {
        ElementwisePenalty l1 = penalty("l1", Map.of("lambda", 2.0));
        assertEquals(0.0, l1.proximal(0.15, 0.1));   // |w| <= step·λ = 0.2
        assertEquals(0.0, l1.proximal(-0.2, 0.1));
        assertEquals(0.05, l1.proximal(0.25, 0.1), 1e-15);
    }

    @Test
    void arrayMethodsAgreeWithScalarOnes() {
        ElementwisePenalty en = penalty("elastic_net", Map.of("lambda", 0.5, "l1_ratio", 0.3));
        double[] w = {3, -2, 0.01, 0, -0.5, 7};
        double sum = 0;
        for (int i = 1; i < 5; i++) {
            sum += en.value(w[i]);
        }
        assertEquals(sum, en.value(w, 1, 5), 1e-15);
        double[] grad = new double[w.length];
        en.addGradient(w, 1, 5, grad, 2.0);
        assertEquals(0.0, grad[0]);
        assertEquals(0.0, grad[5]);
        assertEquals(2.0 * en.gradient(w[2]), grad[2], 1e-15);
        double[] copy = w.clone();
        en.proximal(copy, 0, w.length, 0.1);
        for (int i = 0; i < w.length; i++) {
            assertEquals(en.proximal(w[i], 0.1), copy[i], 0.0);
        }
    }

    /** Golden-section search of (x - w)²/(2 step) + R(x), convex, around w. */
    private static double bruteForceProx(ElementwisePenalty p, double w, double step) {
        double lo = -Math.abs(w) - 1;
        double hi = Math.abs(w) + 1;
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 300; i++) {
            double a = hi - g * (hi - lo);
            double b = lo + g * (hi - lo);
            if (objective(p, w, step, a) <= objective(p, w, step, b)) {
                hi = b;
            } else {
                lo = a;
            }
        }
        return (lo + hi) / 2;
    }

    private static double objective(ElementwisePenalty p, double w, double step, double x) {
        return (x - w) * (x - w) / (2 * step) + p.value(x);
    }
}
