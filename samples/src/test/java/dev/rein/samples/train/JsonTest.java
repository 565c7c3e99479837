package dev.rein.samples.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesNumbersStringsBooleansAndNullsInOrder() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("spec", "l1(lambda=1e-5) + \"q\"\\");
        fields.put("accuracy", 0.5);
        fields.put("zeros", 12L);
        fields.put("test_accuracy", null);
        fields.put("ok", true);
        fields.put("nan", Double.NaN);
        assertEquals("{\"spec\":\"l1(lambda=1e-5) + \\\"q\\\"\\\\\",\"accuracy\":0.5,\"zeros\":12,"
                + "\"test_accuracy\":null,\"ok\":true,\"nan\":null}", Json.object(fields));
    }

    @Test
    void escapesControlCharacters() {
        assertEquals("{\"a\":\"x\\ny\\u0001\"}", Json.object(Map.of("a", "x\ny\u0001")));
    }
}
