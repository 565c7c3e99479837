package dev.rein.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.spi.SpecNames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaNamesTest {
    @ParameterizedTest
    @CsvSource({"l1Ratio, l1_ratio", "lambda, lambda", "maxNorm, max_norm", "URLPath, url_path", "_x, _x",
            "warmUp, warm_up"})
    void javaNamesBecomeLowerSnakeCase(String javaName, String expected) {
        assertEquals(expected, JavaNames.fromJavaName(javaName));
    }

    @ParameterizedTest
    @CsvSource({"MaxNorm, max_norm", "max-norm, max_norm", "Ridge-2, ridge_2", "_lambda, lambda", "L1Ratio, l1_ratio",
            "2fast, fast", "'!!', x"})
    void suggestionsAreAlwaysValid(String name, String expected) {
        assertEquals(expected, JavaNames.toSnakeCase(name));
        assertTrue(SpecNames.isValidName(JavaNames.toSnakeCase(name)));
    }
}
