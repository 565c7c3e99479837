package dev.rein.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> NAMES = List.of("l1", "l2", "ridge", "elastic_net", "dropout", "max_norm",
            "batch_norm", "early_stopping");

    @Test
    void editDistanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertEquals(0, Suggestions.distance("l1", "l1"));
        assertEquals(1, Suggestions.distance("l3", "l1"));
        assertEquals(1, Suggestions.distance("lamda", "lambda"));
        assertEquals(1, Suggestions.distance("dorpout", "dropout"));
        assertEquals(1, Suggestions.distance("elasticnet", "elastic_net"));
        assertEquals(5, Suggestions.distance("", "ridge"));
    }

    @Test
    void nearestNamesClosestFirstThenAlphabetical() {
        assertEquals(List.of("l1", "l2"), Suggestions.nearest("l3", NAMES));
        assertEquals(List.of("dropout"), Suggestions.nearest("dorpout", NAMES));
        assertEquals(List.of("max_norm"), Suggestions.nearest("maxnorm", NAMES));
        assertEquals(List.of("elastic_net"), Suggestions.nearest("elastcnet", NAMES));
        assertEquals(List.of(), Suggestions.nearest("xyzzy", NAMES));
        assertEquals(List.of("l2"), Suggestions.nearest("l1", NAMES), "a name never suggests itself");
    }

    @Test
    void shortNamesOnlyGetVeryCloseSuggestions() {
        assertEquals(List.of(), Suggestions.nearest("on", List.of("l1", "l2")));
        assertEquals(List.of("a1", "a2", "a3"), Suggestions.nearest("a0", List.of("a3", "a1", "a2", "a4")));
    }

    @Test
    void didYouMeanIsASentenceOrNothing() {
        assertEquals(" did you mean l1, l2?", Suggestions.didYouMean("l3", NAMES));
        assertEquals("", Suggestions.didYouMean("xyzzy", NAMES));
    }
}
