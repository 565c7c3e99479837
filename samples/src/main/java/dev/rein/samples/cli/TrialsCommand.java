package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import dev.rein.samples.data.DataFiles;
import dev.rein.samples.data.IdxFolder;
import dev.rein.samples.plot.ChartFolder;
import dev.rein.samples.plot.SweepPlots;
import dev.rein.samples.sweep.DataFingerprint;
import dev.rein.samples.sweep.Shard;
import dev.rein.samples.sweep.Sweep;
import dev.rein.samples.sweep.SweepPlan;
import dev.rein.samples.sweep.SweepReport;
import dev.rein.samples.sweep.SweepTable;
import dev.rein.samples.sweep.Trial;
import dev.rein.samples.sweep.TrialResult;
import dev.rein.samples.sweep.TrialRunner;
import dev.rein.samples.train.Json;
import dev.rein.samples.train.ModelChoice;
import dev.rein.samples.train.TrainingSettings;
import dev.rein.samples.train.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What {@code rein sweep} and {@code rein compare} share: the data, the folds, the model, the training options, and
 * running a plan's trials in parallel into a table and {@code --json}.
 *
 * <pre>{@code
 * final class CompareCommand extends TrialsCommand {
 *     int run(PluginRegistry registry, PrintWriter out) { return runTrials(plan(registry), Shard.ALL, out); }
 * }
 * }</pre>
 *
 * <p>Without {@code --test}, trials are ranked by cross-validation ({@code --folds}, 5 when not given); with
 * {@code --test} and without {@code --folds}, by accuracy on the test data.
 */
abstract class TrialsCommand extends RegistryCommand {
    /** Folds when neither --folds nor --test is given. */
    static final int DEFAULT_FOLDS = 5;

    @Option(names = "--data", required = true, paramLabel = "FILE|DIR",
            description = "Training data (.csv or libsvm), or a folder of the four MNIST-format IDX files (as"
                    + " /usr/share/datasets/fashion-mnist), whose t10k pair is then the test data; IDX pixels are"
                    + " scaled to [0, 1].")
    Path data;

    @Option(names = "--test", paramLabel = "FILE",
            description = "Test data; ranks the trials when --folds is not given.")
    Path test;

    @Option(names = "--folds", paramLabel = "K",
            description = "Rank the trials by K-fold cross-validation (Tribuo's CrossValidation) on --data"
                    + " (default: " + DEFAULT_FOLDS + " without --test).")
    Integer folds;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--threads", paramLabel = "N",
            description = "Trials trained at once (default: the number of cores).")
    Integer threads;

    @Option(names = "--json", description = "End the output with one line of JSON: {\"sweep\": {...}, \"shard\": {...},"
                    + " \"trials\": [...], \"best\": {...}} (the lines before it are the table).")
    boolean json;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Write the charts (PNG and SVG) into DIR: the regularization path or the specs side by"
                    + " side, and the best trial's weights beside unregularized ones.")
    Path plots;

    @Mixin
    TrainingOptions training;

    private ChartFolder plotFolder;
    private ModelChoice model;

    /** The model, once {@link #checkOptions()} has read it. */
    ModelChoice model() {
        return model;
    }

    /** Checks what needs no data: the model, the folds option and the settings. */
    TrainingSettings checkOptions() {
        model = modelOptions.choice();
        if (Files.isDirectory(data) && test != null) {
            throw new UserInputException("--data " + data + " is a folder of IDX files, whose t10k pair is the test"
                    + " data; leave --test out.");
        }
        if (folds != null && folds < 2) {
            throw new UserInputException("--folds is " + folds + "; cross-validation needs at least 2 folds (e.g."
                    + " --folds 5), or leave --folds out and give --test to rank trials on test data.");
        }
        if (threads != null && threads < 1) {
            throw new UserInputException("--threads is " + threads + "; give at least 1.");
        }
        TrainingSettings settings = training.settings(model);
        plotFolder = plots == null ? null : ChartFolder.check(plots, "--plots");
        return settings;
    }

    /**
     * Reads the data, runs the plan's trials of {@code shard} and prints the table and, with {@code --json}, the
     * report; returns the exit code.
     *
     * @param labels the swept axes' labels, for the table (empty: the table shows each trial's spec)
     * @param what   what was swept, for the report ({@code spec} and {@code trial_count} at least)
     */
    int runTrials(SweepPlan plan, List<String> labels, Map<String, Object> what, Shard shard, TrainingSettings settings,
            PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        boolean idx = Files.isDirectory(data);
        IdxFolder.Sets sets = idx ? IdxFolder.load(data, warning -> warn(err, warning)) : readFiles(err);
        MutableDataset<Label> train = sets.train();
        MutableDataset<Label> testData = sets.test();
        int k = folds != null ? folds : testData == null ? DEFAULT_FOLDS : 0;
        if (k > train.size()) {
            String fewer = train.size() < 2 ? " Cross-validation needs at least 2 examples; give --test to rank the"
                    + " trials on test data." : " Use --folds " + train.size() + " or fewer (at least 2), or --test"
                    + " to rank the trials on test data.";
            if (folds == null) {
                throw new UserInputException("Without --folds or --test, trials are ranked by " + k + "-fold"
                        + " cross-validation, but '" + data + "' has only " + train.size() + " example"
                        + (train.size() == 1 ? "" : "s") + ": " + (train.size() < 2 ? "cross-validation needs at"
                        + " least 2; give --test to rank the trials on test data." : "give --folds " + train.size()
                        + " or fewer (at least 2), or --test to rank the trials on test data."));
            }
            throw new UserInputException("--folds " + k + " is more than the " + train.size() + " example"
                    + (train.size() == 1 ? "" : "s") + " of '" + data + "': each fold needs at least one example."
                    + fewer);
        }
        // The smallest part a trial trains on: all of --data, or all but the largest fold (Tribuo's folds differ by
        // at most one example). A stopping rule's validation split makes it smaller still; training checks that.
        int trainedOn = k > 0 ? train.size() - (train.size() + k - 1) / k : train.size();
        if (settings.batchSize() > trainedOn) {
            throw new UserInputException("--batch-size " + settings.batchSize() + " is larger than the " + trainedOn
                    + " examples each trial trains on (" + (k > 0 ? "the " + train.size() + " of '" + data
                    + "' less the largest of " + k + " folds" : "'" + data + "'") + "): every mini-batch would be a"
                    + " partial one. Use --batch-size " + trainedOn + " or less" + (k > 0 ? ", or fewer folds." : "."));
        }
        List<Trial> mine = plan.trials().stream().filter(t -> shard.includes(t.index())).toList();
        int parallel = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        int used = Math.min(parallel, Math.max(1, mine.size()));
        out.printf("%d trial%s%s, ranked by %s, %d thread%s; %s, %d epoch%s, seed %d%n", mine.size(),
                mine.size() == 1 ? "" : "s", shard.count() > 1 ? " (shard " + shard + " of " + plan.trials().size()
                + ")" : "", k > 0 ? k + "-fold cross-validated accuracy on " + data.getFileName() + " (" + train.size()
                + " examples)" : "accuracy on " + (idx ? "the t10k images" : test.getFileName()) + " (" + testData.size() + " examples)",
                used, used == 1 ? "" : "s", settings.optimiser().cliName(), settings.epochs(),
                settings.epochs() == 1 ? "" : "s", settings.seed());
        out.flush();
        TrialRunner runner = new TrialRunner(model, train, testData, settings, k);
        List<TrialResult> results;
        long trialsStart = System.nanoTime();
        try (ProgressBar bar = ProgressBar.forTerminal(err, "trials")) {
            results = Sweep.run(mine, runner::run, parallel, done -> {
                synchronized (bar) {
                    bar.update(done / (double) mine.size());
                }
            });
        }
        double trialsSeconds = (System.nanoTime() - trialsStart) / 1e9;
        SweepTable.print(out, labels, results);
        out.printf("trials took %.2f s (wall clock, %d thread%s)%n", trialsSeconds, used, used == 1 ? "" : "s");
        Map<String, Object> identity = new LinkedHashMap<>(what);
        identity.put("data_sha256", DataFingerprint.of(data));
        identity.put("test_sha256", test == null ? null : DataFingerprint.of(test));
        identity.put("folds", k);
        identity.putAll(model.describe());
        identity.put("seed", settings.seed());
        identity.put("optimiser", settings.optimiser().cliName());
        identity.put("learning_rate", settings.learningRate());
        identity.put("lr_schedule", settings.rateSchedule());
        identity.put("epochs", settings.epochs());
        identity.put("batch_size", settings.batchSize());
        identity.put("validation_split", settings.validationSplit());
        identity.put("label_column", training.labelColumn);
        SweepReport report = new SweepReport(identity, shard, results);
        if (plotFolder != null) {
            Regularization best = report.best().map(b -> plan.trials().get(b.index()).regularization()).orElse(null);
            SweepPlots.write(plotFolder, labels, results, best, model, train, settings)
                    .forEach(file -> out.printf("plot: %s%n", file));
        }
        if (json) {
            out.println(Json.object(report.toJson()));
        }
        if (!results.isEmpty() && results.stream().allMatch(r -> r.error() != null)) {
            // A scheduler should see a sweep that produced nothing as failed, not as done.
            throw new UserInputException("All " + results.size() + " trials failed (the table says why); the first: "
                    + results.get(0).error());
        }
        return 0;
    }

    /** The training data and the test data ({@code null} without {@code --test}) from files. */
    private IdxFolder.Sets readFiles(PrintWriter err) {
        DataFiles.checkReadable(data, "--data");
        if (test != null) {
            DataFiles.checkReadable(test, "--test");
        }
        DataFiles files = new DataFiles(training.labelColumn, warning -> warn(err, warning));
        return new IdxFolder.Sets(files.loadTraining(data, f -> { }),
                test == null ? null : files.loadHeldOut(test, "--test", f -> { }));
    }

    /** The environment {@code --shard auto} reads; tests replace it. */
    Map<String, String> environment() {
        return System.getenv();
    }

    @Override
    abstract int run(PluginRegistry registry, PrintWriter out);
}
