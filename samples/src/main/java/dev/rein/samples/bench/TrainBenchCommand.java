package dev.rein.samples.bench;

import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecBinder;
import dev.rein.samples.data.DataFiles;
import dev.rein.samples.train.OptimiserChoice;
import dev.rein.samples.train.TrainingJob;
import dev.rein.samples.train.TrainingResult;
import dev.rein.samples.train.TrainingSettings;
import dev.rein.samples.train.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench train}: loads the data once, then trains each spec through {@link TrainingJob} (exactly what
 * {@code rein train} runs) after warm-up runs, {@code --reps} times, and writes one JSON line per spec with the
 * median training time and the last run's accuracy and non-zero weights.
 *
 * <p>A run that passes {@code --budget} seconds is stopped; its line then says {@code "status":"over_budget"} and
 * gives the time extrapolated from the share of steps done instead of a median.
 */
@Command(name = "train", description = "Time Rein's training of each spec on one data set.")
final class TrainBenchCommand implements Callable<Integer> {
    @Option(names = "--task", required = true, description = "A name for the data set in the results.")
    String task;

    @Option(names = "--train", required = true, description = "Training data (libsvm).")
    Path trainFile;

    @Option(names = "--test", required = true, description = "Test data (libsvm).")
    Path testFile;

    @Option(names = "--spec", required = true, description = "A spec to time; repeat for several, none first.")
    List<String> specs;

    @Option(names = "--reps", defaultValue = "5", description = "Timed runs per spec (default ${DEFAULT-VALUE}).")
    int reps;

    @Option(names = "--warmup", defaultValue = "1", description = "Untimed runs first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--epochs", defaultValue = "5", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--optimiser", defaultValue = "sgd-sqrt-decay", description = "As rein train's.")
    String optimiser;

    @Option(names = "--learning-rate", description = "Learning rate (default: the optimiser's, as rein train's).")
    Double learningRate;

    @Option(names = "--batch-size", defaultValue = "1", description = "Mini-batch size.")
    int batchSize;

    @Option(names = "--seed", defaultValue = "1", description = "Seed.")
    long seed;

    @Option(names = "--budget", defaultValue = "0",
            description = "Seconds a single run may take before it is stopped and extrapolated (0: no limit).")
    double budget;

    @Option(names = "--export-weights", description = "Folder for each spec's binary weights (two-label data).")
    Path exportDir;

    @Option(names = "--positive", defaultValue = "1", description = "Positive label for --export-weights.")
    String positive;

    @Option(names = "--negative", defaultValue = "-1", description = "Negative label for --export-weights.")
    String negative;

    @Option(names = "--out", description = "Append the JSON lines to this file.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = spec.commandLine().getOut();
        OptimiserChoice choice = OptimiserChoice.parse(optimiser);
        TrainingSettings settings = new TrainingSettings(epochs, seed, choice,
                learningRate == null ? choice.defaultLearningRate() : learningRate, batchSize);
        long loadStart = System.nanoTime();
        DataFiles files = new DataFiles("label");
        MutableDataset<Label> train = files.loadTraining(trainFile);
        MutableDataset<Label> test = files.loadHeldOut(testFile, "--test");
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        console.printf(Locale.ROOT, "[%s] loaded %d + %d examples, %d features in %.1f s%n", task, train.size(),
                test.size(), train.getFeatureMap().size(), loadSeconds);
        try (PluginRegistry registry = PluginRegistry.standard(List.of())) {
            for (String text : specs) {
                Regularization regularization = SpecBinder.bind(text, registry);
                Map<String, Object> line = measure(regularization, train, test, settings, console);
                line.put("train_examples", train.size());
                line.put("test_examples", test.size());
                line.put("features", train.getFeatureMap().size());
                BenchCli.appendLine(out, dev.rein.samples.train.Json.object(line), console);
            }
        }
        return 0;
    }

    private Map<String, Object> measure(Regularization regularization, MutableDataset<Label> train,
            MutableDataset<Label> test, TrainingSettings settings, PrintWriter console) throws Exception {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("task", task);
        line.put("tool", "rein");
        line.put("spec", regularization.toSpec());
        line.put("optimiser", settings.optimiser().cliName());
        line.put("learning_rate", settings.learningRate());
        line.put("batch_size", settings.batchSize());
        line.put("epochs", settings.epochs());
        List<Double> times = new ArrayList<>();
        TrainingResult last = null;
        try {
            for (int i = 0; i < warmup; i++) {
                last = TrainingJob.run(train, test, regularization, settings, RunBudget.start(budget));
            }
            for (int i = 0; i < reps; i++) {
                last = TrainingJob.run(train, test, regularization, settings, RunBudget.start(budget));
                times.add(last.trainSeconds());
                console.printf(Locale.ROOT, "[%s] %s run %d: %.3f s%n", task, regularization.toSpec(), i + 1,
                        last.trainSeconds());
                console.flush();
            }
        } catch (UserInputException e) {
            // One cell of an optimiser × mode table that Rein refuses (the trainer repeats the plan's refusal with
            // its tag): recorded, and the next spec runs.
            Optional<String> tag = ReinMessage.tagOf(e).filter(t -> t.startsWith("plan-"));
            if (tag.isEmpty()) {
                throw e;
            }
            console.printf(Locale.ROOT, "[%s] %s refused: %s%n", task, regularization.toSpec(), e.getMessage());
            line.put("status", "refused");
            line.put("tag", tag.get());
            return line;
        } catch (RunBudget.Exceeded e) {
            console.printf(Locale.ROOT, "[%s] %s %s%n", task, regularization.toSpec(), e.getMessage());
            line.put("status", "over_budget");
            line.put("budget_seconds", budget);
            line.put("fraction_done", e.fractionDone());
            line.put("extrapolated_seconds", e.extrapolatedSeconds());
            line.put("times", join(times));
            if (!times.isEmpty()) {
                line.put("median_seconds", Median.of(times.stream().mapToDouble(Double::doubleValue).toArray()));
            }
            return line;
        }
        line.put("status", "ok");
        line.put("modes", last.modes());
        line.put("times", join(times));
        line.put("median_seconds", Median.of(times.stream().mapToDouble(Double::doubleValue).toArray()));
        line.put("train_accuracy", last.trainAccuracy());
        line.put("test_accuracy", last.testAccuracy().orElse(Double.NaN));
        line.put("nonzero_weights", last.totalWeights() - last.zeroWeights());
        line.put("total_weights", last.totalWeights());
        if (exportDir != null) {
            Files.createDirectories(exportDir);
            Path file = exportDir.resolve(task + "-" + slug(regularization.toSpec()) + ".weights");
            LinearWeights.fromTribuo((LinearSGDModel) last.model(), positive, negative).write(file);
            line.put("weights_file", file.toString());
        }
        return line;
    }

    private static String join(List<Double> times) {
        return times.stream().map(t -> String.format(Locale.ROOT, "%.4f", t)).collect(Collectors.joining(" "));
    }

    /** {@code "l2(lambda=1.0E-4)"} becomes {@code "l2_lambda_1.0E-4"}: a file name. */
    static String slug(String spec) {
        return spec.replaceAll("[^A-Za-z0-9.+-]+", "_").replaceAll("^_+|_+$", "");
    }
}
