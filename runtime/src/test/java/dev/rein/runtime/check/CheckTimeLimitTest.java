package dev.rein.runtime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.spi.Kind;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.RegularizerProvider;
import dev.rein.runtime.ReinMessage;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each check runs under a time limit: a plugin that never returns fails the check it hangs in, the checks after it
 * are not started, and the caller gets its report after one time limit, not never.
 */
class CheckTimeLimitTest {
    private static final PluginChecker QUICK = new PluginChecker(1L, Duration.ofMillis(300));

    /** Sleeps until its thread is interrupted (a stand-in for an endless loop that would not burn a core). */
    private static double hang(double w) {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return w;
    }

    @Test
    void aGradientThatNeverReturnsFailsItsCheckAndStopsTheRest() {
        RegularizerProvider stuck = TestHooks.penaltyProvider("stuck",
                lambda -> TestHooks.penalty(w -> lambda * w * w / 2, CheckTimeLimitTest::hang, null));
        long start = System.nanoTime();
        CheckReport report = QUICK.check(stuck);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertFalse(report.passed());
        assertTrue(report.result(ElementwisePenaltyChecks.FINITE).orElseThrow().passed(), report::toString);
        CheckResult gradient = report.result(ElementwisePenaltyChecks.GRADIENT).orElseThrow();
        assertFalse(gradient.passed());
        assertEquals("check-gradient", gradient.tag());
        assertTrue(gradient.detail().startsWith("did not return within 0.3 s; the plugin may loop forever"),
                gradient.detail());
        CheckResult arrays = report.result(ElementwisePenaltyChecks.ARRAYS).orElseThrow();
        assertEquals("not started: the plugin did not return from 'gradient matches finite differences'",
                arrays.detail());
        assertTrue(seconds < 3, "one time limit in all: " + seconds + " s");
    }

    @Test
    void aDescriptorThatNeverReturnsIsReportedToo() {
        RegularizerProvider stuck = TestHooks.provider(RegularizerDescriptor.builder("x", Kind.CONSTRAINT).build(),
                a -> TestHooks.maxNorm(1));
        RegularizerProvider hanging = new RegularizerProvider() {
            @Override
            public RegularizerDescriptor descriptor() {
                hang(0);
                return stuck.descriptor();
            }

            @Override
            public Object create(dev.rein.api.spi.Arguments arguments) {
                return stuck.create(arguments);
            }
        };
        CheckReport report = QUICK.check(hanging);
        assertEquals(1, report.results().size(), report::toString);
        assertEquals("check-descriptor", report.results().get(0).tag());
        assertTrue(report.results().get(0).detail().startsWith("did not return within 0.3 s"), report::toString);
    }

    @Test
    void aTimeLimitMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PluginChecker(1L, Duration.ZERO));
        assertEquals(Optional.of("check-time-limit"), ReinMessage.tagOf(e));
        assertEquals("[check-time-limit] the time limit of each check is PT0S; give a positive duration, e.g."
                + " Duration.ofSeconds(10)", e.getMessage());
    }

    @Test
    void aQuickPluginIsUnaffected() {
        assertTrue(QUICK.check(TestHooks.penaltyProvider("l2", TestHooks::l2)).passed());
    }
}
