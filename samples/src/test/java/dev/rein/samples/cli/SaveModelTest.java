package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.samples.data.DiskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;

/**
 * {@code rein train --save}: never over an input, checked before any data is read, written through a temporary file
 * beside the target, and a failure to save still shows the results of the training.
 */
class SaveModelTest {
    @TempDir
    Path dir;

    @Test
    void savingOverTheTrainingDataIsRefusedBeforeTrainingAndTheDataIsKept() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 40, 3, 1);
        byte[] before = Files.readAllBytes(train);
        DiskState disk = DiskState.of(dir);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--save", train.toString());
        assertEquals(1, run.exitCode());
        assertEquals("error: --save '" + train + "' is the file given to --data; saving there would replace the data"
                + " with a model. Choose another path, e.g. --save model.tribuo.\n", run.err());
        assertEquals("", run.out(), "nothing trained");
        assertArrayEquals(before, Files.readAllBytes(train));
        assertEquals(disk, DiskState.of(dir));
    }

    @Test
    void theTestAndValidationFilesAreInputsTooEvenSpelledAnotherWay() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 40, 3, 1);
        Path test = TestData.csv(dir.resolve("test.csv"), 20, 3, 2);
        DiskState disk = DiskState.of(dir);
        Path sameTest = dir.resolve("sub/../test.csv");
        CliRun run = CliRun.of("train", "--data", train.toString(), "--test", test.toString(), "--save",
                sameTest.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: --save '" + sameTest + "' is the file given to --test;"), run.err());
        Path validation = TestData.csv(dir.resolve("valid.csv"), 20, 3, 3);
        disk = DiskState.of(dir);
        run = CliRun.of("train", "--data", train.toString(), "--validation", validation.toString(), "--spec",
                "early_stopping", "--save", validation.toString());
        assertTrue(run.err().startsWith("error: --save '" + validation + "' is the file given to --validation;"),
                run.err());
        assertEquals(disk, DiskState.of(dir));
    }

    @Test
    void anUnwritableTargetIsFoundBeforeTheDataIsRead() throws IOException {
        // The data is broken too: the --save problem is reported first, so no time is spent loading.
        Path train = Files.writeString(dir.resolve("train.csv"), "x,label\n1,a\nnan,b\n");
        Path target = train.resolve("model.tribuo");   // a path "inside" a file
        DiskState disk = DiskState.of(dir);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--save", target.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: --save '" + target + "' cannot be written: no folder on its path"
                + " exists or '" + train + "' is a file."), run.err());
        assertEquals(disk, DiskState.of(dir));

        Path folder = Files.createDirectories(dir.resolve("models"));
        run = CliRun.of("train", "--data", train.toString(), "--save", folder.toString());
        assertTrue(run.err().startsWith("error: --save '" + folder + "' is a folder; give a file path inside it"),
                run.err());
    }

    @Test
    void aModeTheOptimiserRefusesIsFoundBeforeTheDataIsRead() throws IOException {
        Path broken = Files.writeString(dir.resolve("train.csv"), "x,label\n1,a\nnan,b\n");
        CliRun run = CliRun.of("train", "--data", broken.toString(), "--optimiser", "pegasos", "--spec", "l2");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: [plan-pegasos-penalty]"), run.err());
    }

    @Test
    void anExistingModelIsReplacedWholeAndNoTemporaryFileStays() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 60, 3, 4);
        Path target = dir.resolve("out").resolve("model.tribuo");
        assertEquals(0, CliRun.of("train", "--data", train.toString(), "--epochs", "1", "--save",
                target.toString()).exitCode());
        byte[] first = Files.readAllBytes(target);
        CliRun again = CliRun.of("train", "--data", train.toString(), "--epochs", "3", "--seed", "2", "--save",
                target.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("saved model     " + target + "\n"), again.out());
        assertFalse(java.util.Arrays.equals(first, Files.readAllBytes(target)), "the new model replaced the old");
        assertEquals("org.tribuo.classification.sgd.linear.LinearSGDModel",
                Model.deserializeFromFile(target).getClass().getName());
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertEquals(java.util.List.of(target), left.toList(), "no temporary file left beside the model");
        }
    }

    @Test
    void aFailedSaveStillPrintsTheResultsAndLeavesNothingBehind() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 60, 3, 5);
        // A name the file system refuses (over 255 bytes): the folder is writable, so the check passes, and the
        // write itself fails, as a full disk would.
        Path target = dir.resolve("m".repeat(300) + ".tribuo");
        DiskState disk = DiskState.of(dir);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--epochs", "2", "--save", target.toString(),
                "--json");
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("train accuracy  "), run.out());
        assertTrue(run.out().contains("epochs run      2 of 2: completed all epochs\n"), run.out());
        assertFalse(run.out().contains("saved model"), run.out());
        assertTrue(run.lastLine().startsWith("{\"spec\":\"none\""), "--json still ends the output: " + run.out());
        assertTrue(run.err().startsWith("error: Could not save the model to '" + target + "': "), run.err());
        assertTrue(run.err().contains("Nothing was written. The results above are from the training that"
                + " finished."), run.err());
        assertEquals(disk, DiskState.of(dir));
    }
}
