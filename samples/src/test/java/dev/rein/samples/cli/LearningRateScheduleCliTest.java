package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rein.samples.train.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --lr-schedule}: the network's schedule from the command line, refused where it cannot apply. */
class LearningRateScheduleCliTest {
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
    void theNetworkTrainsWithAScheduleAndSaysWhich() {
        CliRun run = CliRun.of("train", "--model", "mlp", "--layers", "4", "--data", train, "--test", test,
                "--epochs", "2", "--batch-size", "16", "--lr-schedule", "cosine(min=0.1)");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("(learning rate 0.001 on the mean gradient, schedule cosine(min=0.1)), batch"
                + " size 16"), run.out());
    }

    @Test
    void aSweepRecordsTheSchedule() {
        CliRun run = CliRun.of("sweep", "--model", "mlp", "--layers", "4", "--data", train, "--test", test,
                "--epochs", "2", "--batch-size", "16", "--spec", "l2(lambda=[0.1, 0.2])", "--lr-schedule", "step(every=1, gamma=0.5)",
                "--json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = Json.read(run.lastLine());
        assertEquals("step(every=1,gamma=0.5)", json.get("sweep").get("lr_schedule").asText());
    }

    @Test
    void theLinearModelAndBadTextAreRefused() {
        CliRun linear = CliRun.of("train", "--data", train, "--lr-schedule", "cosine");
        assertEquals(1, linear.exitCode());
        assertTrue(linear.err().contains("--lr-schedule schedules the network's optimiser and goes only with --model"
                + " mlp"), linear.err());
        CliRun bad = CliRun.of("train", "--model", "mlp", "--data", train, "--lr-schedule", "wobble");
        assertEquals(1, bad.exitCode());
        assertTrue(bad.err().contains("--lr-schedule: [optim-rate-schedule] learning-rate schedule 'wobble': unknown"
                + " schedule 'wobble'"), bad.err());
        CliRun adadelta = CliRun.of("train", "--model", "mlp", "--data", train, "--batch-size", "16", "--optimiser",
                "adadelta", "--lr-schedule", "cosine");
        assertEquals(1, adadelta.exitCode());
        assertTrue(adadelta.err().contains("[network-rate-schedule]"), adadelta.err());
        // l1 under AdaGrad runs in mode=cumulative by default: the message names that, and the way out
        CliRun cumulative = CliRun.of("train", "--model", "mlp", "--data", train, "--batch-size", "16",
                "--optimiser", "adagrad", "--spec", "l1(lambda=1e-3)", "--lr-schedule", "cosine");
        assertEquals(1, cumulative.exitCode());
        assertTrue(cumulative.err().contains("mode=cumulative") && cumulative.err().contains("mode=proximal"),
                cumulative.err());
        CliRun proximal = CliRun.of("train", "--model", "mlp", "--layers", "4", "--data", train, "--epochs", "1",
                "--batch-size", "16", "--optimiser", "adagrad", "--spec", "l1(lambda=1e-3, mode=proximal)",
                "--lr-schedule", "cosine");
        assertEquals(0, proximal.exitCode(), proximal.err());
    }
}
