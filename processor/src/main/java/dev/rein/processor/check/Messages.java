package dev.rein.processor.check;

import dev.rein.api.spi.SpecNames;
import java.util.List;

/**
 * Every diagnostic the processor reports, worded in one place: what is wrong, where, and in the same sentence
 * how to fix it. Tests assert these exact texts.
 *
 * <pre>{@code
 * Messages.invalidName("name", "MaxNorm", "max_norm");
 * // "Regularizer name 'MaxNorm' is not lower_snake_case ([a-z][a-z0-9_]*); write 'max_norm' instead"
 * }</pre>
 */
public final class Messages {
    private static final String HOOK_INTERFACES =
            "BlockPenalty, Constraint, ActivationRegularizer, Normalization or StoppingRule";

    private Messages() {
    }

    // --- names ---

    /** {@code what} is {@code "name"} or {@code "alias"}. */
    public static String invalidName(String what, String value, String suggestion) {
        return "Regularizer " + what + " '" + value + "' is not lower_snake_case (" + SpecNames.NAME_REGEX
                + "); write '" + suggestion + "' instead";
    }

    /** {@code what} is {@code "name"} or {@code "alias"}. */
    public static String duplicateName(String what, String value, String owner) {
        return "Regularizer " + what + " '" + value + "' is already used by " + owner + "; choose another " + what;
    }

    // --- the class ---

    public static String privateClass(String regularizer) {
        return "@Regularizer class " + regularizer + " is private; make it package-private or public so that the"
                + " generated provider can use it";
    }

    public static String insidePrivateClass(String regularizer, String privateClass) {
        return "@Regularizer class " + regularizer + " is inside the private class " + privateClass
                + "; make " + privateClass + " package-private or public so that the generated provider can use it";
    }

    public static String innerClass(String regularizer) {
        return "@Regularizer class " + regularizer + " is an inner class; declare it static so that the generated"
                + " provider can create it without an enclosing instance";
    }

    public static String bothShapes(String regularizer, String hookInterface) {
        return "@Regularizer class " + regularizer + " has a @Penalty method and also implements " + hookInterface
                + "; keep one of the two, since a regularizer is either an element-wise penalty or a hook class";
    }

    public static String neitherShape(String regularizer) {
        return "@Regularizer class " + regularizer + " has no @Penalty method and implements no hook interface;"
                + " add a `@Penalty static double penalty(double w, ...)` method or implement one of "
                + HOOK_INTERFACES;
    }

    public static String severalHooks(String regularizer, List<String> hookInterfaces) {
        return "@Regularizer class " + regularizer + " implements " + String.join(" and ", hookInterfaces)
                + "; implement exactly one hook interface and move the others into separate regularizers";
    }

    public static String duplicateMethod(String annotation, String method, String first) {
        return "@" + annotation + " method '" + method + "' is the second one in its class after '" + first
                + "'; keep exactly one @" + annotation + " method";
    }

    public static String orphanMethod(String annotation, String method) {
        return "@" + annotation + " method '" + method + "' has no @Penalty method in its class to belong to;"
                + " remove @" + annotation + " or add the @Penalty method";
    }

    // --- hook classes ---

    public static String hookNotPublic(String regularizer) {
        return "Hook class " + regularizer + " is not public; declare it public so that Rein can create it";
    }

    /** {@code what} says what it is instead: {@code "abstract"}, {@code "an interface"}, {@code "an enum"}. */
    public static String hookNotConcrete(String regularizer, String what) {
        return "Hook class " + regularizer + " is " + what
                + "; make it a concrete class, since the generated provider creates it with `new`";
    }

    public static String hookConstructors(String regularizer, int publicConstructors) {
        return "Hook class " + regularizer + " has " + publicConstructors + " public constructors; give it"
                + " exactly one, whose @Param parameters Rein fills from the spec";
    }

    public static String constructorParamWithoutParam(String param, String regularizer) {
        return "Constructor parameter '" + param + "' of " + regularizer + " has no @Param; annotate it with"
                + " @Param so that Rein can fill it from a spec";
    }

    // --- @Penalty, @Gradient, @Proximal methods (and @ClosedForm, which shares these) ---

    public static String methodNotStatic(String annotation, String method, String signature) {
        return "@" + annotation + " method '" + method + "' is not static; declare it `" + signature + "`";
    }

    public static String methodPrivate(String annotation, String method) {
        return "@" + annotation + " method '" + method + "' is private; make it package-private so that the"
                + " generated code can call it";
    }

    public static String methodReturnType(String annotation, String method, String returnType, String signature) {
        return "@" + annotation + " method '" + method + "' returns " + returnType + "; declare it `" + signature
                + "`";
    }

    public static String noWeight(String annotation, String method) {
        return "@" + annotation + " method '" + method + "' has no parameters; its first parameter must be the"
                + " weight, `double w`";
    }

    public static String weightNotDouble(String annotation, String method, String actual) {
        return "The first parameter of @" + annotation + " method '" + method + "' is `" + actual
                + "`; make it `double w`, the weight";
    }

    public static String stepNotDouble(String method, String actual) {
        return "The second parameter of @Proximal method '" + method + "' is `" + actual
                + "`; make it `double step`, the step size";
    }

    public static String penaltyParamWithoutParam(String param, String method) {
        return "Parameter '" + param + "' of @Penalty method '" + method + "' has no @Param; annotate it with"
                + " @Param so that Rein can fill it from a spec";
    }

    /** {@code what} names the unsupported construct: {@code "a loop"}, {@code "the call `helper(...)`"}. */
    public static String cannotDerive(String method, String what, String suggestion) {
        return "Cannot derive the gradient of @Penalty method '" + method + "': it uses " + what + ", which"
                + " derivation does not support; write the gradient yourself as `" + suggestion + "`";
    }

    public static String noSourceTrees(String method, String suggestion) {
        return "Cannot derive the gradient of @Penalty method '" + method + "': this compiler offers no source"
                + " trees (com.sun.source), which derivation reads; compile with javac (in Gradle, with the processor"
                + " on annotationProcessor and without incremental processing), or write the gradient yourself as `"
                + suggestion + "`";
    }

    /** {@code at} reads like {@code "w = 0, a = 0.7"}. */
    public static String derivedGradientNaN(String method, String at, String suggestion) {
        return "The gradient derived from @Penalty method '" + method + "' is NaN at " + at + " (where linear"
                + " models start every weight, parameters at their defaults): differentiated, its body divides 0 by 0"
                + " there, as `Math.sqrt(w * w)` does (its derivative is `2 * w / (2 * Math.sqrt(w * w))`); write"
                + " `Math.abs(w)` for `Math.sqrt(w * w)`, or write the gradient yourself as `" + suggestion + "`";
    }

    /** {@code at} reads like {@code "w = 0.271, lambda = 0.0001"}. */
    public static String gradientDisagrees(String gradient, String penalty, String at, String written,
            String derived) {
        return "@Gradient method '" + gradient + "' disagrees with the gradient derived from @Penalty method '"
                + penalty + "' at " + at + ": it returns " + written + " where the derivative of the penalty is "
                + derived + "; fix the @Gradient method, or delete it and let the processor derive it";
    }

    public static String parameterCount(String annotation, String method, int actual, String signature) {
        return "@" + annotation + " method '" + method + "' takes " + actual + " parameter" + (actual == 1 ? "" : "s")
                + "; declare it `" + signature + "` to match the @Penalty method";
    }

    public static String parameterMismatch(String annotation, String method, String actual, String expected) {
        return "Parameter `" + actual + "` of @" + annotation + " method '" + method + "' should be `" + expected
                + "` as in the @Penalty method; rename or retype it to match";
    }

    // --- @ClosedForm ---

    public static String closedFormTakesWeight(String method, String weight, String signature) {
        return "@ClosedForm method '" + method + "' takes the weight `" + weight + "`, but λ₁ and λ₂ may depend on"
                + " the parameters only; declare it `" + signature + "`";
    }

    // --- @Param ---

    public static String unsupportedParamType(String param, String type) {
        return "@Param '" + param + "' has type " + type + "; use double, int, long, boolean, String or an enum";
    }

    public static String invalidParamName(String name, String suggestion) {
        return "@Param name '" + name + "' is not lower_snake_case (" + SpecNames.NAME_REGEX + "); set name = \""
                + suggestion + "\"";
    }

    public static String reservedParamName(String name) {
        return "@Param name '" + name + "' is reserved because Rein reads the spec keys "
                + inWords(List.copyOf(SpecNames.RESERVED_KEYS)) + " itself; choose another with"
                + " @Param(name = \"...\")";
    }

    /** {@code [a]} as "a", {@code [a, b]} as "a and b", {@code [a, b, c]} as "a, b and c". */
    static String inWords(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    public static String duplicateParamName(String name, String other) {
        return "@Param name '" + name + "' is already used by parameter '" + other + "' of this regularizer;"
                + " give one of them another name with @Param(name = \"...\")";
    }

    /** {@code type} as people say it: {@code "a boolean"}, {@code "a String"}, {@code "an enum"}. */
    public static String boundsOnNonNumeric(String param, String type) {
        return "@Param '" + param + "' is " + type + ", which takes no bounds; remove min, max, exclusiveMin and"
                + " exclusiveMax";
    }

    public static String boundIsNaN(String param) {
        return "@Param '" + param + "' has a NaN bound; give a number, or leave the bound out";
    }

    public static String boundsCrossed(String param, String min, String max) {
        return "@Param '" + param + "' has min " + min + " above max " + max + "; swap them or correct one";
    }

    public static String enumWithoutConstants(String param, String enumType) {
        return "@Param '" + param + "' has type " + enumType + ", an enum without constants; add constants to it"
                + " or use another type";
    }

    /** {@code problem} is {@code ParamDescriptor}'s own message, e.g. "'-1' is out of range: lambda must be ...". */
    public static String invalidDefault(String param, String problem) {
        return "@Param '" + param + "' has an invalid defaultValue (" + problem + "); change the default or the"
                + " bounds";
    }

    public static String misplacedParam(String param, String executable) {
        return "@Param on parameter '" + param + "' of " + executable + " has no effect; remove it, since only"
                + " parameters of a @Penalty method or of a @Regularizer class's constructor are regularizer"
                + " parameters";
    }

    public static String privateEnum(String param, String enumType) {
        return "@Param '" + param + "' has type " + enumType + ", which is private; make the enum package-private"
                + " or public so that the generated provider can name it";
    }

    // --- elsewhere ---

    public static String generatedNameClash(String generated, String regularizer, String other) {
        return "The generated class " + generated + " for " + regularizer + " is already generated for " + other
                + "; rename one of the two classes";
    }


    public static String misplacedMethodAnnotation(String annotation, String method, String type,
            String suggestedName) {
        return "@" + annotation + " method '" + method + "' is in " + type + ", which has no @Regularizer;"
                + " annotate the class with @Regularizer(name = \"" + suggestedName + "\") or remove @" + annotation;
    }

    public static String unresolvedType(String regularizer, String type) {
        return "@Regularizer class " + regularizer + " uses the type " + type + ", which does not exist; fix"
                + " the compile errors about it (or the processor that should generate it)";
    }

    public static String unexpectedFailure(String element, Throwable failure) {
        return "Rein processor failed unexpectedly on " + element + ": " + failure + "; please report this";
    }

    public static String staleServiceEntry(String path, String entry) {
        return path + " lists " + entry + ", which is not on the class path; left it out of the generated file,"
                + " so remove the line from your resources or add the class";
    }

    public static String servicesFileFailed(String path, String problem) {
        return "Could not write " + path + " (" + problem + "); check that the class output directory is"
                + " writable";
    }
}
