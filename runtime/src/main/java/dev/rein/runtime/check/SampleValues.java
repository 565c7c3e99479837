package dev.rein.runtime.check;

import dev.rein.api.spi.ParamDescriptor;

/**
 * A valid value for a parameter that has no default, so that the checker can build the regularizer: inside the
 * bounds, away from them where it can be ({@code (0, ∞)} gives {@code 1}, {@code [0, 1)} gives {@code 0.5}).
 *
 * <pre>{@code
 * SampleValues.sample(ParamDescriptor.builder("c", ParamType.DOUBLE).min(0, true).build());   // "1.0"
 * }</pre>
 */
final class SampleValues {
    private SampleValues() {
    }

    /** The sample as spec text; it always passes {@code param.parse}. */
    static String sample(ParamDescriptor param) {
        switch (param.type()) {
            case BOOLEAN:
                return "true";
            case STRING:
                return "sample";
            case ENUM:
                return param.enumConstants().get(0);
            case DOUBLE:
                return Double.toString(sampleDouble(param.min(), param.max()));
            default:
                return Long.toString(sampleWhole(param));
        }
    }

    private static double sampleDouble(double min, double max) {
        boolean hasMin = min != Double.NEGATIVE_INFINITY;
        boolean hasMax = max != Double.POSITIVE_INFINITY;
        if (hasMin && hasMax) {
            return min + (max - min) / 2;
        }
        return hasMin ? min + 1 : hasMax ? max - 1 : 1;
    }

    private static long sampleWhole(ParamDescriptor param) {
        long lowest = param.min() == Double.NEGATIVE_INFINITY ? Long.MIN_VALUE
                : (long) (param.exclusiveMin() ? Math.floor(param.min()) + 1 : Math.ceil(param.min()));
        long highest = param.max() == Double.POSITIVE_INFINITY ? Long.MAX_VALUE
                : (long) (param.exclusiveMax() ? Math.ceil(param.max()) - 1 : Math.floor(param.max()));
        long candidate;
        if (lowest != Long.MIN_VALUE && highest != Long.MAX_VALUE) {
            candidate = lowest + (highest - lowest) / 2;
        } else if (lowest != Long.MIN_VALUE) {
            candidate = (long) Math.floor(param.min()) + 1;
        } else if (highest != Long.MAX_VALUE) {
            candidate = (long) Math.ceil(param.max()) - 1;
        } else {
            candidate = 1;
        }
        return Math.max(lowest, Math.min(highest, candidate));
    }
}
