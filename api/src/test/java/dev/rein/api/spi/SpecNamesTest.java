package dev.rein.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"l1", "l2", "max_norm", "elastic_net", "x", "a_1_b", "trailing_", "double__underscore"})
    void lowerSnakeCaseNamesAreValid(String name) {
        assertTrue(SpecNames.isValidName(name), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "MaxNorm", "L1", "max-norm", "max norm", "_lambda", "2fast", "l1.5", "caf\u00e9",
            "\u00e9t\u00e9", "name\n", " l1", "l1 "})
    void everythingElseIsInvalid(String name) {
        assertFalse(SpecNames.isValidName(name), name);
    }

    @Test
    void nullIsNeitherValidNorReserved() {
        assertFalse(SpecNames.isValidName(null));
        assertFalse(SpecNames.isReservedKey(null));
    }

    @Test
    void theCheckAgreesWithThePublishedRegex() {
        Pattern published = Pattern.compile(SpecNames.NAME_REGEX);
        String alphabet = "aZz09_-. \u00e9";
        // Every string of up to three characters from the alphabet: the method and the regex give one answer.
        int checked = 0;
        for (int length = 0; length <= 3; length++) {
            int[] index = new int[length];
            while (true) {
                StringBuilder s = new StringBuilder();
                for (int i : index) {
                    s.append(alphabet.charAt(i));
                }
                String name = s.toString();
                assertEquals(published.matcher(name).matches(), SpecNames.isValidName(name), "'" + name + "'");
                checked++;
                int k = length - 1;
                while (k >= 0 && index[k] == alphabet.length() - 1) {
                    index[k--] = 0;
                }
                if (k < 0) {
                    break;
                }
                index[k]++;
            }
        }
        int n = alphabet.length();
        assertEquals(1 + n + n * n + n * n * n, checked);
        assertEquals("[a-z][a-z0-9_]*", SpecNames.NAME_REGEX);
    }

    @Test
    void theReservedKeysAreOnAfterAndModeInThatOrder() {
        assertEquals(List.of("on", "after", "mode"), List.copyOf(SpecNames.RESERVED_KEYS));
        assertEquals(List.of(SpecNames.ON, SpecNames.AFTER, SpecNames.MODE), List.copyOf(SpecNames.RESERVED_KEYS));
        for (String key : SpecNames.RESERVED_KEYS) {
            assertTrue(SpecNames.isReservedKey(key), key);
            assertTrue(SpecNames.isValidName(key), key + " is itself a well-formed name");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lambda", "on_", "mode_x", "after1", "On", "MODE", ""})
    void otherKeysAreNotReserved(String key) {
        assertFalse(SpecNames.isReservedKey(key), key);
    }

    @Test
    void theReservedKeysCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> SpecNames.RESERVED_KEYS.add("seed"));
        assertThrows(UnsupportedOperationException.class, () -> SpecNames.RESERVED_KEYS.remove("on"));
        assertThrows(UnsupportedOperationException.class, () -> SpecNames.RESERVED_KEYS.clear());
        assertEquals(3, SpecNames.RESERVED_KEYS.size());
    }
}
