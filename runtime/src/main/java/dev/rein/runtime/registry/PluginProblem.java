package dev.rein.runtime.registry;

import dev.rein.runtime.ReinMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Objects;
import java.util.Optional;

/**
 * Something wrong with one plugin that made the registry skip it: a jar that cannot be read, a provider that
 * throws, an incompatible API version, a name already taken. The registry keeps loading the others and collects
 * these, so a command line can print them all at once:
 *
 * <pre>{@code
 * for (PluginProblem p : registry.problems()) {
 *     System.err.println(p.describe(verbose));
 * }
 * // [plugin-jar-unreadable] plugins/broken.jar is not a readable jar (zip END header not found). Replace it ...
 *
 * registry.problems().stream().anyMatch(p -> p.tag().equals("plugin-duplicate-name"));   // for a program
 * }</pre>
 *
 * <p>The {@link #message()} is one paragraph for a person that starts with its {@link #tag()} and already names the
 * {@link #source()}; {@code docs/messages.md} lists the tags, which all start with {@code plugin-}. The
 * {@link #cause()}, when there is one, is kept for a {@code --verbose} stack trace. Immutable; two problems are
 * equal when their source and message are.
 */
public final class PluginProblem {
    private final String source;
    private final String tag;
    private final String message;
    private final Throwable cause;

    private PluginProblem(String source, ReinMessage message, Throwable cause) {
        this.source = Objects.requireNonNull(source, "source");
        this.tag = message.tag();
        this.message = message.toString();
        this.cause = cause;
    }

    /** A problem with no underlying exception. */
    public static PluginProblem of(String source, ReinMessage message) {
        return new PluginProblem(source, Objects.requireNonNull(message, "message"), null);
    }

    /** A problem caused by {@code cause}, kept for {@link #describe(boolean) verbose} output. */
    public static PluginProblem of(String source, ReinMessage message, Throwable cause) {
        return new PluginProblem(source, Objects.requireNonNull(message, "message"),
                Objects.requireNonNull(cause, "cause"));
    }

    /**
     * Where the problem is: a plugin jar's or folder's path, {@code "class path"}, a class-path entry as
     * {@link PluginSource#describe()} writes it, or {@code "rein.plugins"} for an element of that system property
     * that names no folder.
     */
    public String source() {
        return source;
    }

    /** What kind of problem it is, e.g. {@code "plugin-jar-unreadable"}: the tag its message starts with. */
    public String tag() {
        return tag;
    }

    /**
     * What is wrong and what to do about it, in one paragraph that starts with the tag and then starts with or
     * names the source: {@code "[plugin-folder-not-a-folder] plugins is not a folder. Give the folder ..."}.
     */
    public String message() {
        return message;
    }

    /** The exception behind the problem, if there was one. */
    public Optional<Throwable> cause() {
        return Optional.ofNullable(cause);
    }

    /** The message, followed by the cause's stack trace when {@code verbose} and there is a cause. */
    public String describe(boolean verbose) {
        if (!verbose || cause == null) {
            return message;
        }
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        return message + System.lineSeparator() + trace;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginProblem && ((PluginProblem) o).source.equals(source)
                && ((PluginProblem) o).message.equals(message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, message);
    }

    @Override
    public String toString() {
        return message;
    }
}
