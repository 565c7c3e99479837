package dev.rein.samples.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** File contents in messages: control characters escaped, long values cut, the length said. */
class QuotedTest {
    @Test
    void controlCharactersAreEscapedAndLongValuesCut() {
        assertEquals("'abc'", Numbers.quoted("abc"));
        assertEquals("'\\u001b[2J'", Numbers.quoted("\u001b[2J"));
        assertEquals("'" + "\\u0000".repeat(40) + "…' (1000000 characters)", Numbers.quoted("\0".repeat(1_000_000)));
        assertEquals("'" + "x".repeat(40) + "…' (41 characters)", Numbers.quoted("x".repeat(41)));
    }
}
