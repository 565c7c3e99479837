package dev.rein.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecNamesTest {
    @ParameterizedTest
    @CsvSource({"l1Ratio, l1_ratio", "lambda, lambda", "maxNorm, max_norm", "URLPath, url_path", "_x, _x",
            "warmUp, warm_up"})
    void javaNamesBecomeLowerSnakeCase(String javaName, String expected) {
        assertEquals(expected, SpecNames.fromJavaName(javaName));
    }

    @ParameterizedTest
    @CsvSource({"MaxNorm, max_norm", "max-norm, max_norm", "Ridge-2, ridge_2", "_lambda, lambda", "L1Ratio, l1_ratio",
            "2fast, fast", "'!!', x"})
    void suggestionsAreAlwaysValid(String name, String expected) {
        assertEquals(expected, SpecNames.toSnakeCase(name));
        assertTrue(SpecNames.isValid(SpecNames.toSnakeCase(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Max", "max-norm", "1x", "_x", "a b"})
    void invalidNames(String name) {
        assertFalse(SpecNames.isValid(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "after", "mode"})
    void reservedNames(String name) {
        assertTrue(SpecNames.isReserved(name));
        assertFalse(SpecNames.isReserved(name + "_x"));
    }
}
