package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin an outside author builds: {@code samples/external-plugin}, compiled by maven-invoker-plugin against
 * the Rein just built (its own JUnit test runs the plugin checker), dropped into a fresh plugin folder here and
 * used through the command line as its author would.
 */
class ExternalPluginIT {
    @TempDir
    Path dir;

    Path plugins;

    @BeforeEach
    void dropTheJarIntoAPluginFolder() throws IOException {
        Path jar = Path.of(System.getProperty("rein.externalPluginJar",
                "target/it/external-plugin/target/cauchy-regularizer-1.0.0.jar"));
        assertTrue(Files.isRegularFile(jar), "the invoker run should have built " + jar);
        plugins = Files.createDirectories(dir.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));
    }

    @Test
    void isListedWithItsJar() {
        CliRun run = CliRun.of("list", "--plugins", plugins.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.err());
        assertTrue(run.out().matches("(?s).*\\ncauchy +penalty +" + Pattern.quote(plugins.resolve(
                "cauchy-regularizer-1.0.0.jar").toString()) + " +Cauchy penalty: shrinks small weights.*"), run.out());
    }

    @Test
    void isDescribedWithItsParameters() {
        CliRun run = CliRun.of("describe", "cauchy", "--plugins", plugins.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("implemented by com.example.rein.Cauchy"), run.out());
        assertTrue(run.out().matches("(?s).*scale +double +default 1 +a number > 0 +Scale s of the weights.*"),
                run.out());
    }

    @Test
    void passesTheChecks() {
        CliRun run = CliRun.of("check", "cauchy", "--plugins", plugins.toString());
        assertEquals(0, run.exitCode(), run.out());
        assertTrue(run.out().endsWith("cauchy: all checks passed\n"), run.out());
    }

    @Test
    void trainsWithASpecThatMixesItWithABuiltIn() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 100, 5, 7);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--plugins", plugins.toString(),
                "--spec", "cauchy(lambda=1e-2, scale=0.5) + max_norm(c=3)", "--epochs", "3", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().contains("\"spec\":\"cauchy(lambda=0.01, scale=0.5) + max_norm(c=3.0)\""),
                run.lastLine());
        assertTrue(run.out().contains("train accuracy"), run.out());
    }
}
