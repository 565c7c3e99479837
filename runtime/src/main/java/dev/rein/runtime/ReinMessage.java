package dev.rein.runtime;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message Rein shows a person, with the short stable tag that names its kind. Written out, the tag comes first in
 * square brackets, so that a user can search for it and a program can read it:
 *
 * <pre>{@code
 * ReinMessage m = ReinMessage.of("plan-proximal-needs-sgd", "Penalty 'l1' asks for mode=proximal with Adam(...),"
 *         + " but AdaGrad gives every weight its own step size ...");
 * m.toString();   // "[plan-proximal-needs-sgd] Penalty 'l1' asks for mode=proximal with Adam(...), but ..."
 *
 * try {
 *     trainer.train(data);
 * } catch (IllegalArgumentException e) {
 *     ReinMessage.tagOf(e);   // Optional[plan-proximal-needs-sgd]
 * }
 * }</pre>
 *
 * <p>A tag is lower-case words joined by {@code -}, the first word the area it belongs to ({@code spec},
 * {@code plan}, {@code plugin}, {@code tribuo}, {@code trainer}, {@code check}); {@code docs/messages.md} lists
 * every tag with its meaning. Tags are stable: a message's wording may improve, its tag stays, so tests and programs
 * compare tags and people search for them. Every exception the runtime throws on purpose and every problem it
 * reports carries one;
 * {@code SpecException}, {@code TrainingDivergedException}, {@code RegularizationRefusedException} and
 * {@code PluginProblem} also have a {@code tag()} accessor.
 *
 * <p>Immutable; two messages are equal when their tags and texts are.
 */
public final class ReinMessage {
    /** What a tag looks like: {@code spec-unknown-regularizer}. */
    public static final Pattern TAG = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)+");
    private static final Pattern TAGGED = Pattern.compile("^\\[(" + TAG.pattern() + ")] ", Pattern.DOTALL);

    private final String tag;
    private final String text;

    private ReinMessage(String tag, String text) {
        this.tag = tag;
        this.text = text;
    }

    /**
     * A message of kind {@code tag} saying {@code text}.
     *
     * @throws IllegalArgumentException if {@code tag} is not lower-case words joined by {@code -} (at least two)
     */
    public static ReinMessage of(String tag, String text) {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(text, "text");
        if (!TAG.matcher(tag).matches()) {
            throw new IllegalArgumentException("'" + tag + "' is not a message tag: write lower-case words joined"
                    + " by '-', the first one the area, e.g. 'spec-unknown-regularizer'");
        }
        return new ReinMessage(tag, text);
    }

    /**
     * Reads a message written as {@code "[tag] text"} (as {@link #toString()} writes it).
     *
     * @return empty when {@code message} is null or does not start with a tag
     */
    public static Optional<ReinMessage> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = TAGGED.matcher(message);
        return m.find() ? Optional.of(new ReinMessage(m.group(1), message.substring(m.end()))) : Optional.empty();
    }

    /**
     * The tag of a message Rein threw: read from the start of {@code thrown.getMessage()}.
     *
     * <pre>{@code
     * ReinMessage.tagOf(new IllegalArgumentException("[trainer-epochs] Trainer: epochs is 0; ..."));
     * // Optional[trainer-epochs]
     * ReinMessage.tagOf(new IllegalStateException("boom"));   // Optional.empty: not one of Rein's messages
     * }</pre>
     */
    public static Optional<String> tagOf(Throwable thrown) {
        return thrown == null ? Optional.empty() : parse(thrown.getMessage()).map(ReinMessage::tag);
    }

    /** The tag, e.g. {@code "spec-unknown-regularizer"}. */
    public String tag() {
        return tag;
    }

    /** The text without the tag: what is wrong, where, and what would be valid. */
    public String text() {
        return text;
    }

    /**
     * The same kind of message with {@code context} in front of the text, for a caller that adds where it happened:
     * {@code [trainer-epochs] epochs is 0 ...} becomes {@code [trainer-epochs] LinearTrainer: epochs is 0 ...}.
     */
    public ReinMessage in(String context) {
        return new ReinMessage(tag, context + ": " + text);
    }

    /** {@code "[tag] text"}: what Rein prints and puts into an exception's message. */
    @Override
    public String toString() {
        return "[" + tag + "] " + text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReinMessage && ((ReinMessage) o).tag.equals(tag) && ((ReinMessage) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tag, text);
    }
}
