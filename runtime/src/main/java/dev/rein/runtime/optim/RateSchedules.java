package dev.rein.runtime.optim;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link RateSchedule} from text, as {@code rein train --lr-schedule} takes it: a name with optional
 * {@code key=value} arguments, each defaulted when left out.
 *
 * <pre>{@code
 * RateSchedules.parse("none");                         // empty: the constant rate
 * RateSchedules.parse("cosine");                       // CosineRate(min=0.0)
 * RateSchedules.parse("cosine(min=0.01)");
 * RateSchedules.parse("step(every=10, gamma=0.5)");    // StepDecayRate
 * RateSchedules.parse("exponential(gamma=0.95)");      // ExponentialRate
 * }</pre>
 */
public final class RateSchedules {
    /** The forms {@link #parse} accepts, with their defaults, for messages and help texts. */
    public static final String FORMS = "none, cosine(min=0.0), step(every=10,gamma=0.5), exponential(gamma=0.95)";

    private static final Pattern FORM = Pattern.compile("\\s*([A-Za-z_]+)\\s*(?:\\((.*)\\))?\\s*", Pattern.DOTALL);

    private RateSchedules() {
    }

    /**
     * The schedule {@code text} names; empty for {@code none} (a constant rate).
     *
     * @throws IllegalArgumentException (tagged {@code optim-rate-schedule}) if the text is not one of {@link #FORMS},
     *                                  an argument is unknown, repeated or not a number, or a value is out of range
     */
    public static Optional<RateSchedule> parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw refused(text, "write a name with optional arguments, one of: " + FORMS);
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        Map<String, String> args = arguments(text, m.group(2));
        switch (name) {
            case "none":
            case "constant":
                allow(text, name, args);
                return Optional.empty();
            case "cosine":
                allow(text, name, args, "min");
                double min = number(text, args, "min", 0.0);
                if (!(min >= 0 && min < 1)) {
                    throw refused(text, "min is " + args.get("min") + "; it must be at least 0 and below 1 (a share of"
                            + " the rate, e.g. 0.01)");
                }
                return Optional.of(new CosineRate(min));
            case "step":
                allow(text, name, args, "every", "gamma");
                double every = number(text, args, "every", 10);
                if (every != Math.rint(every) || every < 1 || every > Integer.MAX_VALUE) {
                    throw refused(text, "every is " + args.get("every") + "; it must be a whole number of epochs of at"
                            + " least 1");
                }
                return Optional.of(new StepDecayRate((int) every, gamma(text, args, 0.5)));
            case "exponential":
                allow(text, name, args, "gamma");
                return Optional.of(new ExponentialRate(gamma(text, args, 0.95)));
            default:
                throw refused(text, "unknown schedule '" + m.group(1) + "'; use one of: " + FORMS);
        }
    }

    /** The text of {@code schedule} that {@link #parse} reads back, {@code none} for none. */
    public static String describe(Optional<RateSchedule> schedule) {
        return schedule.map(RateSchedule::describe).orElse("none");
    }

    private static Map<String, String> arguments(String text, String inside) {
        Map<String, String> out = new LinkedHashMap<>();
        if (inside == null || inside.isBlank()) {
            return out;
        }
        for (String part : inside.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw refused(text, "'" + part.trim() + "' is not key=value");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            if (out.put(key, part.substring(eq + 1).trim()) != null) {
                throw refused(text, key + " is given twice");
            }
        }
        return out;
    }

    private static void allow(String text, String name, Map<String, String> args, String... keys) {
        for (String key : args.keySet()) {
            if (!java.util.List.of(keys).contains(key)) {
                throw refused(text, name + (keys.length == 0 ? " takes no arguments"
                        : " takes " + String.join(", ", keys)) + ", not '" + key + "'");
            }
        }
    }

    /** {@code gamma}, checked in the text's own words: above 0 and at most 1. */
    private static double gamma(String text, Map<String, String> args, double otherwise) {
        double gamma = number(text, args, "gamma", otherwise);
        if (!(gamma > 0 && gamma <= 1)) {
            throw refused(text, "gamma is " + args.get("gamma") + "; it must be above 0 and at most 1 (the factor the"
                    + " rate is multiplied by, e.g. 0.5)");
        }
        return gamma;
    }

    private static double number(String text, Map<String, String> args, String key, double otherwise) {
        String value = args.get(key);
        if (value == null) {
            return otherwise;
        }
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refused(text, key + " is '" + value + "', not a finite number");
    }

    private static IllegalArgumentException refused(String text, String why) {
        return new IllegalArgumentException(OptimMessages.rateSchedule(text, why).toString());
    }
}
