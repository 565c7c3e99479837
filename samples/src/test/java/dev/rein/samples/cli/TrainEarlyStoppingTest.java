package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;

/** {@code rein train} with early stopping: --validation, --validation-split, best_epoch and stop_reason. */
class TrainEarlyStoppingTest {
    @TempDir
    Path dir;

    private static int integer(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":(-?\\d+)").matcher(json);
        assertTrue(m.find(), key + " missing in " + json);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void earlyStoppingEndsTheRunAndTheOutputSaysWhenAndWhy() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 200, 4, 1);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--spec",
                "l2(lambda=1e-3) + early_stopping(patience=2, metric=accuracy)", "--epochs", "50", "--json");
        assertEquals(0, run.exitCode(), run.err());
        String json = run.lastLine();
        int epochs = integer(json, "epochs");
        int best = integer(json, "best_epoch");
        // x0 - x1 is separable: validation accuracy stops rising long before 50 epochs.
        assertTrue(epochs < 50, json);
        assertEquals(best + 2, epochs, json);
        assertTrue(json.contains("\"stop_reason\":\"no improvement in 2 epochs since epoch " + best
                + " (best accuracy "), json);
        assertTrue(run.out().contains("epochs run      " + epochs + " of 50: no improvement in 2 epochs since epoch "
                + best), run.out());
        assertTrue(run.out().contains("best epoch      " + best + " (the model keeps its weights)\n"), run.out());
    }

    @Test
    void withoutAStoppingRuleEveryEpochRunsAndBestEpochIsNull() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 60, 3, 2);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--spec", "l2(lambda=1e-3)", "--epochs", "3",
                "--json");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().endsWith("\"epochs\":3,\"best_epoch\":null,\"stop_reason\":\"completed all"
                + " epochs\",\"train_examples\":60,\"held_out_examples\":0}"), run.lastLine());
        assertTrue(run.out().contains("epochs run      3 of 3: completed all epochs\n"), run.out());
        assertTrue(!run.out().contains("best epoch"), run.out());
    }

    @Test
    void aValidationFileIsUsedInsteadOfASplitAndRecordedInTheSavedModel() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 100, 3, 3);
        Path validation = TestData.csv(dir.resolve("valid.csv"), 37, 3, 4);
        Path saved = dir.resolve("model.tribuo");
        CliRun run = CliRun.of("train", "--data", train.toString(), "--validation", validation.toString(),
                "--spec", "early_stopping(patience=3)", "--epochs", "6", "--save", saved.toString());
        assertEquals(0, run.exitCode(), run.err());
        TrainingOutcome outcome = TrainingOutcome.of(Model.deserializeFromFile(saved)).orElseThrow();
        assertEquals("37 examples of a separate validation dataset", outcome.validation());
        assertEquals("loss", outcome.metric().orElseThrow());
        assertEquals("early_stopping(patience=3, min_delta=0.0, metric=loss, restore_best=true)", outcome.spec());
    }

    @Test
    void theValidationSplitOptionSetsTheHeldOutShare() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 100, 3, 5);
        Path saved = dir.resolve("model.tribuo");
        CliRun run = CliRun.of("train", "--data", train.toString(), "--validation-split", "0.25", "--spec",
                "early_stopping", "--epochs", "2", "--seed", "9", "--save", saved.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("25 examples (0.25) split from the 100 training examples with seed 9",
                TrainingOutcome.of(Model.deserializeFromFile(saved)).orElseThrow().validation());
    }

    @Test
    void theSameSeedGivesTheSameResults() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 150, 4, 6);
        String[] args = {"train", "--data", train.toString(), "--spec",
                "l1(lambda=1e-4) + early_stopping(patience=2)", "--epochs", "30", "--json"};
        String first = CliRun.of(args).lastLine().replaceAll("\"train_seconds\":[^,]*,", "");
        String second = CliRun.of(args).lastLine().replaceAll("\"train_seconds\":[^,]*,", "");
        assertEquals(first, second);
    }

    @Test
    void aValidationSplitOutOfRangeIsRefused() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 20, 2, 7);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--validation-split", "1");
        assertEquals(1, run.exitCode());
        assertEquals("error: --validation-split is 1.0; it must lie strictly between 0 and 1, e.g. 0.1 to hold out a"
                + " tenth of the training data.\n", run.err());
    }

    @Test
    void aMetricThatDoesNotFitAClassifierIsRefusedBeforeTraining() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 20, 2, 8);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--spec", "early_stopping(metric=rmse)");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: [trainer-metric-wrong-task] RegularizedLinearClassificationTrainer:"
                + " Stopping rule 'early_stopping' asks for the validation metric 'rmse'"), run.err());
        assertTrue(run.err().endsWith("use one of: accuracy, loss\n"), run.err());
    }

    @Test
    void aMissingValidationFileNamesTheOption() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 20, 2, 9);
        Path missing = dir.resolve("nope.csv");
        CliRun run = CliRun.of("train", "--data", train.toString(), "--validation", missing.toString());
        assertEquals(1, run.exitCode());
        assertEquals("error: " + missing + ": the file given to --validation does not exist. Give a CSV file (named"
                + " *.csv, with a header row) or a libsvm file (label index:value index:value ..., e.g. '1 3:0.5"
                + " 12:1').\n", run.err());
    }
}
