package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.samples.data.DiskState;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mini-batch larger than the training data would make every step a partial batch, whose penalty share Rein
 * scales as for a full one: refused with the number to use, nothing written.
 */
class BatchSizeTest {
    @TempDir
    Path dir;

    @Test
    void aBatchLargerThanTheDataIsRefusedWithTheLargestThatWorks() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 40, 3, 5);
        DiskState disk = DiskState.of(dir);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--spec", "l2(lambda=0.1)", "--optimiser", "sgd",
                "--batch-size", "1000", "--save", dir.resolve("model.tribuo").toString());
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("--batch-size 1000 is larger than the 40 training examples")
                && run.err().contains("Use --batch-size 40 or less."), run.err());
        assertEquals(disk, DiskState.of(dir), "no model written");

        CliRun fits = CliRun.of("train", "--data", train.toString(), "--spec", "l2(lambda=0.1)", "--optimiser", "sgd",
                "--batch-size", "40");
        assertEquals(0, fits.exitCode(), fits.err());
    }

    @Test
    void aBatchLargerThanWhatRemainsAfterTheValidationSplitIsRefusedToo() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 40, 3, 5);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--optimiser", "sgd", "--batch-size", "39",
                "--spec", "l2(lambda=0.1) + early_stopping(patience=2)", "--validation-split", "0.5");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("error: [trainer-batch-larger-than-data]")
                && run.err().contains("The mini-batch size 39 is larger than the 20 examples trained on (20 more are"
                        + " held out for validation)") && run.err().contains("Use a mini-batch size of 20 or less"),
                run.err());
        assertTrue(!run.err().contains("\tat "), "no stack trace: " + run.err());
    }
}
