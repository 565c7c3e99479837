package dev.rein.runtime.spec;

import dev.rein.api.spi.SpecNames;
import dev.rein.runtime.ReinMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads spec text into a {@link Spec}. The grammar, with whitespace allowed between any two tokens:
 *
 * <pre>
 * spec  := term ('+' term)*            (empty, blank or "none": no terms)
 * term  := name [ '(' [arg (',' arg)*] ')' ]
 * arg   := key '=' value
 * value := number | word | 'quoted' | "quoted"     (backslash escapes \\ \' \" \n \r \t inside quotes)
 * </pre>
 *
 * <p>Names and keys are lower_snake_case ({@link SpecNames#isValidName}). A word is a run of letters, digits, {@code _ . -}; anything else
 * (spaces, commas, parentheses, an empty value) goes in quotes.
 *
 * <pre>{@code
 * Spec s = SpecParser.parse("l1(lambda=1e-5) + max_norm(c=3) + dropout(p=0.2, after='dense 1')");
 * SpecParser.parse("l1(lambda)");   // SpecException [spec-expected-equals] at column 10: expected '=' after ...
 * }</pre>
 *
 * <p>Parsing only checks the shape of the text; whether {@code l1} exists and takes {@code lambda} is
 * {@link SpecBinder}'s question.
 */
public final class SpecParser {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?");

    private final String text;
    private int pos;

    private SpecParser(String text) {
        this.text = text;
    }

    /**
     * Parses {@code text}; empty, blank or {@code none} give {@link Spec#empty()}.
     *
     * @throws SpecException at the first problem, with its column and what was expected there
     */
    public static Spec parse(String text) {
        if (text == null || text.isBlank() || text.strip().equals("none")) {
            return text == null || text.isBlank() ? Spec.empty() : new Spec(text, List.of());
        }
        return new SpecParser(text).spec();
    }

    private Spec spec() {
        List<SpecTerm> terms = new ArrayList<>();
        boolean afterPlus = false;
        while (true) {
            SpecTerm term = term(afterPlus);
            terms.add(term);
            skipWhitespace();
            if (atEnd()) {
                return new Spec(text, terms);
            }
            if (peek() != '+') {
                throw error(SpecMessages.expectedPlus(term.name() + termSuffix(term), found()));
            }
            pos++;
            afterPlus = true;
        }
    }

    private static String termSuffix(SpecTerm term) {
        return term.arguments().isEmpty() ? "" : "(...)";
    }

    private SpecTerm term(boolean afterPlus) {
        skipWhitespace();
        if (atEnd() || !isNameStart(peek())) {
            throw error(SpecMessages.expectedName(afterPlus, found()));
        }
        int column = pos + 1;
        String name = identifier("regularizer name");
        if (name.equals("none")) {
            throw new SpecException(text, column, SpecMessages.noneInSpec());
        }
        skipWhitespace();
        List<SpecArgument> arguments = new ArrayList<>();
        if (!atEnd() && peek() == '(') {
            int open = pos + 1;
            pos++;
            skipWhitespace();
            if (!atEnd() && peek() == ')') {
                pos++;
                return new SpecTerm(name, arguments, column);
            }
            while (true) {
                arguments.add(argument(name, arguments, open));
                skipWhitespace();
                if (!atEnd() && peek() == ',') {
                    pos++;
                    continue;
                }
                if (!atEnd() && peek() == ')') {
                    pos++;
                    break;
                }
                String last = arguments.get(arguments.size() - 1).key();
                throw error(SpecMessages.expectedCommaOrClose(last, found(), atEnd() ? open : 0));
            }
        }
        return new SpecTerm(name, arguments, column);
    }

    private SpecArgument argument(String termName, List<SpecArgument> earlier, int open) {
        skipWhitespace();
        if (atEnd() || !isNameStart(peek())) {
            String after = earlier.isEmpty() ? "after '('" : "after ','";
            throw error(SpecMessages.expectedParameter(after, found(), atEnd() ? open : 0));
        }
        int keyColumn = pos + 1;
        String key = identifier("parameter name");
        for (SpecArgument a : earlier) {
            if (a.key().equals(key)) {
                throw new SpecException(text, keyColumn, SpecMessages.duplicateParameter(key, termName,
                        a.keyColumn()));
            }
        }
        skipWhitespace();
        if (atEnd() || peek() != '=') {
            throw error(SpecMessages.expectedEquals(key, found()));
        }
        pos++;
        skipWhitespace();
        int valueColumn = pos + 1;
        String value = value(key);
        return new SpecArgument(key, value, keyColumn, valueColumn);
    }

    private String value(String key) {
        if (atEnd()) {
            throw missingValue(key);
        }
        char c = peek();
        if (c == '\'' || c == '"') {
            return quoted(key, c);
        }
        int start = pos;
        if (c == '+' || c == '-') {
            pos++;
        }
        while (!atEnd() && (isBareChar(peek()) || isExponentSign(pos))) {
            pos++;
        }
        if (pos == start || (pos == start + 1 && !isBareChar(text.charAt(start)))) {
            pos = start;
            throw missingValue(key);
        }
        return text.substring(start, pos);
    }

    private SpecException missingValue(String key) {
        return error(SpecMessages.expectedValue(key, found()));
    }

    /** A '+' inside a bare value only as an exponent's sign, as in {@code 1e+5}. */
    private boolean isExponentSign(int at) {
        return text.charAt(at) == '+' && at >= 2 && at + 1 < text.length()
                && (text.charAt(at - 1) == 'e' || text.charAt(at - 1) == 'E')
                && (Character.isDigit(text.charAt(at - 2)) || text.charAt(at - 2) == '.')
                && Character.isDigit(text.charAt(at + 1));
    }

    private String quoted(String key, char quote) {
        int openColumn = pos + 1;
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (atEnd()) {
                throw new SpecException(text, openColumn, SpecMessages.unclosedQuote(quote, key));
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (atEnd()) {
                throw error(SpecMessages.danglingEscape());
            }
            char e = text.charAt(pos);
            switch (e) {
                case '\\', '\'', '"' -> out.append(e);
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                default -> throw error(SpecMessages.unknownEscape(e));
            }
            pos++;
        }
    }

    private String identifier(String what) {
        int start = pos;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
            pos++;
        }
        String id = text.substring(start, pos);
        if (!SpecNames.isValidName(id)) {
            String suggestion = toLowerSnake(id);
            throw new SpecException(text, start + 1, SpecMessages.notSnakeCase(what, id,
                    SpecNames.isValidName(suggestion) ? suggestion : null));
        }
        return id;
    }

    /** {@code maxNorm}, {@code Max-Norm} and {@code MAX_NORM} all become {@code max_norm}. */
    static String toLowerSnake(String id) {
        String snake = id.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toLowerCase(Locale.ROOT);
        return snake.replaceAll("^_+", "").replaceAll("__+", "_");
    }

    static boolean isNumber(String s) {
        return NUMBER.matcher(s).matches();
    }

    /** Characters a value may contain without quotes. */
    static boolean isBareChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private void skipWhitespace() {
        while (!atEnd() && Character.isWhitespace(peek())) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private String found() {
        return atEnd() ? "the end of the spec" : "'" + peek() + "'";
    }

    private SpecException error(ReinMessage problem) {
        return new SpecException(text, pos + 1, problem);
    }
}
