package dev.rein.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** How a rein.plugins value becomes folders and problems; never an exception. */
class PluginsPropertyTest {
    private static final String SEP = File.pathSeparator;

    @Test
    void unsetEmptyAndBlankMeanNoFoldersAndNoProblems() {
        for (String value : new String[] {null, "", "   "}) {
            PluginsProperty p = PluginsProperty.parse(value);
            assertEquals(List.of(), p.folders(), "'" + value + "'");
            assertEquals(List.of(), p.problems(), "'" + value + "'");
        }
    }

    @Test
    void elementsAreSplitOnThePathSeparatorTrimmedAndKeepTheirPosition() {
        String value = "a" + SEP + " b c ";
        PluginsProperty p = PluginsProperty.parse(value);

        assertEquals(List.of(Path.of("a"), Path.of("b c")), paths(p));
        assertEquals(List.of("element 1 of the rein.plugins system property \"" + value + "\"",
                "element 2 of the rein.plugins system property \"" + value + "\""),
                p.folders().stream().map(PluginsProperty.Folder::origin).collect(Collectors.toList()));
        assertEquals(List.of(), p.problems());
    }

    @Test
    void anEmptyElementIsReportedWithTheValueAndAnExampleOfWhatIsValid() {
        String value = "a" + SEP + SEP + "b";
        PluginsProperty p = PluginsProperty.parse(value);

        assertEquals(List.of(Path.of("a"), Path.of("b")), paths(p), "the other elements still count");
        assertOneProblem(p, "plugin-property-empty", "rein.plugins system property \"" + value + "\": element 2 is"
                + " empty and names no folder, so it is ignored.", "e.g. \"a" + SEP + "b\".");
        assertEquals(List.of("rein.plugins"), p.problems().stream().map(PluginProblem::source)
                .collect(Collectors.toList()));
    }

    @Test
    void severalEmptyElementsAreOneProblemThatNamesEachOfThem() {
        String value = SEP + "a" + SEP + " " + SEP;
        PluginsProperty p = PluginsProperty.parse(value);

        assertEquals(List.of(Path.of("a")), paths(p));
        assertOneProblem(p, "plugin-property-empty", "rein.plugins system property \"" + value + "\": elements 1, 3"
                + " and 4 are empty and name no folder, so they are ignored.", "e.g. \"a\".");
    }

    @Test
    void withNothingUsableTheExampleIsAGenericOne() {
        PluginsProperty p = PluginsProperty.parse(SEP);

        assertEquals(List.of(), p.folders());
        assertOneProblem(p, "plugin-property-empty", "elements 1 and 2 are empty",
                "e.g. \"plugins" + SEP + "more-plugins\".");
    }

    @Test
    void anElementThatIsNotAPathIsReportedWithItsControlCharactersShown() {
        String bad = "bad\u0000folder";
        String reason = assertThrows(InvalidPathException.class, () -> Path.of(bad)).getReason();
        String value = "good" + SEP + bad;
        PluginsProperty p = PluginsProperty.parse(value);

        assertEquals(List.of(Path.of("good")), paths(p));
        assertOneProblem(p, "plugin-property-invalid-path", "rein.plugins system property \"good" + SEP
                + "bad\\u0000folder\": element 2, \"bad\\u0000folder\", is not a path this system accepts ("
                + PluginsProperty.printable(reason) + "), so it is ignored.", "e.g. \"good\".");
    }

    @Test
    void emptyElementsAreReportedBeforeInvalidOnes() {
        String value = "x\u0000" + SEP + SEP + "y";
        PluginsProperty p = PluginsProperty.parse(value);

        assertEquals(List.of(Path.of("y")), paths(p));
        List<String> messages = messages(p);
        assertEquals(2, messages.size(), messages::toString);
        assertEquals(List.of("plugin-property-empty", "plugin-property-invalid-path"),
                p.problems().stream().map(PluginProblem::tag).collect(Collectors.toList()));
        assertTrue(messages.get(0).contains("\"x\\u0000" + SEP + SEP + "y\": element 2 is empty"), messages.get(0));
        assertTrue(messages.get(1).contains(": element 1, \"x\\u0000\", is not a path this system accepts ("),
                messages.get(1));
    }

    @Test
    void printableEscapesControlCharactersOnly() {
        assertEquals("a\\u0000b\\u0009c d\u00e9", PluginsProperty.printable("a\u0000b\tc d\u00e9"));
    }

    private static List<Path> paths(PluginsProperty p) {
        return p.folders().stream().map(PluginsProperty.Folder::path).collect(Collectors.toList());
    }

    /** {@code p} has one problem, tagged {@code tag}, whose message names each of {@code fragments}. */
    private static void assertOneProblem(PluginsProperty p, String tag, String... fragments) {
        assertEquals(List.of(tag), p.problems().stream().map(PluginProblem::tag).collect(Collectors.toList()),
                () -> messages(p).toString());
        String message = p.problems().get(0).message();
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "'" + fragment + "' not in " + message);
        }
    }

    private static List<String> messages(PluginsProperty p) {
        return p.problems().stream().map(PluginProblem::message).collect(Collectors.toList());
    }
}
