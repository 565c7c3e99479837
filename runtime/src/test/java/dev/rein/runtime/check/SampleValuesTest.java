package dev.rein.runtime.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.ParamType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleValuesTest {

    @Test
    void samplesLieInsideTheBoundsAndParse() {
        assertSample("1.0", ParamDescriptor.builder("c", ParamType.DOUBLE).min(0, true));
        assertSample("0.5", ParamDescriptor.builder("p", ParamType.DOUBLE).min(0, false).max(1, true));
        assertSample("-2.0", ParamDescriptor.builder("x", ParamType.DOUBLE).max(-1, false));
        assertSample("1.0", ParamDescriptor.builder("x", ParamType.DOUBLE));
        assertSample("2", ParamDescriptor.builder("patience", ParamType.INT).min(1, false));
        assertSample("1", ParamDescriptor.builder("k", ParamType.INT).min(0, true));
        assertSample("5", ParamDescriptor.builder("k", ParamType.LONG).min(0, false).max(10, false));
        assertSample("1", ParamDescriptor.builder("k", ParamType.INT).min(0, true).max(2, true));
        assertSample("0", ParamDescriptor.builder("k", ParamType.INT).min(-0.5, false).max(0.5, false));
        assertSample("true", ParamDescriptor.builder("b", ParamType.BOOLEAN));
        assertSample("sample", ParamDescriptor.builder("s", ParamType.STRING));
        assertSample("ACCURACY", ParamDescriptor.builder("metric", ParamType.ENUM)
                .enumeration("x.Metric", List.of("ACCURACY", "LOSS")));
    }

    private static void assertSample(String expected, ParamDescriptor.Builder builder) {
        ParamDescriptor p = builder.build();
        String sample = SampleValues.sample(p);
        assertEquals(expected, sample, p.toString());
        p.parse(sample);
    }
}
