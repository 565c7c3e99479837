package dev.rein.runtime.registry;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a regularizer came from: Rein's built-ins, another entry of the class path, or a jar in a plugin folder.
 *
 * <pre>{@code
 * PluginSource.builtIn().describe();                           // "built-in"
 * PluginSource.pluginJar(Path.of("plugins/cauchy.jar")).describe();  // "plugins/cauchy.jar"
 * }</pre>
 */
public final class PluginSource {
    /** The three places a plugin can come from. */
    public enum Origin {
        /** Shipped with Rein ({@code rein-plugins}). */
        BUILT_IN,
        /** Found on the application's class path. */
        CLASS_PATH,
        /** A jar in a plugin folder. */
        PLUGIN_JAR
    }

    private static final PluginSource BUILT_IN = new PluginSource(Origin.BUILT_IN, null, "built-in");

    private final Origin origin;
    private final Path jar;
    private final String description;

    private PluginSource(Origin origin, Path jar, String description) {
        this.origin = origin;
        this.jar = jar;
        this.description = description;
    }

    public static PluginSource builtIn() {
        return BUILT_IN;
    }

    /** A class-path entry; {@code location} is the jar or folder it was loaded from, as text. */
    public static PluginSource classPath(String location) {
        return new PluginSource(Origin.CLASS_PATH, null, "class path: " + Objects.requireNonNull(location));
    }

    public static PluginSource pluginJar(Path jar) {
        return new PluginSource(Origin.PLUGIN_JAR, Objects.requireNonNull(jar), jar.toString());
    }

    public Origin origin() {
        return origin;
    }

    /** The jar, for {@link Origin#PLUGIN_JAR}. */
    public Optional<Path> jar() {
        return Optional.ofNullable(jar);
    }

    /** A short description for people: {@code "built-in"}, {@code "class path: ..."} or the jar's path. */
    public String describe() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PluginSource && ((PluginSource) o).origin == origin
                && ((PluginSource) o).description.equals(description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, description);
    }

    @Override
    public String toString() {
        return description;
    }
}
