package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.network.Activation;
import dev.rein.runtime.network.FeedForwardModel;
import dev.rein.runtime.network.FeedForwardTrainer;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.samples.data.DataFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
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

    @Test
    void itsLayerRunsInsideTheNetworkFromTheCommandLine() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 200, 5, 7);
        CliRun run = CliRun.of("train", "--model", "mlp", "--layers", "16,8", "--data", train.toString(),
                "--plugins", plugins.toString(), "--spec", "gaussian_dropout(rate=0.3, after=2) + l2(lambda=1e-4)",
                "--epochs", "3", "--batch-size", "32", "--save", dir.resolve("net.model").toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().contains("\"spec\":\"gaussian_dropout(rate=0.3, after=2) + l2(lambda=1.0E-4)\""),
                run.lastLine());
        assertTrue(run.err().contains("epoch 3/3"), run.err());
        // Saved in Tribuo's protobuf format: it loads, and its layer binds once the jar's folder is given.
        FeedForwardModel saved = (FeedForwardModel) Model.deserializeFromFile(dir.resolve("net.model"));
        assertEquals(List.of("gaussian_dropout(rate=0.3, after=2) after hidden layer 2"), saved.layers());
        try (PluginRegistry registry = PluginRegistry.standard(List.of(plugins))) {
            saved.bindLayers(registry);
        }
    }

    @Test
    void aSavedNetworkWithItsLayerLoadsAgainWhenItsPluginFolderIsGiven() throws Exception {
        MutableDataset<Label> train = new DataFiles("label").loadTraining(
                TestData.csv(dir.resolve("train.csv"), 200, 5, 7));
        Example<Label> example = train.getExample(0);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double expected;
        try (PluginRegistry registry = PluginRegistry.standard(List.of(plugins))) {
            FeedForwardModel model = new FeedForwardTrainer(new int[] {8}, Activation.TANH, new ReinAdam(0.01),
                    "gaussian_dropout(rate=0.2)", registry, 5, 16, 3L).train(train);
            assertEquals(List.of("gaussian_dropout(rate=0.2) after hidden layer 1"), model.layers());
            model.bindLayers(registry);   // predict with the jar's layer while the registry is open
            expected = model.predict(example).getOutput().getScore();
            model.serializeToStream(bytes);
        }

        FeedForwardModel withoutFolder = read(bytes.toByteArray());
        var e = assertThrows(IllegalArgumentException.class, () -> withoutFolder.predict(example));
        assertEquals("network-saved-layer", ReinMessage.tagOf(e).orElseThrow(), e.getMessage());
        assertTrue(e.getMessage().contains("needs the plugin 'gaussian_dropout', which came from the plugin jar"
                + " 'cauchy-regularizer-1.0.0.jar'"), e.getMessage());
        assertTrue(e.getMessage().contains("give the folder holding that plugin's jar with --plugins DIR"),
                e.getMessage());

        try (PluginRegistry registry = PluginRegistry.standard(List.of(plugins))) {
            FeedForwardModel loaded = read(bytes.toByteArray());
            loaded.bindLayers(registry);
            assertEquals(expected, loaded.predict(example).getOutput().getScore(), 0.0);
        }
    }

    private static FeedForwardModel read(byte[] bytes) throws Exception {
        return (FeedForwardModel) Model.deserializeFromStream(new ByteArrayInputStream(bytes));
    }
}
