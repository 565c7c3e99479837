package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rein.samples.train.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    private static final List<String> TRAIN_KEYS = List.of("spec", "modes", "train_accuracy", "test_accuracy",
            "penalty", "weight_norm", "zero_weights", "total_weights", "train_seconds", "epochs", "best_epoch",
            "stop_reason", "train_examples", "held_out_examples");

    @TempDir
    static Path dir;

    static String train;
    static String test;

    @BeforeAll
    static void data() throws Exception {
        train = TestData.csv(dir.resolve("train.csv"), 90, 6, 3).toString();
        test = TestData.csv(dir.resolve("test.csv"), 40, 6, 4).toString();
    }

    @Test
    void sweepPrintsEveryTrialAndEndsWithTheJsonOfTrialsAndBest() {
        CliRun run = CliRun.of("sweep", "--data", train, "--spec", "l1(lambda=1e-3..1e-1 log 3)", "--folds", "3",
                "--epochs", "2", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("ranked by 3-fold cross-validated accuracy"), run.out());
        assertTrue(run.out().contains("l1.lambda  cv_accuracy"), run.out());
        assertTrue(run.out().matches("(?s).*\ntrials took [0-9]+\\.[0-9]{2} s \\(wall clock, [0-9]+ threads?\\)\n.*"),
                run.out());
        JsonNode json = Json.read(run.lastLine());
        assertEquals(3, json.get("trials").size());
        JsonNode best = json.get("best");
        double top = -1;
        for (JsonNode t : json.get("trials")) {
            top = Math.max(top, t.get("metric_mean").asDouble());
            for (String key : TRAIN_KEYS) {
                assertTrue(t.has(key), "trial has " + key + ": " + t);
            }
        }
        assertEquals(top, best.get("metric_mean").asDouble());
        String bestRow = "*" + " ".repeat(5) + best.get("trial").asInt() + "  ";
        assertTrue(run.out().contains(bestRow), "the best row is marked:\n" + run.out());
        assertEquals(0.01, json.get("trials").get(1).get("params").get("l1.lambda").asDouble());
    }

    @Test
    void withTestDataAndNoFoldsTrialsAreRankedOnTheTestData() {
        CliRun run = CliRun.of("sweep", "--data", train, "--test", test, "--spec", "l2(lambda=[1e-3, 1])",
                "--epochs", "2", "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode trial = Json.read(run.lastLine()).get("trials").get(0);
        assertEquals("test_accuracy", trial.get("metric").asText());
        assertEquals(trial.get("test_accuracy").asDouble(), trial.get("metric_mean").asDouble());
    }

    @Test
    void badInputIsRefusedBeforeAnyTraining() {
        assertRefused("--folds 91 is more than the 90 examples", "--folds", "91");
        assertRefused("Use --folds 90 or fewer", "--folds", "91");
        assertRefused("cross-validation needs at least 2 folds", "--folds", "1");
        assertRefused("--model is 'tree'; use linear (Tribuo's linear SGD classifier) or mlp", "--model", "tree");
        CliRun layer = CliRun.of("sweep", "--data", train, "--spec", "dropout(p=[0.1, 0.2])");
        assertEquals(1, layer.exitCode());
        assertTrue(layer.err().contains("[plan-layer-needs-network]"), layer.err());
        assertTrue(layer.out().isEmpty(), layer.out());
        assertRefused("--shard-count goes only with --shard auto", "--shard", "0/2", "--shard-count", "3");
        assertRefused("--shard-count goes only with --shard auto", "--shard-count", "3");
        CliRun empty = CliRun.of("sweep", "--data", train, "--spec", "l1(lambda=1..1e-3 log 3)");
        assertEquals(1, empty.exitCode());
        assertTrue(empty.err().contains("runs downwards; write 1e-3..1 log 3"), empty.err());
        CliRun bounds = CliRun.of("sweep", "--data", train, "--spec", "l2(lambda=[-1, 1])");
        assertEquals(1, bounds.exitCode());
        assertTrue(bounds.err().contains("reaches -1.0, but lambda must be a number >= 0"), bounds.err());
    }

    @Test
    void asManyFoldsAsExamplesWorksAndOneMoreIsRefusedSayingTheRealLimit() throws Exception {
        String tiny = TestData.csv(dir.resolve("tiny.csv"), 12, 3, 8).toString();
        CliRun run = CliRun.of("sweep", "--data", tiny, "--spec", "l2(lambda=[0.01, 0.1])", "--folds", "12",
                "--epochs", "1");
        assertEquals(0, run.exitCode(), run.err());
        CliRun more = CliRun.of("sweep", "--data", tiny, "--spec", "l2(lambda=[0.01, 0.1])", "--folds", "13");
        assertEquals(1, more.exitCode());
        assertTrue(more.err().contains("--folds 13 is more than the 12 examples"), more.err());
        assertTrue(more.err().contains("Use --folds 12 or fewer"), more.err());
        String few = TestData.csv(dir.resolve("few.csv"), 3, 3, 8).toString();
        CliRun byDefault = CliRun.of("sweep", "--data", few, "--spec", "l2(lambda=[0.01, 0.1])");
        assertEquals(1, byDefault.exitCode());
        assertTrue(byDefault.err().contains("Without --folds or --test, trials are ranked by 5-fold cross-validation,"
                + " but '" + few + "' has only 3 examples: give --folds 3 or fewer"), byDefault.err());
    }

    @Test
    void oneTrialOneThreadAndOneEpochAreSingular() {
        CliRun run = CliRun.of("sweep", "--data", train, "--spec", "l1(lambda=[0.01])", "--folds", "2", "--epochs",
                "1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("1 trial, ranked by 2-fold cross-validated accuracy on train.csv (90 examples),"
                + " 1 thread; adagrad, 1 epoch, seed 1"), run.out());
    }

    @Test
    void compareGivenARangeSaysRangesAreForSweep() {
        CliRun run = CliRun.of("compare", "--data", train, "--spec", "none", "--spec", "l1(lambda=1e-4..1e-1 log 4)");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--spec \"l1(lambda=1e-4..1e-1 log 4)\" sweeps l1.lambda over 1e-4..1e-1 log 4;"
                + " ranges and lists are for rein sweep"), run.err());
    }

    @Test
    void compareShowsTheSpecsSideBySide() {
        CliRun run = CliRun.of("compare", "--data", train, "--test", test, "--spec", "none", "--spec",
                "l1(lambda=0.05)", "--epochs", "2", "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("spec"), run.out());
        JsonNode trials = Json.read(run.lastLine()).get("trials");
        assertEquals("none", trials.get(0).get("spec").asText());
        assertEquals("l1(lambda=0.05)", trials.get(1).get("spec").asText());
    }

    @Test
    void mergedShardsEqualTheUnshardedSweepAndShardsOfAnotherSweepAreRefused() throws Exception {
        String[] sweep = {"sweep", "--data", train, "--spec", "l1(lambda=1e-3..1e-1 log 5)", "--folds", "3",
                "--epochs", "2", "--json"};
        JsonNode whole = Json.read(CliRun.of(sweep).lastLine());
        List<String> files = new ArrayList<>(List.of("merge", "--json"));
        for (int i = 0; i < 2; i++) {
            CliRun shard = CliRun.of(append(sweep, "--shard", i + "/2"));
            assertEquals(0, shard.exitCode(), shard.err());
            files.add(Files.writeString(dir.resolve("shard-" + i + ".json"), shard.out()).toString());
        }
        CliRun merged = CliRun.of(files.toArray(String[]::new));
        assertEquals(0, merged.exitCode(), merged.err());
        JsonNode joined = Json.read(merged.lastLine());
        assertEquals(withoutTimes(whole.get("trials")), withoutTimes(joined.get("trials")));
        assertEquals(whole.get("sweep"), joined.get("sweep"));

        CliRun otherSeed = CliRun.of(append(sweep, "--shard", "1/2", "--seed", "9"));
        Path other = Files.writeString(dir.resolve("other.json"), otherSeed.out());
        CliRun refused = CliRun.of("merge", files.get(2), other.toString());
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("are shards of different sweeps: their seed differs (1 against 9)"),
                refused.err());
        CliRun missing = CliRun.of("merge", files.get(2));
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().contains("Shards [1] of 2 are missing"), missing.err());
        Path absent = dir.resolve("no-such-shard.json");
        CliRun noFile = CliRun.of("merge", files.get(2), absent.toString());
        assertEquals(1, noFile.exitCode());
        assertTrue(noFile.err().contains("Shard file '" + absent + "' does not exist"), noFile.err());
    }

    @Test
    void plotsGoIntoTheFolderAsPngAndSvgAndAFolderThatCannotBeWrittenIsRefusedFirst() throws Exception {
        Path plots = dir.resolve("sweep-plots");
        CliRun run = CliRun.of("sweep", "--data", train, "--spec", "l1(lambda=1e-3..1e-1 log 3)", "--folds", "3",
                "--epochs", "2", "--plots", plots.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        for (String name : List.of("regularization-path", "weights")) {
            assertTrue(Files.size(plots.resolve(name + ".png")) > 0, name);
            assertTrue(Files.readString(plots.resolve(name + ".svg")).contains("<svg"), name);
        }
        Json.read(run.lastLine());   // the JSON stays the last line

        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertRefused("--plots '" + file + "' is a file, not a folder", "--plots", file.toString());

        Path trainPlots = dir.resolve("train-plots");
        CliRun trained = CliRun.of("train", "--data", train, "--spec", "l2(lambda=1e-3) + early_stopping(patience=2)",
                "--epochs", "4", "--plots", trainPlots.toString(), "--json");
        assertEquals(0, trained.exitCode(), trained.err());
        for (String name : List.of("learning-curves.png", "learning-curves.svg", "weights.png", "weights.svg")) {
            assertTrue(trained.out().contains("plot            " + trainPlots.resolve(name)), trained.out());
            assertTrue(Files.size(trainPlots.resolve(name)) > 0, name);
        }
        assertEquals("l2(lambda=0.001) + early_stopping(patience=2, min_delta=0.0, metric=loss, restore_best=true)",
                Json.read(trained.lastLine()).get("spec").asText());
    }

    @Test
    void aNetworkSweepTrainsEachTrialAsReinTrainWouldAndRecordsTheShape() {
        String[] shape = {"--model", "mlp", "--layers", "8,4", "--activation", "tanh", "--epochs", "3",
                "--batch-size", "16"};
        CliRun run = CliRun.of(append(new String[] {"sweep", "--data", train, "--test", test, "--spec",
                "dropout(p=[0, 0.3]) + l2(lambda=1e-3)", "--json"}, shape));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("2 trials, ranked by accuracy on test.csv (40 examples), "), run.out());
        assertTrue(run.out().contains("; adam, 3 epochs, seed 1"), run.out());
        JsonNode json = Json.read(run.lastLine());
        assertEquals("mlp", json.get("sweep").get("model").asText());
        assertEquals("[8,4]", json.get("sweep").get("layers").toString());
        assertEquals("tanh", json.get("sweep").get("activation").asText());
        assertEquals(0.001, json.get("sweep").get("learning_rate").asDouble());
        JsonNode second = json.get("trials").get(1);
        assertEquals(6 * 8 + 8 * 4 + 4 * 2, second.get("total_weights").asInt(), "every layer's weights, no biases");

        CliRun alone = CliRun.of(append(new String[] {"train", "--data", train, "--test", test, "--spec",
                second.get("spec").asText(), "--json"}, shape));
        assertEquals(0, alone.exitCode(), alone.err());
        JsonNode trained = Json.read(alone.lastLine());
        for (String key : List.of("test_accuracy", "train_accuracy", "penalty", "weight_norm")) {
            assertEquals(trained.get(key).asDouble(), second.get(key).asDouble(), key + ": a trial is rein train");
        }
    }

    @Test
    void aNetworkIsCrossValidatedAndItsWeightsDrawn() throws Exception {
        Path plots = dir.resolve("network-plots");
        CliRun run = CliRun.of("sweep", "--model", "mlp", "--layers", "6", "--data", train, "--spec",
                "l2(lambda=[1e-4, 1e-1])", "--folds", "3", "--epochs", "2", "--batch-size", "8", "--threads", "2",
                "--plots", plots.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("ranked by 3-fold cross-validated accuracy"), run.out());
        for (JsonNode t : Json.read(run.lastLine()).get("trials")) {
            assertEquals("cv_accuracy", t.get("metric").asText());
            assertTrue(t.get("metric_std").asDouble() >= 0, t.toString());
            assertEquals(6 * 6 + 6 * 2, t.get("total_weights").asInt());
        }
        assertTrue(Files.size(plots.resolve("weights.png")) > 0);
    }

    @Test
    void aFolderOfIdxFilesIsTrainingAndTestData() throws Exception {
        Path idx = TestData.idxFolder(dir.resolve("idx"), 120, 30, 5);
        String[] sweep = {"sweep", "--data", idx.toString(), "--spec", "l2(lambda=[1e-4, 1e-2])", "--epochs", "3",
                "--json"};
        CliRun run = CliRun.of(sweep);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("ranked by accuracy on the t10k images (30 examples)"), run.out());
        JsonNode json = Json.read(run.lastLine());
        assertEquals(0, json.get("sweep").get("folds").asInt());
        for (JsonNode t : json.get("trials")) {
            assertTrue(t.get("test_accuracy").asDouble() > 0.8, "rows light up by class: " + t);
            assertEquals(120, t.get("train_examples").asInt());
        }
        CliRun folds = CliRun.of(append(sweep, "--folds", "3"));
        assertEquals(0, folds.exitCode(), folds.err());
        assertEquals("cv_accuracy", Json.read(folds.lastLine()).get("trials").get(0).get("metric").asText());

        CliRun withTest = CliRun.of(append(sweep, "--test", test));
        assertEquals(1, withTest.exitCode());
        assertTrue(withTest.err().contains("is a folder of IDX files, whose t10k pair is the test data; leave --test"
                + " out"), withTest.err());
        CliRun notIdx = CliRun.of("sweep", "--data", dir.toString(), "--spec", "l2(lambda=[1e-4, 1e-2])");
        assertEquals(1, notIdx.exitCode());
        assertTrue(notIdx.err().contains("has no train-images-idx3-ubyte"), notIdx.err());
    }

    @Test
    void aDamagedIdxFolderIsRefusedOrWarnedOfBeforeTraining() throws Exception {
        Path signed = TestData.idxFolder(dir.resolve("idx-signed"), 60, 20, 6);
        byte[] images = Files.readAllBytes(signed.resolve("t10k-images-idx3-ubyte"));
        images[2] = 0x09;   // signed bytes: Tribuo would read pixels above 127 as negative
        Files.write(signed.resolve("t10k-images-idx3-ubyte"), images);
        CliRun refused = CliRun.of("sweep", "--data", signed.toString(), "--spec", "l2(lambda=[1e-4, 1e-2])");
        assertEquals(1, refused.exitCode());
        assertTrue(refused.err().contains("t10k-images-idx3-ubyte") && refused.err().contains("is IDX of type 0x09"
                + " with 3 dimensions, but MNIST-format images are type 0x08 (unsigned bytes)"), refused.err());
        assertTrue(refused.out().isEmpty(), refused.out());

        Path odd = TestData.idxFolder(dir.resolve("idx-label"), 60, 20, 6);
        byte[] labels = Files.readAllBytes(odd.resolve("t10k-labels-idx1-ubyte"));
        labels[8] = (byte) 200;   // the first test label
        Files.write(odd.resolve("t10k-labels-idx1-ubyte"), labels);
        CliRun warned = CliRun.of("train", "--data", odd.toString(), "--epochs", "1");
        assertEquals(0, warned.exitCode(), warned.err());
        assertTrue(warned.err().contains("warning: label 200 occurs in 1 t10k (test) example of " + odd + " but in no"
                + " training example, so the model can never predict it."), warned.err());
    }

    @Test
    void optionsThatCannotWorkAreRefusedBeforeTrainingAndASweepOfOnlyFailuresFails() {
        CliRun layers = CliRun.of("sweep", "--data", train, "--test", test, "--spec", "l2(lambda=[0.1, 0.2])",
                "--layers", "8");
        assertEquals(1, layers.exitCode());
        assertTrue(layers.err().contains("--layers shapes the network and goes only with --model mlp"), layers.err());
        CliRun activation = CliRun.of("train", "--data", train, "--activation", "tanh");
        assertEquals(1, activation.exitCode());
        assertTrue(activation.err().contains("--activation shapes the network and goes only with --model mlp"),
                activation.err());

        CliRun batch = CliRun.of("sweep", "--data", train, "--spec", "l2(lambda=[0.1, 0.2])", "--folds", "3",
                "--batch-size", "61");
        assertEquals(1, batch.exitCode());
        assertTrue(batch.err().contains("--batch-size 61 is larger than the 60 examples each trial trains on (the 90"
                + " of '" + train + "' less the largest of 3 folds)"), batch.err());
        assertTrue(batch.out().isEmpty(), batch.out());
        assertEquals(0, CliRun.of("sweep", "--data", train, "--spec", "l2(lambda=[0.1])", "--folds", "3",
                "--batch-size", "60", "--epochs", "1").exitCode());

        CliRun diverged = CliRun.of("sweep", "--data", train, "--test", test, "--spec", "l2(lambda=[0.1, 0.2])",
                "--optimiser", "sgd", "--learning-rate", "1e300", "--json");
        assertEquals(1, diverged.exitCode(), diverged.out());
        assertTrue(diverged.err().contains("All 2 trials failed (the table says why); the first: "), diverged.err());
        assertEquals(2, Json.read(diverged.lastLine()).get("trials").size(), "the JSON is still written");
    }

    private static void assertRefused(String message, String... options) {
        CliRun run = CliRun.of(append(new String[] {"sweep", "--data", train, "--spec", "l1(lambda=1e-3..1 log 3)"},
                options));
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains(message), run.err());
        assertTrue(run.out().isEmpty(), "nothing trained: " + run.out());
    }

    static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static JsonNode withoutTimes(JsonNode trials) {
        JsonNode copy = trials.deepCopy();
        copy.forEach(t -> ((ObjectNode) t).remove(List.of("seconds", "train_seconds")));
        return copy;
    }
}
