package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.tribuo.trainer.ValidationSplit;
import dev.rein.samples.data.DataFiles;
import dev.rein.samples.data.DiskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** {@code rein train} with data that is wrong, odd or partly held out: what it refuses, warns about and reports. */
class TrainDataTest {
    @TempDir
    Path dir;

    @Test
    void aBadCellIsOneLineWithFileLineAndColumnAndNothingIsWritten() throws IOException {
        Path train = Files.writeString(dir.resolve("train.csv"), "x0,x1,label\n1,2,a\n3,oops,b\n");
        DiskState disk = DiskState.of(dir);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--save", dir.resolve("m.tribuo").toString());
        assertEquals(1, run.exitCode());
        assertEquals("error: " + train + ", line 3, column 3 (column 'x1'): 'oops' is not a number; every column but"
                + " the label holds finite numbers such as 0.5, -3 or 1e-4.\n", run.err());
        assertEquals("", run.out());
        assertEquals(disk, DiskState.of(dir), "no model was saved");
    }

    @Test
    void aTestLabelTheTrainingDataLacksNamesTheFileTheLineAndTheLabel() throws IOException {
        Path train = Files.writeString(dir.resolve("train.libsvm"), "0 1:1\n1 2:1\n0 1:2\n");
        Path test = Files.writeString(dir.resolve("test.libsvm"), "0 1:1\n7 2:1\n");
        CliRun run = CliRun.of("train", "--data", train.toString(), "--test", test.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: " + test + ", line 2, column 1 (label '7'): the training data ("
                + train + ") has no example of this label; its labels are 0, 1."), run.err());
    }

    @Test
    void unseenTestFeaturesAndASingleLabelAreWarnedAboutAndTrainingGoesOn() throws IOException {
        Path train = Files.writeString(dir.resolve("train.libsvm"), "1 1:1\n1 2:1\n1 1:2\n");
        Path test = Files.writeString(dir.resolve("test.libsvm"), "1 1:1 5:1\n");
        CliRun run = CliRun.of("train", "--data", train.toString(), "--test", test.toString(), "--epochs", "1");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("warning: " + train + " (--data) holds a single label, '1', so the model will predict '1' for"
                + " every example. Add examples of the other labels to learn to tell them apart.\n"
                + "warning: " + test + " (--test): 1 feature never seen in the training data (5) occurs in 1 of its 1"
                + " examples; the model has no weight for it and ignores it.\n", run.err());
        assertTrue(run.out().contains("test accuracy   1.0000  (1 examples)"), run.out());
    }

    @Test
    void aHeldOutSplitIsReportedAndTrainAccuracyIsMeasuredOnTheExamplesTrainedOn() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 100, 3, 12);
        Path saved = dir.resolve("model.tribuo");
        CliRun run = CliRun.of("train", "--data", train.toString(), "--spec", "early_stopping(patience=2)",
                "--validation-split", "0.25", "--epochs", "4", "--seed", "3", "--save", saved.toString(), "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("(75 examples trained on)\n"), run.out());
        assertTrue(run.out().contains("validation      25 of the 100 examples of --data held out"
                + " (--validation-split 0.25, seed 3)\n"), run.out());
        assertTrue(run.lastLine().contains("\"train_examples\":75,\"held_out_examples\":25"), run.lastLine());

        // The accuracy printed is the saved model's on exactly the 75 examples the trainer kept.
        MutableDataset<Label> all = new DataFiles("label").loadTraining(train);
        List<Example<Label>> examples = new ArrayList<>();
        all.forEach(examples::add);
        List<Example<Label>> kept = ValidationSplit.of(examples, 0.25, 3L).training();
        @SuppressWarnings("unchecked")
        Model<Label> model = (Model<Label>) Model.deserializeFromFile(saved);
        long right = kept.stream().filter(e -> model.predict(e).getOutput().equals(e.getOutput())).count();
        assertTrue(run.out().contains(String.format(java.util.Locale.ROOT, "train accuracy  %.4f  (75 examples",
                right / 75.0)), run.out() + " expected " + right + "/75");
    }

    @Test
    void tribuosOwnWarningsAppearOnlyWithVerbose() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 20, 2, 13);
        CliRun.of("train", "--data", train.toString(), "--epochs", "1");
        assertFalse(Logger.getLogger("org.tribuo.common.sgd").isLoggable(Level.WARNING));
        assertFalse(Logger.getLogger("com.oracle.labs.mlrg.olcut.config").isLoggable(Level.WARNING));
        assertTrue(Logger.getLogger("org.tribuo.common.sgd").isLoggable(Level.SEVERE));
        CliRun.of("train", "--data", train.toString(), "--epochs", "1", "--verbose");
        assertTrue(Logger.getLogger("org.tribuo.common.sgd").isLoggable(Level.WARNING));
        CliRun.of("list");
        assertFalse(Logger.getLogger("org.tribuo.common.sgd").isLoggable(Level.WARNING));
    }
}
