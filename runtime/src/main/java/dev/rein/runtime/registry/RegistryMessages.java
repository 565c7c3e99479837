package dev.rein.runtime.registry;

import dev.rein.api.spi.RegularizerProvider;
import dev.rein.runtime.ReinMessage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

/**
 * Every problem the registry reports about a plugin, a plugin folder or the {@code rein.plugins} property, worded in
 * one place: which jar, folder or element is wrong, why, and what to do about it. Each has a tag starting with
 * {@code plugin-} ({@code docs/messages.md} lists them); tests assert the tags, and {@code RegistryMessagesTest} the
 * exact words.
 *
 * <pre>{@code
 * RegistryMessages.unreadableJar("plugins/broken.jar", "zip END header not found");
 * // [plugin-jar-unreadable] plugins/broken.jar is not a readable jar (zip END header not found). Replace it with a
 * // jar built from the plugin's sources, or remove it from the folder.
 * }</pre>
 *
 * <p>{@code where} arguments are how the problem names its source: a jar's path, {@code "class path"}, or
 * {@link PluginSource#describe()}; a thrown exception is given in words ({@code ProviderScanner.describe}).
 */
final class RegistryMessages {
    private static final String SERVICES = ServicesFile.PATH;

    private RegistryMessages() {
    }

    // --- plugin folders (PluginFolderScanner) ---

    /** {@code origin} is where the folder was named (an element of {@code rein.plugins}), or empty. */
    static ReinMessage folderMissing(Path folder, String origin) {
        String property = "the " + PluginRegistry.PLUGINS_PROPERTY + " system property";
        String correct = origin.isEmpty() ? "the path given with --plugins or " + property : property;
        return ReinMessage.of("plugin-folder-missing", folder + ": plugin folder does not exist" + from(origin)
                + ". Create it, or correct " + correct + ".");
    }

    static ReinMessage notAFolder(Path folder, String origin) {
        return ReinMessage.of("plugin-folder-not-a-folder", folder + " is not a folder" + from(origin) + ". Give the"
                + " folder that holds the plugin jars, not a file.");
    }

    static ReinMessage folderUnlistable(Path folder, String why, String origin) {
        return ReinMessage.of("plugin-folder-unreadable", folder + ": cannot list the plugin folder (" + why + ")"
                + from(origin) + ". Check that Rein may read it.");
    }

    /**
     * {@code entries}: a few of what the folder holds, as {@code folder/name}; {@code nestedJars}: jars found one
     * folder down, the same way (may be empty).
     */
    static ReinMessage folderWithoutJars(Path folder, List<String> entries, List<String> nestedJars,
            String origin) {
        return ReinMessage.of("plugin-folder-no-jars", folder + ": the plugin folder holds no .jar file" + from(origin)
                + " but other things (" + String.join(", ", entries) + (entries.size() >= 5 ? ", ..." : "") + "), so"
                + " no plugin is loaded from it." + (nestedJars.isEmpty() ? ""
                : " Jars in its subfolders are not read (" + String.join(", ", nestedJars) + ").")
                + " Give the folder that holds the plugin jars themselves, or copy the jars into it.");
    }

    private static String from(String origin) {
        return origin.isEmpty() ? "" : " (" + origin + ")";
    }

    // --- plugin jars (PluginFolderScanner, PluginClassLoader, PluginRegistry) ---

    static ReinMessage noServicesFile(String jar) {
        return ReinMessage.of("plugin-jar-no-services", jar + " has no " + SERVICES + ", so it offers no"
                + " regularizers; it was probably not compiled with rein-processor. Build it with rein-processor as"
                + " an annotation processor (or write the services file by hand).");
    }

    static ReinMessage emptyServicesFile(String jar) {
        return ReinMessage.of("plugin-jar-empty-services", jar + ": " + SERVICES + " lists no provider classes, so"
                + " the jar offers no regularizers. Rebuild it with rein-processor.");
    }

    static ReinMessage unreadableJar(String jar, String why) {
        return ReinMessage.of("plugin-jar-unreadable", jar + " is not a readable jar (" + why + "). Replace it with a"
                + " jar built from the plugin's sources, or remove it from the folder.");
    }

    static ReinMessage jarUrl(Path jar) {
        return ReinMessage.of("plugin-jar-url", "Cannot turn " + jar + " into a URL");
    }

    static ReinMessage jarNotClosed(Path jar) {
        return ReinMessage.of("plugin-jar-not-closed", "Cannot close plugin jar " + jar);
    }

    // --- providers (ProviderScanner) ---

    /** {@code pluginJar}: the provider came from a plugin jar rather than the class path. */
    static ReinMessage providerUnloadable(String where, String thrown, boolean pluginJar) {
        return ReinMessage.of("plugin-provider-unloadable", where + ": a provider listed in " + SERVICES + " cannot"
                + " be loaded: " + thrown + ". " + (pluginJar
                        ? "A plugin jar sees only the JDK, dev.rein.api and its own classes; bundle any other library"
                                + " it needs inside the jar."
                        : "Put every library it needs on the class path."));
    }

    static ReinMessage servicesUnreadable(String where, String detail) {
        return ReinMessage.of("plugin-services-unreadable", where + ": cannot read " + SERVICES + ": " + detail
                + ". Each line must be the binary name of a provider class.");
    }

    static ReinMessage providerMissing(String where, String className, boolean pluginJar) {
        return ReinMessage.of("plugin-provider-missing", where + ": " + SERVICES + " lists " + className + ", but "
                + (pluginJar ? "the jar" : "the class path") + " has no such class. Rebuild "
                + (pluginJar ? "the jar" : "the plugin") + " so that it contains the class, or remove the line from"
                + " the services file.");
    }

    static ReinMessage providerWrongType(String where, String className) {
        return ReinMessage.of("plugin-provider-wrong-type", where + ": " + className + " is listed in " + SERVICES
                + " but does not implement " + RegularizerProvider.class.getName() + ". List only provider classes"
                + " there (rein-processor writes the file for you).");
    }

    static ReinMessage providerNotCreatable(String where, String className, String detail) {
        return ReinMessage.of("plugin-provider-not-creatable", where + ": provider " + className + " cannot be"
                + " created (" + detail + "). A provider must be a public top-level class with a public no-argument"
                + " constructor.");
    }

    static ReinMessage providerThrew(String where, String className, String thrown) {
        return ReinMessage.of("plugin-provider-threw", where + ": provider " + className + " could not be created:"
                + " its constructor threw " + thrown + ". Fix the provider, or remove it; it is skipped and the other"
                + " plugins still load.");
    }

    static ReinMessage descriptorThrew(String source, String className, String thrown) {
        return ReinMessage.of("plugin-descriptor-threw", source + ": " + className + ".descriptor() threw " + thrown
                + ". Fix the provider (or rebuild it with rein-processor); it is skipped and the other plugins still"
                + " load.");
    }

    static ReinMessage descriptorNull(String source, String className) {
        return ReinMessage.of("plugin-descriptor-null", source + ": " + className + ".descriptor() returned null. A"
                + " provider must describe its regularizer; rebuild it with rein-processor.");
    }

    // --- admission (RegularizerAdmission) ---

    static ReinMessage apiIncompatible(String source, String name, int apiVersion, String supported, int current) {
        return ReinMessage.of("plugin-api-incompatible", source + ": " + name + " was built against Rein API version "
                + apiVersion + "; this Rein supports " + supported + ". Rebuild the plugin against the rein-api of"
                + " this Rein (API version " + current + ").");
    }

    /** {@code isName}: {@code key} is the regularizer's name, else one of its aliases. */
    static ReinMessage invalidName(String source, String className, String key, boolean isName) {
        return ReinMessage.of("plugin-invalid-name", source + ": " + className + " " + (isName ? "is named"
                : "has the alias") + " '" + key + "', which is not a valid regularizer name. Names and aliases are"
                + " lower_snake_case: a lower-case letter, then lower-case letters, digits or '_' (e.g."
                + " 'group_lasso').");
    }

    /**
     * The {@code loser} found later wants {@code key}, which the {@code winner} found first holds.
     * {@code loserName}/{@code winnerName} say whether {@code key} is that one's name (else an alias).
     */
    static ReinMessage duplicateName(String loserSource, String loser, String loserClass, boolean loserName,
            String key, boolean winnerName, String winner, String winnerSource) {
        return ReinMessage.of("plugin-duplicate-name", loserSource + ": regularizer '" + loser + "' (" + loserClass
                + ") is skipped: its " + (loserName ? "name" : "alias") + " '" + key + "' is already "
                + (winnerName ? "the name" : "an alias") + " of '" + winner + "' from " + winnerSource + ", which was"
                + " found first. Rename one of them, or remove one of the two plugins.");
    }

    // --- the rein.plugins property (PluginsProperty) ---

    /**
     * @param quoted  the whole property value, quoted and printable
     * @param which   {@code "element 2 is"} or {@code "elements 2 and 4 are"}
     * @param count   how many elements are empty
     * @param example a value to write instead, e.g. {@code e.g. "plugins:more-plugins"}
     */
    static ReinMessage propertyEmptyElements(String quoted, String which, int count, String example) {
        return ReinMessage.of("plugin-property-empty", property(quoted) + which + " empty and name"
                + (count == 1 ? "s" : "") + " no folder, so " + (count == 1 ? "it is" : "they are") + " ignored. List"
                + " plugin folders separated by a single '" + File.pathSeparator + "', with none empty, " + example
                + ".");
    }

    /** {@code element} and {@code why} printable; {@code position} from 1. */
    static ReinMessage propertyInvalidPath(String quoted, int position, String element, String why,
            String example) {
        return ReinMessage.of("plugin-property-invalid-path", property(quoted) + "element " + position + ", \""
                + element + "\", is not a path this system accepts (" + why + "), so it is ignored. Write each"
                + " plugin folder as a valid path, separated by '" + File.pathSeparator + "', " + example + ".");
    }

    /** Where a folder of the property came from, for a later problem with the folder itself. */
    static String propertyElement(int position, String quoted) {
        return "element " + position + " of the " + PluginRegistry.PLUGINS_PROPERTY + " system property " + quoted;
    }

    private static String property(String quoted) {
        return PluginRegistry.PLUGINS_PROPERTY + " system property " + quoted + ": ";
    }
}
