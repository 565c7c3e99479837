package dev.rein.runtime.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The learning-rate schedules' factors at given steps, worked out by hand, and the text forms they are read from. */
class RateScheduleTest {
    @Test
    void cosineStartsAtTheFullRateIsHalfWayAtTheMiddleAndEndsNearItsMinimum() {
        CosineRate cosine = new CosineRate(0.0);
        // 10 epochs of 100 steps: T = 1000, factor(t) = (1 + cos(π(t-1)/T))/2
        assertEquals(1.0, cosine.factor(1, 100, 1000), 0.0);
        assertEquals(0.5, cosine.factor(501, 100, 1000), 1e-15);
        assertEquals((1 + Math.cos(Math.PI * 0.25)) / 2, cosine.factor(251, 100, 1000), 1e-15);   // 0.853553...
        assertEquals(0.8535533905932737, cosine.factor(251, 100, 1000), 1e-15);
        assertEquals((1 + Math.cos(Math.PI * 0.999)) / 2, cosine.factor(1000, 100, 1000), 1e-15); // 2.47e-6
        assertTrue(cosine.factor(1000, 100, 1000) < 3e-6);
        // with min = 0.1: 0.1 + 0.9·(1 + cos(π/2))/2 = 0.55 half-way
        CosineRate floor = new CosineRate(0.1);
        assertEquals(1.0, floor.factor(1, 100, 1000), 0.0);
        assertEquals(0.55, floor.factor(501, 100, 1000), 1e-15);
        assertEquals(0.1, floor.factor(1001, 100, 1000), 1e-15, "past the run: the floor");
    }

    @Test
    void stepDecayMultipliesByGammaEveryFewEpochs() {
        StepDecayRate step = new StepDecayRate(10, 0.5);
        // 100 steps an epoch: epochs 1-10 are steps 1-1000
        assertEquals(1.0, step.factor(1, 100, 6000), 0.0);
        assertEquals(1.0, step.factor(1000, 100, 6000), 0.0);
        assertEquals(0.5, step.factor(1001, 100, 6000), 0.0);
        assertEquals(0.25, step.factor(2001, 100, 6000), 0.0);
        assertEquals(0.03125, step.factor(6000, 100, 6000), 0.0);   // epoch 60: 5 decays
    }

    @Test
    void exponentialMultipliesByGammaEveryEpoch() {
        ExponentialRate exp = new ExponentialRate(0.9);
        assertEquals(1.0, exp.factor(1, 100, 1000), 0.0);
        assertEquals(1.0, exp.factor(100, 100, 1000), 0.0);
        assertEquals(0.9, exp.factor(101, 100, 1000), 1e-15);
        assertEquals(0.81, exp.factor(250, 100, 1000), 1e-15);
        assertEquals(Math.pow(0.9, 9), exp.factor(1000, 100, 1000), 1e-15);
    }

    @Test
    void textFormsReadBackAsTheyAreDescribed() {
        assertEquals(Optional.empty(), RateSchedules.parse("none"));
        assertEquals("cosine(min=0.0)", RateSchedules.parse("cosine").orElseThrow().describe());
        assertEquals("cosine(min=0.01)", RateSchedules.parse(" Cosine ( min = 0.01 ) ").orElseThrow().describe());
        assertEquals("step(every=5,gamma=0.1)", RateSchedules.parse("step(every=5, gamma=0.1)").orElseThrow()
                .describe());
        assertEquals("step(every=10,gamma=0.5)", RateSchedules.parse("step").orElseThrow().describe());
        assertEquals("exponential(gamma=0.95)", RateSchedules.parse("exponential()").orElseThrow().describe());
        for (String text : new String[] {"cosine(min=0.05)", "step(every=3,gamma=0.2)", "exponential(gamma=0.9)"}) {
            assertEquals(text, RateSchedules.describe(RateSchedules.parse(text)));
            assertEquals(text, RateSchedules.describe(RateSchedules.parse(RateSchedules.describe(
                    RateSchedules.parse(text)))));
        }
        assertEquals("none", RateSchedules.describe(RateSchedules.parse("none")));
    }

    @Test
    void badTextIsRefusedWithWhatWouldBeValid() {
        var e = assertThrows(IllegalArgumentException.class, () -> RateSchedules.parse("linear"));
        assertEquals("[optim-rate-schedule] learning-rate schedule 'linear': unknown schedule 'linear'; use one of:"
                + " none, cosine(min=0.0), step(every=10,gamma=0.5), exponential(gamma=0.95)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateSchedules.parse("cosine(gamma=0.5)"));
        assertEquals("[optim-rate-schedule] learning-rate schedule 'cosine(gamma=0.5)': cosine takes min, not"
                + " 'gamma'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateSchedules.parse("step(every=2.5)"));
        assertEquals("[optim-rate-schedule] learning-rate schedule 'step(every=2.5)': every is 2.5; it must be a whole"
                + " number of epochs of at least 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateSchedules.parse("step(gamma=half)"));
        assertEquals("[optim-rate-schedule] learning-rate schedule 'step(gamma=half)': gamma is 'half', not a finite"
                + " number", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateSchedules.parse("exponential(gamma=2)"));
        // out of range: in the text's own words and under the text's tag (it said CosineRate's minFactor before)
        assertEquals("[optim-rate-schedule] learning-rate schedule 'exponential(gamma=2)': gamma is 2; it must be"
                + " above 0 and at most 1 (the factor the rate is multiplied by, e.g. 0.5)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateSchedules.parse("cosine(min=1)"));
        assertEquals("[optim-rate-schedule] learning-rate schedule 'cosine(min=1)': min is 1; it must be at least 0"
                + " and below 1 (a share of the rate, e.g. 0.01)", e.getMessage());
        // the Java API keeps its own check
        e = assertThrows(IllegalArgumentException.class, () -> new CosineRate(1.0));
        assertEquals("[optim-setting-out-of-range] CosineRate: minFactor is 1.0; it must be at least 0 and below 1",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RateSchedules.parse("none(x=1)"));
        assertEquals("[optim-rate-schedule] learning-rate schedule 'none(x=1)': none takes no arguments, not 'x'",
                e.getMessage());
    }

    @Test
    void provenanceRecordsTheSettings() {
        var provenance = new CosineRate(0.05).getProvenance();
        assertEquals(new DoubleProvenance("minFactor", 0.05), provenance.getConfiguredParameters().get("minFactor"));
        assertEquals(CosineRate.class.getName(), provenance.getClassName());
    }
}
