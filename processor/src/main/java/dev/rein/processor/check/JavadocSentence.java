package dev.rein.processor.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first sentence of a javadoc comment as plain text, which becomes a regularizer's description when its
 * {@code @Regularizer} leaves {@code description} empty.
 *
 * <pre>{@code
 * JavadocSentence.first(" L2, also called ridge: {@code (λ/2)·w²}. More here.\n @since 1");
 * // "L2, also called ridge: (λ/2)·w²."
 * }</pre>
 *
 * <p>As javadoc's own summary: the text up to the first period followed by white space (or the end), before any
 * block tag; inline tags give their text ({@code {@link Foo bar}} gives {@code bar}), HTML tags are dropped and
 * white space is collapsed.
 */
public final class JavadocSentence {
    private static final Pattern INLINE_TAG = Pattern.compile("\\{@\\w+\\s*([^}]*)}");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][^>]*>");
    private static final Pattern BLOCK_TAG = Pattern.compile("(?m)^\\s*@\\w+");

    private JavadocSentence() {
    }

    /** The first sentence of {@code comment}, or {@code ""} for none. */
    public static String first(String comment) {
        if (comment == null) {
            return "";
        }
        Matcher block = BLOCK_TAG.matcher(comment);
        String text = block.find() ? comment.substring(0, block.start()) : comment;
        Matcher inline = INLINE_TAG.matcher(text);
        StringBuilder plain = new StringBuilder();
        while (inline.find()) {
            String content = inline.group(1).strip();
            boolean link = inline.group().startsWith("{@link");
            int space = content.indexOf(' ');
            String shown = link && space > 0 ? content.substring(space + 1).strip()
                    : link ? content.replace('#', '.') : content;
            inline.appendReplacement(plain, Matcher.quoteReplacement(shown));
        }
        inline.appendTail(plain);
        String flat = HTML_TAG.matcher(plain).replaceAll(" ").replaceAll("\\s+", " ").strip();
        Matcher end = Pattern.compile("\\.(\\s|$)").matcher(flat);
        return end.find() ? flat.substring(0, end.start() + 1) : flat;
    }
}
