package dev.rein.samples.train;

import dev.rein.runtime.registry.RegisteredRegularizer;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.Regularization;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names the plugin behind an exception that escaped training: the first frame of its stack trace (or of a cause's)
 * that runs a plugin's code, found by class name (the plugin's implementation, provider and hook classes, and their
 * nested classes) or by the class loader of its jar ({@code rein-plugin:NAME.jar}).
 *
 * <pre>{@code
 * try {
 *     trainer.train(data);
 * } catch (RuntimeException | LinkageError e) {
 *     PluginFailure.explain(e, regularization).ifPresent(failure -> { throw failure; });
 *     // Plugin 'cauchy' (from plugins/cauchy.jar, class com.example.Cauchy) threw IllegalStateException during
 *     // training: weight too big: -3.5. ...
 * }
 * }</pre>
 */
public final class PluginFailure {
    private PluginFailure() {
    }

    /** A one-paragraph error naming the plugin whose code threw {@code thrown}, or empty if none of them did. */
    public static Optional<UserInputException> explain(Throwable thrown, Regularization regularization) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = thrown; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                for (BoundTerm term : regularization.terms()) {
                    if (runs(frame, term)) {
                        return Optional.of(new UserInputException(message(term.plugin(), t), thrown));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean runs(StackTraceElement frame, BoundTerm term) {
        RegisteredRegularizer plugin = term.plugin();
        if (plugin.source().jar().isPresent()) {
            ClassLoader loader = plugin.provider().getClass().getClassLoader();
            String name = loader == null ? null : loader.getName();
            if (name != null && name.equals(frame.getClassLoaderName())) {
                return true;
            }
        }
        Set<String> classes = new HashSet<>();
        classes.add(plugin.descriptor().implementation());
        classes.add(plugin.provider().getClass().getName());
        classes.add(term.hook().getClass().getName());
        String frameClass = frame.getClassName();
        int nested = frameClass.indexOf('$');
        return classes.contains(nested < 0 ? frameClass : frameClass.substring(0, nested));
    }

    private static String message(RegisteredRegularizer plugin, Throwable thrown) {
        String who = "Plugin '" + plugin.name() + "' (from " + plugin.source().describe() + ", class "
                + plugin.descriptor().implementation() + ")";
        if (thrown instanceof NoClassDefFoundError) {
            String missing = String.valueOf(thrown.getMessage()).replace('/', '.');
            return who + " failed during training: it needs the class " + missing + ", which neither its jar nor the"
                    + " JDK has (NoClassDefFoundError). A plugin jar sees only the JDK, Rein's API and its own"
                    + " classes: bundle what it needs into its jar (e.g. with maven-shade-plugin), or leave '"
                    + plugin.name() + "' out of the spec.";
        }
        String detail = thrown.getMessage() == null ? "" : ": " + thrown.getMessage();
        return who + " threw " + thrown.getClass().getSimpleName() + " during training" + detail + ". This is a"
                + " defect in the plugin, not in the data or the spec: 'rein check " + plugin.name() + "' tests it;"
                + " leave it out of the spec, or ask its author for a fix.";
    }
}
