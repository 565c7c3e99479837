package dev.rein.runtime.registry;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@value PluginRegistry#PLUGINS_PROPERTY} system property, read into plugin folders without ever throwing: an
 * element that names no usable path becomes a {@link PluginProblem} that quotes the whole value, says which
 * element is wrong and what to write instead, and the other elements still count.
 *
 * <pre>{@code
 * // On Linux, where the separator is ':'
 * PluginsProperty p = PluginsProperty.parse("/opt/a::/opt/b");
 * p.folders();    // [/opt/a, /opt/b], each with its origin "element 1 of the rein.plugins system property ..."
 * p.problems();   // [plugin-property-empty] rein.plugins system property "/opt/a::/opt/b": element 2 is empty ...
 * PluginsProperty.parse(null).folders();   // []: the property is not set
 * PluginsProperty.parse("  ").problems();  // []: set to nothing is the same as not set
 * }</pre>
 *
 * <p>Elements are separated by {@link File#pathSeparator} and stripped of white space (not of other control
 * characters, which make a path invalid). Whether a folder exists, and is a folder, is
 * for {@link PluginFolderScanner} to find out; it names the element's {@link Folder#origin() origin} when it
 * reports. Immutable.
 */
final class PluginsProperty {
    /** A folder the property names, and where in the property it was written, for messages. */
    record Folder(Path path, String origin) {
    }

    /** An element that is not a path, printable, and why. */
    private record Invalid(int position, String element, String why) {
    }

    private final List<Folder> folders;
    private final List<PluginProblem> problems;

    private PluginsProperty(List<Folder> folders, List<PluginProblem> problems) {
        this.folders = List.copyOf(folders);
        this.problems = List.copyOf(problems);
    }

    /** The property as it is now in this JVM. */
    static PluginsProperty read() {
        return parse(System.getProperty(PluginRegistry.PLUGINS_PROPERTY));
    }

    /** Reads {@code value}; {@code null}, empty or blank mean no folders and no problems. */
    static PluginsProperty parse(String value) {
        if (value == null || value.isBlank()) {
            return new PluginsProperty(List.of(), List.of());
        }
        String[] elements = value.split(Pattern.quote(File.pathSeparator), -1);
        String quoted = "\"" + printable(value) + "\"";
        List<Folder> folders = new ArrayList<>();
        List<Integer> empty = new ArrayList<>();
        List<String> usable = new ArrayList<>();
        List<Invalid> invalid = new ArrayList<>();
        for (int i = 0; i < elements.length; i++) {
            String element = elements[i].strip();
            int position = i + 1;
            if (element.isEmpty()) {
                empty.add(position);
                continue;
            }
            Optional<String> whyInvalid = whyInvalid(element);
            if (whyInvalid.isPresent()) {
                invalid.add(new Invalid(position, printable(element), printable(whyInvalid.get())));
                continue;
            }
            folders.add(new Folder(Path.of(element), RegistryMessages.propertyElement(position, quoted)));
            usable.add(element);
        }
        List<PluginProblem> problems = new ArrayList<>();
        String example = "e.g. \"" + printable(String.join(File.pathSeparator,
                usable.isEmpty() ? List.of("plugins", "more-plugins") : usable)) + "\"";
        if (!empty.isEmpty()) {
            problems.add(PluginProblem.of(PluginRegistry.PLUGINS_PROPERTY,
                    RegistryMessages.propertyEmptyElements(quoted, elementsInWords(empty), empty.size(), example)));
        }
        for (Invalid bad : invalid) {
            problems.add(PluginProblem.of(PluginRegistry.PLUGINS_PROPERTY, RegistryMessages.propertyInvalidPath(
                    quoted, bad.position(), bad.element(), bad.why(), example)));
        }
        return new PluginsProperty(folders, problems);
    }

    /** The folders, in the order written, each with its origin. */
    List<Folder> folders() {
        return folders;
    }

    /** One problem for the empty elements, if any, then one for each element that is not a path. */
    List<PluginProblem> problems() {
        return problems;
    }

    private static Optional<String> whyInvalid(String element) {
        try {
            Path.of(element);
            return Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.of(e.getReason());
        }
    }

    /** "element 2 is", "elements 2 and 4 are", "elements 1, 2 and 5 are". */
    private static String elementsInWords(List<Integer> positions) {
        if (positions.size() == 1) {
            return "element " + positions.get(0) + " is";
        }
        StringBuilder out = new StringBuilder("elements ");
        for (int i = 0; i < positions.size(); i++) {
            if (i > 0) {
                out.append(i == positions.size() - 1 ? " and " : ", ");
            }
            out.append(positions.get(i));
        }
        return out.append(" are").toString();
    }

    /**
     * {@code text} with each control character written as a Java escape (a backslash, {@code u} and four hex
     * digits), so that a message shows a NUL or a tab instead of hiding it.
     */
    static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
