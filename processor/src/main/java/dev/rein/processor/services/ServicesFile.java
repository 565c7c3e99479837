package dev.rein.processor.services;

import dev.rein.api.spi.RegularizerProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The merged content of the provider services file. Immutable.
 *
 * <p>The file lists every provider generated in this compilation, plus the entries a project wrote by hand (Maven
 * copies {@code src/main/resources} to the class output before compiling) that still name an existing class.
 * An entry ending in {@code _ReinProvider} that this compilation did not generate is stale (its regularizer was
 * renamed or deleted) and is dropped silently; a hand-written entry whose class does not exist is dropped and
 * reported.
 *
 * <pre>{@code
 * ServicesFile f = ServicesFile.merge(
 *         List.of("com.example.Cauchy_ReinProvider"),
 *         ServicesFile.parse("com.example.Old_ReinProvider\ncom.example.HandWritten\ncom.example.Gone\n"),
 *         name -> !name.equals("com.example.Gone"));
 * f.entries();   // [com.example.Cauchy_ReinProvider, com.example.HandWritten]
 * f.missing();   // [com.example.Gone]
 * f.content();   // "com.example.Cauchy_ReinProvider\ncom.example.HandWritten\n"
 * }</pre>
 */
public final class ServicesFile {
    /** Where the file lives, relative to the class output. */
    public static final String PATH = "META-INF/services/" + RegularizerProvider.class.getName();

    /** What every generated provider's name ends with. */
    static final String GENERATED_SUFFIX = "_ReinProvider";

    private final List<String> entries;
    private final List<String> missing;

    private ServicesFile(Collection<String> entries, Collection<String> missing) {
        this.entries = List.copyOf(entries);
        this.missing = List.copyOf(missing);
    }

    /** The class names in a services file: one per line, {@code #} starts a comment, blanks are ignored. */
    public static List<String> parse(String content) {
        List<String> names = new ArrayList<>();
        for (String line : content.split("\\R")) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Merges {@code generated} with the {@code existing} entries of the file.
     *
     * @param classExists whether a hand-written entry names a class that can be found
     */
    public static ServicesFile merge(Collection<String> generated, Collection<String> existing,
            Predicate<String> classExists) {
        TreeSet<String> entries = new TreeSet<>(generated);
        TreeSet<String> missing = new TreeSet<>();
        for (String name : existing) {
            if (entries.contains(name) || name.endsWith(GENERATED_SUFFIX)) {
                continue;
            }
            if (classExists.test(name)) {
                entries.add(name);
            } else {
                missing.add(name);
            }
        }
        return new ServicesFile(entries, missing);
    }

    /** The entries to write, sorted. */
    public List<String> entries() {
        return entries;
    }

    /** Hand-written entries left out because their class does not exist, sorted. */
    public List<String> missing() {
        return missing;
    }

    /** The file's text: one entry per line. */
    public String content() {
        StringBuilder s = new StringBuilder();
        entries.forEach(e -> s.append(e).append('\n'));
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServicesFile && ((ServicesFile) o).entries.equals(entries)
                && ((ServicesFile) o).missing.equals(missing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries, missing);
    }

    @Override
    public String toString() {
        return "ServicesFile" + entries + (missing.isEmpty() ? "" : ", missing " + missing);
    }
}
