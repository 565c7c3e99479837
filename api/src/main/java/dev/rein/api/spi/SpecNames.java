package dev.rein.api.spi;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one definition of what a name in a spec may look like, and of the spec keys Rein keeps for itself. The
 * annotation processor (checking {@code @Regularizer} and {@code @Param} at compile time), the spec parser and the
 * plugin registry (checking names at run time) all ask this class, so they can never disagree.
 *
 * <p><b>Names.</b> A regularizer's name, each of its aliases and each parameter name is lower_snake_case: a
 * lower-case ASCII letter, then lower-case ASCII letters, digits or {@code _} ({@value #NAME_REGEX}):
 *
 * <pre>{@code
 * SpecNames.isValidName("max_norm");     // true
 * SpecNames.isValidName("l1");           // true: digits after the first letter are fine
 * SpecNames.isValidName("group_lasso_"); // true: so is a trailing '_'
 * SpecNames.isValidName("MaxNorm");      // false: upper case; write "max_norm"
 * SpecNames.isValidName("max-norm");     // false: '-' is not allowed; write "max_norm"
 * SpecNames.isValidName("_lambda");      // false: must start with a letter
 * SpecNames.isValidName("2fast");        // false: must start with a letter
 * SpecNames.isValidName("");             // false
 * }</pre>
 *
 * <p><b>Reserved keys.</b> Inside a term's parentheses, a few keys are options that Rein reads itself rather than
 * parameters of the plugin, so no {@code @Param} may be called so:
 *
 * <pre>{@code
 * // "on" says which blocks a term applies to, "mode" how a penalty is applied, "after" where a layer sits:
 * //   l2(lambda=0.1, on=all) + l1(lambda=1e-5, mode=proximal) + dropout(p=0.2, after='dense 1')
 * SpecNames.isReservedKey("mode");       // true
 * SpecNames.isReservedKey("lambda");     // false
 * SpecNames.RESERVED_KEYS;               // [on, after, mode], in this order
 * }</pre>
 *
 * <p>A reserved key is itself a valid name; a parameter name must be valid <em>and</em> not reserved. Names are
 * compared exactly: {@code "Mode"} is not reserved, it is invalid.
 *
 * <p>Not instantiable; every member is a constant or a pure function, safe from any thread.
 */
public final class SpecNames {
    /**
     * The regular expression every name must match as a whole: {@value}. A compile-time constant, so that an
     * error message can quote it: {@code "is not lower_snake_case (" + SpecNames.NAME_REGEX + ")"}.
     */
    public static final String NAME_REGEX = "[a-z][a-z0-9_]*";

    /** The reserved key that chooses the parameter blocks a term applies to, as in {@code on=all}. */
    public static final String ON = "on";

    /** The reserved key that places a layer plugin in a network, as in {@code after='dense 1'}. */
    public static final String AFTER = "after";

    /** The reserved key that chooses how a penalty is applied, as in {@code mode=decoupled}. */
    public static final String MODE = "mode";

    /**
     * Every spec key Rein interprets itself: {@value #ON}, {@value #AFTER} and {@value #MODE}, iterated in that
     * order. Unmodifiable.
     */
    public static final Set<String> RESERVED_KEYS =
            Collections.unmodifiableSet(new LinkedHashSet<>(List.of(ON, AFTER, MODE)));

    private static final Pattern NAME = Pattern.compile(NAME_REGEX);

    private SpecNames() {
    }

    /**
     * Whether {@code name} may be a regularizer name, an alias or a parameter name: whether it matches
     * {@value #NAME_REGEX}. {@code null} is not a valid name.
     */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * Whether {@code key} is one of the {@link #RESERVED_KEYS} that Rein reads itself and no {@code @Param} may
     * use. {@code null} is not reserved.
     */
    public static boolean isReservedKey(String key) {
        return key != null && RESERVED_KEYS.contains(key);
    }
}
