package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.registry.TestPluginJars;
import dev.rein.runtime.tribuo.trainer.TribuoOnlyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

class ReinCliTest {
    @TempDir
    Path dir;

    @Test
    void listShowsEveryBuiltInWithItsKindAndSource() {
        CliRun run = CliRun.of("list");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().matches("(?s).*\\nl1 +penalty +built-in +Lasso.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\nmax_norm +constraint +built-in +Caps.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\nearly_stopping +stopping_rule +built-in +Stops.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\ndropout +activation +built-in +Zeroes.*"), run.out());
        assertTrue(run.out().matches("(?s).*\\nbatch_norm +normalization +built-in +Normalizes.*"), run.out());
        assertEquals(10, run.out().strip().split("\\R").length, run.out());  // header + 9 built-ins
    }

    @Test
    void listWithABrokenJarWarnsListsTheRestAndSucceeds() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path broken = TestPluginJars.randomBytes(plugins.resolve("broken.jar"), 64);
        TestPluginJars.goodJar(plugins.resolve("good.jar"), "com.example.GoodProvider", "good_penalty");
        CliRun run = CliRun.of("list", "--plugins", plugins.toString());
        assertEquals(0, run.exitCode());
        assertTrue(run.err().startsWith("warning: [plugin-jar-unreadable] " + broken), run.err());
        assertTrue(run.out().matches("(?s).*\\ngood_penalty +penalty +" + java.util.regex.Pattern.quote(
                plugins.resolve("good.jar").toString()) + ".*"), run.out());
        assertTrue(run.out().contains("l2 "), run.out());
    }

    @Test
    void describeShowsParametersWithDefaultsAndBounds() {
        CliRun run = CliRun.of("describe", "ridge");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("l2 (penalty, built-in)\n"), run.out());
        assertTrue(run.out().matches("(?s).*lambda +double +default 1e-4 +a number >= 0 +Strength.*"), run.out());
    }

    @Test
    void describeSaysWhatModeAutoChoosesUnderEachOptimiserAndWhy() {
        CliRun run = CliRun.of("describe", "l1");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\n  mode=auto under each optimiser of rein train (--optimiser NAME), and why:\n"),
                run.out());
        assertTrue(run.out().contains("\n    adagrad           cumulative penalty on weights (AdaGrad's FTRL-Proximal"
                + " form"), run.out());
        assertTrue(run.out().contains("\n    ftrl              proximal penalty on weights (FTRL applies it in its"
                + " closed form)\n"), run.out());
        assertTrue(run.out().contains("\n    pegasos           refused: [plan-pegasos-penalty]\n"), run.out());
        CliRun constraint = CliRun.of("describe", "max_norm");
        assertTrue(!constraint.out().contains("mode=auto"), "a constraint has no mode: " + constraint.out());
    }

    @Test
    void unknownNameSuggestsTheNearestAndFails() {
        CliRun run = CliRun.of("describe", "l3");
        assertEquals(1, run.exitCode());
        assertEquals("error: No regularizer is called 'l3'. Did you mean l1, l2? 'rein list' shows every one; a plugin"
                + " jar must be in a folder given with --plugins.\n", run.err());
    }

    @Test
    void checkPassesForABuiltInAndFailsForAWrongGradient() throws IOException {
        CliRun good = CliRun.of("check", "elastic_net");
        assertEquals(0, good.exitCode(), good.out());
        assertTrue(good.out().contains("PASS  gradient matches finite differences"), good.out());
        assertTrue(good.out().endsWith("elastic_net: all checks passed\n"), good.out());

        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        TestPluginJars.jar(plugins.resolve("wrong.jar"))
                .source("com.example.WrongProvider", TestPluginJars.provider("com.example.WrongProvider")
                        .named("wrong_gradient").gradient("2 * lambda * w").code())
                .services("com.example.WrongProvider")
                .build();
        CliRun bad = CliRun.of("check", "wrong_gradient", "--plugins", plugins.toString());
        assertEquals(1, bad.exitCode(), bad.out());
        assertTrue(bad.out().contains("FAIL  [check-gradient] gradient matches finite differences"), bad.out());
        assertTrue(bad.out().endsWith("wrong_gradient: CHECKS FAILED\n"), bad.out());
    }

    @Test
    void trainPrintsResultsAndOneJsonObjectLast() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 120, 6, 1);
        Path test = TestData.csv(dir.resolve("test.csv"), 80, 6, 2);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--test", test.toString(),
                "--spec", "l2(lambda=1e-3) + max_norm(c=2)", "--epochs", "5", "--json");
        assertEquals(0, run.exitCode(), run.err());
        String json = run.lastLine();
        for (String key : new String[] {"train_accuracy", "test_accuracy", "penalty", "weight_norm", "zero_weights",
                "total_weights", "train_seconds", "epochs", "spec"}) {
            assertTrue(json.contains("\"" + key + "\":"), key + " missing in " + json);
        }
        assertTrue(json.contains("\"spec\":\"l2(lambda=0.001) + max_norm(c=2.0)\""), json);
        // AdaGrad, the default: auto takes l2's proximal step in AdaGrad's metric, each weight at its own step size
        assertTrue(json.contains("\"modes\":\"l2=proximal\""), json);
        assertTrue(run.out().contains("penalty modes   l2=proximal\n"), run.out());
        assertTrue(json.contains("\"epochs\":5"), json);
        assertTrue(json.contains("\"total_weights\":12"), json);   // 2 labels x 6 features, biases excluded
        assertTrue(number(json, "test_accuracy") > 0.85, json);    // x0 - x1 is linearly separable
        assertTrue(number(json, "weight_norm") <= 2 * Math.sqrt(2) + 1e-9, json);   // two rows of norm <= 2
        assertTrue(run.out().contains("test accuracy   "), run.out());
    }

    @Test
    void trainWithoutTestHasNullTestAccuracyAndSavesAPlainTribuoModel() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 60, 3, 3);
        Path saved = dir.resolve("out/model.tribuo");
        CliRun run = CliRun.of("train", "--data", train.toString(), "--spec", "none", "--save", saved.toString(),
                "--json", "--epochs", "2");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.lastLine().contains("\"test_accuracy\":null"), run.lastLine());
        assertTrue(run.lastLine().contains("\"penalty\":0.0"), run.lastLine());
        Model<?> model = Model.deserializeFromFile(saved);
        assertEquals("org.tribuo.classification.sgd.linear.LinearSGDModel", model.getClass().getName());
    }

    @Test
    void aModelSavedByReinTrainLoadsAndPredictsInAProgramWithOnlyTribuo() throws Exception {
        Path train = TestData.csv(dir.resolve("train.csv"), 150, 4, 8);
        Path saved = dir.resolve("model.tribuo");
        CliRun run = CliRun.of("train", "--data", train.toString(), "--optimiser", "sgd", "--epochs", "20",
                "--spec", "l1(lambda=1e-3) + early_stopping(patience=2)", "--save", saved.toString());
        assertEquals(0, run.exitCode(), run.err());
        String[] names = {"x0", "x1", "x2", "x3"};
        double[] values = {0.8, -0.4, 0.1, 0.3};
        Model<?> here = Model.deserializeFromFile(saved);
        @SuppressWarnings("unchecked")
        Prediction<Label> expected = ((Model<Label>) here).predict(
                new ArrayExample<>(new Label("UNKNOWN"), names, values));
        try (TribuoOnlyLoader tribuo = new TribuoOnlyLoader()) {
            TribuoOnlyLoader.LabelPrediction there = tribuo.predictLabel(saved, names, values);
            assertEquals("pos", there.label());   // x0 - x1 > 0
            assertEquals(expected.getOutput().getScore(), there.score(), 0.0);
            assertEquals("l1=proximal", TribuoOnlyLoader.runProvenance(tribuo.loadModel(saved), "rein.modes"));
        }
    }

    @Test
    void aWrongSpecIsOneParagraphWithTheColumnAndNoStackTrace() throws IOException {
        Path train = TestData.csv(dir.resolve("train.csv"), 20, 2, 4);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--spec", "l2(lamda=1)");
        assertEquals(1, run.exitCode());
        assertEquals("error: [spec-unknown-parameter] Spec error at column 4: l2 has no parameter 'lamda'; did you"
                + " mean lambda? l2 takes: lambda, on, mode\n  l2(lamda=1)\n     ^\n", run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void aMissingDataFileIsReportedWithoutAStackTrace() {
        CliRun run = CliRun.of("train", "--data", dir.resolve("missing.csv").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: " + dir.resolve("missing.csv") + ": the file given to --data does not"
                + " exist."), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void verboseAddsTheStackTrace() {
        CliRun run = CliRun.of("train", "--verbose", "--data", dir.resolve("missing.csv").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("\tat dev.rein.samples.data.DataFiles"), run.err());
    }

    @Test
    void aWrongOptionPrintsUsageAndExitsTwo() {
        CliRun run = CliRun.of("train", "--epochs", "many", "--data", "x.csv");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Invalid value for option '--epochs'"), run.err());
    }

    private static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + key + "\":([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), key + " in " + json);
        return Double.parseDouble(m.group(1));
    }
}
