package dev.rein.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The tags in the runtime's sources and in {@code docs/messages.md} are the same set; each names one message, in
 * the package its area says; and no exception is thrown with a message written outside a {@code *Messages} class.
 */
class MessageTagsTest {
    private static final Path SOURCES = Path.of("src", "main", "java", "dev", "rein", "runtime");
    private static final Path DOCS = Path.of("..", "docs", "messages.md");
    private static final Pattern TAG_LITERAL = Pattern.compile("ReinMessage\\.of\\(\\s*\"([^\"]*)\"");
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|(?m)^\\s*//[^\n]*", Pattern.DOTALL);
    private static final Pattern LITERAL_THROW = Pattern.compile(
            "throw new \\w+(Exception|Error)\\(\\s*\"");
    /** The area of each package's tags: its last name, but plugins for the registry. */
    private static final Map<String, String> AREAS = Map.of("spec", "spec", "plan", "plan", "registry", "plugin",
            "tribuo", "tribuo", "trainer", "trainer", "check", "check", "optim", "optim", "network", "network");

    @Test
    void everyTagIsWellFormedUniqueAndInItsPackagesArea() {
        Map<String, List<String>> files = tagsByFile();
        List<String> all = files.values().stream().flatMap(List::stream).collect(Collectors.toList());
        assertTrue(all.size() > 50, "found the tags: " + all.size());
        assertEquals(new TreeSet<>(all).size(), all.size(), "a tag names one message: " + duplicates(all));
        files.forEach((file, tags) -> {
            String area = AREAS.get(Path.of(file).getParent().getFileName().toString());
            for (String tag : tags) {
                assertTrue(ReinMessage.TAG.matcher(tag).matches(), tag);
                assertTrue(tag.startsWith(area + "-"), tag + " in " + file + " should start with " + area + "-");
            }
        });
    }

    @Test
    void docsMessagesListsExactlyTheTagsInTheCode() throws IOException {
        List<String> documented = new ArrayList<>();
        Matcher m = DOC_ROW.matcher(Files.readString(DOCS));
        while (m.find()) {
            if (!m.group(1).equals("tag")) {
                documented.add(m.group(1));
            }
        }
        assertEquals(new TreeSet<>(documented).size(), documented.size(), "listed twice: " + duplicates(documented));
        TreeSet<String> inCode = tagsByFile().values().stream().flatMap(List::stream)
                .collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> missing = new TreeSet<>(inCode);
        missing.removeAll(documented);
        TreeSet<String> stale = new TreeSet<>(documented);
        stale.removeAll(inCode);
        assertEquals(List.of(), List.copyOf(missing), "tags in the code that docs/messages.md does not list");
        assertEquals(List.of(), List.copyOf(stale), "tags docs/messages.md lists that the code no longer has");
    }

    @Test
    void onlyMessagesClassesWordWhatIsThrown() {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            if (file.getFileName().toString().endsWith("Messages.java") || file.endsWith("ReinMessage.java")) {
                continue;
            }
            Matcher m = LITERAL_THROW.matcher(withoutComments(file));
            while (m.find()) {
                offenders.add(SOURCES.relativize(file) + ": " + m.group());
            }
        }
        assertEquals(List.of(), offenders, "word these messages in the package's *Messages class, with a tag");
    }

    /** The tag literals of each source file that has any, comments left out. */
    private static Map<String, List<String>> tagsByFile() {
        Map<String, List<String>> out = new TreeMap<>();
        for (Path file : sources()) {
            Matcher m = TAG_LITERAL.matcher(withoutComments(file));
            while (m.find()) {
                out.computeIfAbsent(file.toString(), f -> new ArrayList<>()).add(m.group(1));
            }
        }
        return out;
    }

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String withoutComments(Path file) {
        try {
            return COMMENT.matcher(Files.readString(file)).replaceAll("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> duplicates(List<String> tags) {
        return tags.stream().filter(t -> tags.indexOf(t) != tags.lastIndexOf(t)).distinct().toList();
    }
}
