package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecBinder;
import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import dev.rein.runtime.network.FeedForwardModel;
import dev.rein.samples.data.DataFiles;
import dev.rein.samples.plot.ChartFolder;
import dev.rein.samples.plot.LearningCurveChart;
import dev.rein.samples.plot.TrainPlots;
import dev.rein.samples.data.IdxFolder;
import dev.rein.samples.data.LabelNoise;
import dev.rein.samples.train.Json;
import dev.rein.samples.train.ModelFile;
import dev.rein.samples.train.NetworkTrainingJob;
import dev.rein.samples.train.ModelChoice;
import dev.rein.samples.train.TrainingJob;
import dev.rein.samples.train.TrainingResult;
import dev.rein.samples.train.TrainingSettings;
import dev.rein.samples.train.UserInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleConsumer;
import java.util.function.Function;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rein train}: trains Tribuo's linear SGD classifier with a spec and reports accuracy, penalty, weight
 * norm, exact zeros, time, the epochs run and why training stopped.
 *
 * <pre>{@code
 * rein train --data train.libsvm --test test.libsvm --spec "l1(lambda=1e-5) + max_norm(c=3)" \
 *            --optimiser sgd --learning-rate 0.05 --epochs 20 --save model.tribuo --json
 * rein train --data train.csv --spec "l2(lambda=1e-4) + early_stopping(patience=3, metric=accuracy)" \
 *            --epochs 100 --validation valid.csv          # or --validation-split 0.2 (default 0.1)
 * }</pre>
 *
 * <p>With a stopping rule in the spec, {@code --epochs} is the most the run may take; the output (and
 * {@code --json}'s {@code epochs}, {@code best_epoch}, {@code stop_reason}) says how many ran, the best validation
 * epoch and why training stopped. Without one, {@code best_epoch} is {@code null} and {@code stop_reason} is
 * {@code "completed all epochs"}; {@code --validation} and {@code --validation-split} are then not used.
 *
 * <p>The format follows the file name: {@code .csv} is CSV (label column {@code --label-column}, default
 * {@code label}), anything else libsvm; both are read strictly ({@link DataFiles}). Everything that can be checked
 * without the data (options, spec, optimiser, {@code --save}) is checked before any file is read. {@code --save}
 * never overwrites an input and replaces the target in one step; if saving fails, the results are printed anyway.
 * {@code --learning-rate} is the step on the mean gradient of a mini-batch, whatever {@code --batch-size} is.
 *
 * <p>{@code --model mlp} trains Rein's feed-forward network instead ({@code --layers 256,128}, {@code --activation};
 * Adam at 0.001 with mini-batches of 128 unless told otherwise), prints a line per epoch (training loss, the
 * validation metric of a stopping rule, time) and reports the same fields. {@code --data} may also be a folder of the
 * four MNIST-format IDX files (as {@code /usr/share/datasets/fashion-mnist}), whose {@code t10k} pair is then the
 * test set; pixels are scaled to [0, 1].
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train Tribuo's linear SGD classifier (or, with --model mlp, Rein's feed-forward network) with a"
                + " regularization spec.")
final class TrainCommand extends RegistryCommand {
    @Option(names = "--data", required = true, paramLabel = "FILE|DIR",
            description = "Training data (.csv or libsvm), or a folder of the four MNIST-format IDX files"
                    + " (train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte,"
                    + " gzipped or not), whose t10k pair is the test set; IDX pixels are scaled to [0, 1].")
    Path data;

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    TrainingOptions training;

    @Option(names = "--test", paramLabel = "FILE", description = "Test data, same format as --data.")
    Path test;

    @Option(names = "--validation", paramLabel = "FILE",
            description = "Validation data for a stopping rule (e.g. early_stopping), same format as --data.")
    Path validation;

    @Option(names = "--spec", paramLabel = "SPEC", defaultValue = "none",
            description = "Regularization, e.g. \"l1(lambda=1e-5) + max_norm(c=3)\"; none (default) for none.")
    String specText;

    @Option(names = "--save", paramLabel = "PATH", description = "Save the trained Tribuo model here, in Tribuo's"
            + " protobuf format (Model.deserializeFromFile loads it; a network needs rein-runtime).")
    Path save;

    @Option(names = "--label-noise", paramLabel = "FRACTION", defaultValue = "0",
            description = "Give this share of the training examples (chosen with --seed) a wrong label, drawn from the"
                    + " other labels, to see how training copes with noise (default 0).")
    double labelNoise;

    @Option(names = "--json", description = "End the output with one JSON object of the results.")
    boolean json;

    @Option(names = "--plots", paramLabel = "DIR",
            description = "Write learning curves and a histogram of the weights with and without the spec (PNG and"
                    + " SVG) into DIR.")
    Path plots;

    @Override
    int run(PluginRegistry registry, PrintWriter out) {
        PrintWriter err = spec.commandLine().getErr();
        // Everything that can be checked without the data is checked first: settings, spec, optimiser, --save.
        ModelChoice model = modelOptions.choice();
        boolean network = model.isNetwork();
        TrainingSettings settings = training.settings(model);
        Regularization regularization = SpecBinder.bind(specText, registry);
        // Built now for their checks of the settings against the spec; the run below trains with them.
        TrainingJob job = network ? null : TrainingJob.prepare(regularization, settings);
        NetworkTrainingJob networkJob = network ? NetworkTrainingJob.prepare(regularization, settings,
                model.layers(), model.activation()) : null;
        boolean idx = Files.isDirectory(data);
        if (idx && (test != null || validation != null)) {
            throw new UserInputException("--data " + data + " is a folder of IDX files, whose t10k pair is the test"
                    + " set; leave --test and --validation out (a stopping rule validates on --validation-split).");
        }
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("--data", data);
        inputs.put("--validation", validation);
        inputs.put("--test", test);
        ModelFile target = save == null ? null : ModelFile.check(save, inputs);
        ChartFolder plotFolder = plots == null ? null : ChartFolder.check(plots, "--plots");
        inputs.forEach((option, file) -> {
            if (file != null && !(idx && file.equals(data))) {
                DataFiles.checkReadable(file, option);
            }
        });

        DataFiles files = new DataFiles(training.labelColumn, warning -> warn(err, warning));
        MutableDataset<Label> train;
        MutableDataset<Label> testData;
        if (idx) {
            IdxFolder.Sets sets = IdxFolder.load(data, warning -> warn(err, warning));
            train = sets.train();
            testData = sets.test();
        } else {
            train = load(err, data, progress -> files.loadTraining(data, progress));
            testData = null;
        }
        if (labelNoise != 0) {
            try {
                train = LabelNoise.apply(train, labelNoise, settings.seed());
            } catch (IllegalArgumentException e) {
                throw new UserInputException(e.getMessage(), e);
            }
        }
        MutableDataset<Label> validationData = validation == null ? null
                : load(err, validation, progress -> files.loadHeldOut(validation, "--validation", progress));
        if (test != null) {
            testData = load(err, test, progress -> files.loadHeldOut(test, "--test", progress));
        }
        boolean stopping = !regularization.terms(dev.rein.api.spi.Kind.STOPPING_RULE).isEmpty();
        if (validation != null && !stopping) {
            warn(err, "--validation is only used by a stopping rule (e.g. early_stopping), which the spec '"
                    + regularization.toSpec() + "' does not have; " + validation + " is not used.");
        }

        TrainingResult result;
        LearningCurveChart curves = new LearningCurveChart();
        if (network) {
            EpochLines lines = new EpochLines(err);
            result = networkJob.run(train, validationData, testData, report -> {
                lines.epochEnded(report);
                curves.epochEnded(report);
            });
        } else {
            try (ProgressBar progress = ProgressBar.forTerminal(err, "training")) {
                result = job.run(train, validationData, testData, progress::update, curves);
            }
        }
        print(out, model, result, settings, testData == null ? 0 : testData.size());
        out.flush();
        UserInputException saveFailed = null;
        if (target != null) {
            try {
                target.write(result.model());
                out.printf("saved model     %s%n", save);
            } catch (UserInputException e) {
                saveFailed = e;   // the results stay on screen (and in --json); the error follows them
            }
        }
        if (plotFolder != null) {
            TrainPlots.write(plotFolder, curves, result, model, train, settings)
                    .forEach(file -> out.printf("plot            %s%n", file));
        }
        if (json) {
            out.println(Json.object(result.jsonFields()));
        }
        if (saveFailed != null) {
            throw saveFailed;
        }
        return 0;
    }

    private static MutableDataset<Label> load(PrintWriter err, Path file,
            Function<DoubleConsumer, MutableDataset<Label>> loader) {
        try (ProgressBar bar = ProgressBar.forTerminal(err, "reading " + file.getFileName())) {
            return loader.apply(bar::update);
        }
    }

    private static void print(PrintWriter out, ModelChoice model, TrainingResult r, TrainingSettings s, int testSize) {
        out.printf("spec            %s%n", r.spec());
        if (!r.modes().isEmpty()) {
            out.printf("penalty modes   %s%n", r.modes());
        }
        if (model.isNetwork()) {
            out.printf("network         %s, %s hidden layers%n", ((FeedForwardModel) r.model()).shape(),
                    model.describe().get("activation"));
        }
        out.printf("optimiser       %s (learning rate %s on the mean gradient%s), batch size %d, %d epoch%s, seed %d%n",
                s.optimiser().cliName(), s.learningRate(), s.hasSchedule() ? ", schedule " + s.rateSchedule() : "",
                s.batchSize(), s.epochs(), s.epochs() == 1 ? "" : "s", s.seed());
        out.printf("train accuracy  %.4f  (%d examples trained on)%n", r.trainAccuracy(), r.trainExamples());
        if (r.heldOut() > 0) {
            out.printf("validation      %d of the %d examples of --data held out (--validation-split %s, seed %d)%n",
                    r.heldOut(), r.heldOut() + r.trainExamples(), s.validationSplit(), s.seed());
        }
        if (r.testAccuracy().isPresent()) {
            out.printf("test accuracy   %.4f  (%d examples)%n", r.testAccuracy().getAsDouble(), testSize);
        }
        out.printf("penalty         %.6g%n", r.penalty());
        out.printf("weight norm     %.6g%n", r.weightNorm());
        out.printf("zero weights    %d of %d%n", r.zeroWeights(), r.totalWeights());
        out.printf("train time      %.3f s%n", r.trainSeconds());
        out.printf("epochs run      %d of %d: %s%n", r.epochs(), s.epochs(), r.stopReason());
        if (r.bestEpoch().isPresent()) {
            out.printf("best epoch      %d (the model keeps %s)%n", r.bestEpoch().getAsInt(),
                    TrainingOutcome.of(r.model()).orElseThrow().modelEpoch() == r.bestEpoch().getAsInt()
                            ? "its weights" : "the last epoch's weights");
        }
    }
}
