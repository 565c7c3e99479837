package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rein.samples.train.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rein merge} checks every trial of a shard's file against the sweep the file claims: a trial index outside
 * the sweep or the slice, params or a spec the sweep's spec does not give that trial, and a metric that is no number
 * or outside its range are refused, naming the file and the trial.
 */
class MergeCommandTest {
    @TempDir
    static Path dir;

    /** Shard 0/2 of a three-trial sweep: trials 0 and 2. */
    static Path shard0;
    /** Shard 1/2: trial 1, l1.lambda 0.01. */
    static String shard1;

    @BeforeAll
    static void shards() throws Exception {
        String train = TestData.csv(dir.resolve("train.csv"), 60, 4, 5).toString();
        String[] sweep = {"sweep", "--data", train, "--spec", "l1(lambda=[0.001, 0.01, 0.1])", "--folds", "3",
                "--epochs", "2", "--threads", "1", "--json"};
        CliRun first = CliRun.of(SweepCommandTest.append(sweep, "--shard", "0/2"));
        CliRun second = CliRun.of(SweepCommandTest.append(sweep, "--shard", "1/2"));
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(0, second.exitCode(), second.err());
        shard0 = Files.writeString(dir.resolve("shard-0.json"), first.out());
        shard1 = second.out();
        CliRun merged = CliRun.of("merge", shard0.toString(), write("shard-1.json", shard1).toString());
        assertEquals(0, merged.exitCode(), merged.err());
    }

    @Test
    void aTrialBeyondTheSweepIsRefusedThoughItsRemainderFitsTheSlice() throws Exception {
        // 7 % 2 == 1: it would pass as shard 1's, and trial 1 would be missing with the count still right.
        assertRefused(edit("seven.json", t -> t.put("trial", 7)), "holds trial 7, but the sweep has 3 trials"
                + " (0 to 2)");
        assertRefused(edit("text-index.json", t -> t.put("trial", "1")), "holds a trial whose index is \"1\"");
    }

    @Test
    void aMetricThatIsNoNumberOrOutOfRangeIsRefused() throws Exception {
        assertRefused(edit("text.json", t -> t.put("metric_mean", "0.9")), "trial 1",
                "metric_mean is \"0.9\", not a number");
        assertRefused(edit("missing.json", t -> t.remove("metric_mean")), "trial 1", "metric_mean is missing");
        assertRefused(edit("five.json", t -> t.put("metric_mean", 5.0)), "trial 1",
                "metric_mean is 5.0, outside 0 to 1");
        assertRefused(edit("negative.json", t -> t.put("non_zeros", -3)), "trial 1", "non_zeros is -3");
        assertRefused(edit("metric.json", t -> t.put("metric", "test_accuracy")), "trial 1",
                "its metric is test_accuracy, but the sweep ranks by cv_accuracy");
    }

    @Test
    void paramsOrASpecTheSweepDoesNotGiveThatTrialAreRefused() throws Exception {
        assertRefused(edit("params.json", t -> ((ObjectNode) t.get("params")).put("l1.lambda", 0.5)), "trial 1",
                "its params are {l1.lambda=0.5}, but the sweep's spec gives trial 1 {l1.lambda=0.01}");
        assertRefused(edit("spec.json", t -> t.put("spec", "l1(lambda=0.5)")), "trial 1",
                "its spec is 'l1(lambda=0.5)', but the sweep's spec gives trial 1 'l1(lambda=0.01)'");
    }

    private static void assertRefused(Path edited, String... parts) {
        CliRun run = CliRun.of("merge", shard0.toString(), edited.toString());
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.err().contains("'" + edited + "'"), "names the file: " + run.err());
        for (String part : parts) {
            assertTrue(run.err().contains(part), run.err());
        }
    }

    /** Shard 1's file with its trial changed by {@code change}. */
    private static Path edit(String name, Consumer<ObjectNode> change) throws Exception {
        String[] lines = shard1.strip().split("\\R");
        ObjectNode json = (ObjectNode) Json.read(lines[lines.length - 1]);
        JsonNode trials = json.get("trials");
        assertEquals(1, trials.size());
        change.accept((ObjectNode) trials.get(0));
        lines[lines.length - 1] = json.toString();
        return write(name, String.join("\n", lines) + "\n");
    }

    private static Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
