package dev.rein.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rein.runtime.ReinMessage;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact words of every registry problem: the loading tests assert tags and the names a problem gives. */
class RegistryMessagesTest {
    private static final String SERVICES = "META-INF/services/dev.rein.api.spi.RegularizerProvider";
    private static final String SEP = File.pathSeparator;
    private static final Path MISSING = Path.of("no-such-folder");

    @Test
    void pluginFolders() {
        assertMessage("[plugin-folder-missing] " + MISSING + ": plugin folder does not exist. Create it, or correct"
                + " the path given with --plugins or the rein.plugins system property.",
                RegistryMessages.folderMissing(MISSING, ""));
        assertMessage("[plugin-folder-missing] " + MISSING + ": plugin folder does not exist (element 4 of the"
                + " rein.plugins system property \"x\"). Create it, or correct the rein.plugins system property.",
                RegistryMessages.folderMissing(MISSING, "element 4 of the rein.plugins system property \"x\""));
        assertMessage("[plugin-folder-no-jars] plugins: the plugin folder holds no .jar file but other things"
                + " (plugins/pom.xml, plugins/src), so no plugin is loaded from it. Jars in its subfolders are not read"
                + " (target/a.jar). Give the folder that holds the plugin jars themselves, or copy the jars into it.",
                RegistryMessages.folderWithoutJars(Path.of("plugins"), List.of("plugins/pom.xml", "plugins/src"),
                        List.of("target/a.jar"), ""));
        assertMessage("[plugin-folder-no-jars] docs: the plugin folder holds no .jar file (element 1 of the"
                + " rein.plugins system property \"docs\") but other things (docs/a, docs/b, docs/c, docs/d,"
                + " docs/e, ...), so no plugin is loaded from it. Give the folder that holds the plugin jars themselves,"
                + " or copy the jars into it.", RegistryMessages.folderWithoutJars(Path.of("docs"),
                        List.of("docs/a", "docs/b", "docs/c", "docs/d", "docs/e"), List.of(),
                        "element 1 of the rein.plugins system property \"docs\""));
        assertMessage("[plugin-folder-not-a-folder] notes.txt is not a folder. Give the folder that holds the plugin"
                + " jars, not a file.", RegistryMessages.notAFolder(Path.of("notes.txt"), ""));
        assertMessage("[plugin-folder-unreadable] plugins: cannot list the plugin folder (java.nio.file."
                + "AccessDeniedException: plugins). Check that Rein may read it.", RegistryMessages.folderUnlistable(
                        Path.of("plugins"), "java.nio.file.AccessDeniedException: plugins", ""));
        assertEquals("element 2 of the rein.plugins system property \"a::b\"",
                RegistryMessages.propertyElement(2, "\"a::b\""));
    }

    @Test
    void pluginJars() {
        assertMessage("[plugin-jar-no-services] plain.jar has no " + SERVICES + ", so it offers no regularizers; it"
                + " was probably not compiled with rein-processor. Build it with rein-processor as an annotation"
                + " processor (or write the services file by hand).", RegistryMessages.noServicesFile("plain.jar"));
        assertMessage("[plugin-jar-empty-services] blank.jar: " + SERVICES + " lists no provider classes, so the jar"
                + " offers no regularizers. Rebuild it with rein-processor.",
                RegistryMessages.emptyServicesFile("blank.jar"));
        assertMessage("[plugin-jar-unreadable] broken.jar is not a readable jar (zip END header not found). Replace"
                + " it with a jar built from the plugin's sources, or remove it from the folder.",
                RegistryMessages.unreadableJar("broken.jar", "zip END header not found"));
        assertMessage("[plugin-jar-url] Cannot turn a.jar into a URL", RegistryMessages.jarUrl(Path.of("a.jar")));
        assertMessage("[plugin-jar-not-closed] Cannot close plugin jar a.jar",
                RegistryMessages.jarNotClosed(Path.of("a.jar")));
    }

    @Test
    void providers() {
        assertMessage("[plugin-provider-unloadable] needy.jar: a provider listed in " + SERVICES + " cannot be"
                + " loaded: java.lang.NoClassDefFoundError: com/needy/Base. A plugin jar sees only the JDK,"
                + " dev.rein.api and its own classes; bundle any other library it needs inside the jar.",
                RegistryMessages.providerUnloadable("needy.jar", "java.lang.NoClassDefFoundError: com/needy/Base",
                        true));
        assertMessage("[plugin-provider-unloadable] class path: a provider listed in " + SERVICES + " cannot be"
                + " loaded: java.lang.NoClassDefFoundError: com/needy/Base. Put every library it needs on the class"
                + " path.", RegistryMessages.providerUnloadable("class path",
                        "java.lang.NoClassDefFoundError: com/needy/Base", false));
        assertMessage("[plugin-services-unreadable] odd.jar: cannot read " + SERVICES + ": Illegal provider-class"
                + " name: a b. Each line must be the binary name of a provider class.",
                RegistryMessages.servicesUnreadable("odd.jar", "Illegal provider-class name: a b"));
        assertMessage("[plugin-provider-missing] missing.jar: " + SERVICES + " lists com.missing.Absent, but the jar"
                + " has no such class. Rebuild the jar so that it contains the class, or remove the line from the"
                + " services file.", RegistryMessages.providerMissing("missing.jar", "com.missing.Absent", true));
        assertMessage("[plugin-provider-missing] class path: " + SERVICES + " lists com.cp.Absent, but the class path"
                + " has no such class. Rebuild the plugin so that it contains the class, or remove the line from the"
                + " services file.", RegistryMessages.providerMissing("class path", "com.cp.Absent", false));
        assertMessage("[plugin-provider-wrong-type] wrong.jar: com.wrong.Helper is listed in " + SERVICES + " but"
                + " does not implement dev.rein.api.spi.RegularizerProvider. List only provider classes there"
                + " (rein-processor writes the file for you).",
                RegistryMessages.providerWrongType("wrong.jar", "com.wrong.Helper"));
        assertMessage("[plugin-provider-not-creatable] hidden.jar: provider com.hidden.HiddenProvider cannot be"
                + " created (com.hidden.HiddenProvider Unable to get public no-arg constructor). A provider must be a"
                + " public top-level class with a public no-argument constructor.",
                RegistryMessages.providerNotCreatable("hidden.jar", "com.hidden.HiddenProvider",
                        "com.hidden.HiddenProvider Unable to get public no-arg constructor"));
        assertMessage("[plugin-provider-threw] boom.jar: provider com.boom.BoomProvider could not be created: its"
                + " constructor threw java.lang.IllegalStateException: no licence file. Fix the provider, or remove"
                + " it; it is skipped and the other plugins still load.", RegistryMessages.providerThrew("boom.jar",
                        "com.boom.BoomProvider", "java.lang.IllegalStateException: no licence file"));
        assertMessage("[plugin-descriptor-threw] vague.jar: com.vague.VagueProvider.descriptor() threw"
                + " java.lang.UnsupportedOperationException: not yet. Fix the provider (or rebuild it with"
                + " rein-processor); it is skipped and the other plugins still load.",
                RegistryMessages.descriptorThrew("vague.jar", "com.vague.VagueProvider",
                        "java.lang.UnsupportedOperationException: not yet"));
        assertMessage("[plugin-descriptor-null] empty.jar: com.empty.EmptyProvider.descriptor() returned null. A"
                + " provider must describe its regularizer; rebuild it with rein-processor.",
                RegistryMessages.descriptorNull("empty.jar", "com.empty.EmptyProvider"));
    }

    @Test
    void admission() {
        assertMessage("[plugin-api-incompatible] future.jar: future was built against Rein API version 99; this Rein"
                + " supports 1. Rebuild the plugin against the rein-api of this Rein (API version 1).",
                RegistryMessages.apiIncompatible("future.jar", "future", 99, "1", 1));
        assertMessage("[plugin-invalid-name] shouty.jar: com.shouty.ShoutyProvider is named 'Cauchy-2', which is not"
                + " a valid regularizer name. Names and aliases are lower_snake_case: a lower-case letter, then"
                + " lower-case letters, digits or '_' (e.g. 'group_lasso').",
                RegistryMessages.invalidName("shouty.jar", "com.shouty.ShoutyProvider", "Cauchy-2", true));
        assertMessage("[plugin-invalid-name] alias.jar: com.alias.AliasProvider has the alias '2cauchy', which is not"
                + " a valid regularizer name. Names and aliases are lower_snake_case: a lower-case letter, then"
                + " lower-case letters, digits or '_' (e.g. 'group_lasso').",
                RegistryMessages.invalidName("alias.jar", "com.alias.AliasProvider", "2cauchy", false));
        assertMessage("[plugin-duplicate-name] b.jar: regularizer 'l2' (com.b.L2Provider) is skipped: its name 'l2' is"
                + " already the name of 'l2' from a.jar, which was found first. Rename one of them, or remove one of"
                + " the two plugins.", RegistryMessages.duplicateName("b.jar", "l2", "com.b.L2Provider", true, "l2",
                        true, "l2", "a.jar"));
        assertMessage("[plugin-duplicate-name] b.jar: regularizer 'weight_decay' (com.b.W) is skipped: its alias 'l2'"
                + " is already an alias of 'ridge' from a.jar, which was found first. Rename one of them, or remove"
                + " one of the two plugins.", RegistryMessages.duplicateName("b.jar", "weight_decay", "com.b.W", false,
                        "l2", false, "ridge", "a.jar"));
    }

    @Test
    void theReinPluginsProperty() {
        assertMessage("[plugin-property-empty] rein.plugins system property \"a" + SEP + SEP + "b\": element 2 is"
                + " empty and names no folder, so it is ignored. List plugin folders separated by a single '" + SEP
                + "', with none empty, e.g. \"a" + SEP + "b\".", RegistryMessages.propertyEmptyElements(
                        "\"a" + SEP + SEP + "b\"", "element 2 is", 1, "e.g. \"a" + SEP + "b\""));
        assertMessage("[plugin-property-empty] rein.plugins system property \"" + SEP + "\": elements 1 and 2 are empty"
                + " and name no folder, so they are ignored. List plugin folders separated by a single '" + SEP
                + "', with none empty, e.g. \"plugins" + SEP + "more-plugins\".",
                RegistryMessages.propertyEmptyElements("\"" + SEP + "\"", "elements 1 and 2 are", 2,
                        "e.g. \"plugins" + SEP + "more-plugins\""));
        assertMessage("[plugin-property-invalid-path] rein.plugins system property \"good" + SEP + "bad\\u0000\":"
                + " element 2, \"bad\\u0000\", is not a path this system accepts (Nul character not allowed), so it"
                + " is ignored. Write each plugin folder as a valid path, separated by '" + SEP + "', e.g. \"good\".",
                RegistryMessages.propertyInvalidPath("\"good" + SEP + "bad\\u0000\"", 2, "bad\\u0000",
                        "Nul character not allowed", "e.g. \"good\""));
    }

    private static void assertMessage(String expected, ReinMessage actual) {
        assertEquals(expected, actual.toString());
    }
}
