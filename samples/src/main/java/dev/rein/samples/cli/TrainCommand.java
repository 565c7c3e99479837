package dev.rein.samples.cli;

import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecBinder;
import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import dev.rein.samples.train.DataFiles;
import dev.rein.samples.train.Json;
import dev.rein.samples.train.OptimiserChoice;
import dev.rein.samples.train.TrainingJob;
import dev.rein.samples.train.TrainingResult;
import dev.rein.samples.train.TrainingSettings;
import dev.rein.samples.train.UserInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import picocli.CommandLine.Command;
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
 * {@code label}), anything else libsvm.
 */
@Command(name = "train", description = "Train Tribuo's linear SGD classifier with a regularization spec.")
final class TrainCommand extends RegistryCommand {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Training data (.csv or libsvm).")
    Path data;

    @Option(names = "--test", paramLabel = "FILE", description = "Test data, same format as --data.")
    Path test;

    @Option(names = "--validation", paramLabel = "FILE",
            description = "Validation data for a stopping rule (e.g. early_stopping), same format as --data.")
    Path validation;

    @Option(names = "--validation-split", paramLabel = "FRACTION", defaultValue = "0.1",
            description = "Share of --data held out to validate a stopping rule when --validation is not given"
                    + " (default ${DEFAULT-VALUE}); only used when the spec has a stopping rule.")
    double validationSplit;

    @Option(names = "--spec", paramLabel = "SPEC", defaultValue = "none",
            description = "Regularization, e.g. \"l1(lambda=1e-5) + max_norm(c=3)\"; none (default) for none.")
    String specText;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--optimiser", paramLabel = "NAME", defaultValue = "adagrad",
            description = "sgd, sgd-linear-decay, sgd-sqrt-decay, adagrad (default), adagrad-rda, adadelta, adam,"
                    + " rmsprop, pegasos.")
    String optimiser;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "Learning rate (default: the optimiser's, e.g. 0.5 for adagrad, 0.1 for sgd).")
    Double learningRate;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "1",
            description = "Examples per mini-batch (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--label-column", paramLabel = "NAME", defaultValue = "label",
            description = "The CSV column holding the label (default ${DEFAULT-VALUE}).")
    String labelColumn;

    @Option(names = "--save", paramLabel = "PATH", description = "Save the trained Tribuo model here.")
    Path save;

    @Option(names = "--json", description = "End the output with one JSON object of the results.")
    boolean json;

    @Override
    int run(PluginRegistry registry, PrintWriter out) {
        OptimiserChoice choice = OptimiserChoice.parse(optimiser);
        TrainingSettings settings = new TrainingSettings(epochs, seed, choice,
                learningRate == null ? choice.defaultLearningRate() : learningRate, batchSize, validationSplit);
        Regularization regularization = SpecBinder.bind(specText, registry);
        DataFiles files = new DataFiles(labelColumn);
        MutableDataset<Label> train = files.loadTraining(data);
        MutableDataset<Label> validationData = validation == null ? null : loadValidation(files);
        MutableDataset<Label> testData = test == null ? null : files.loadTest(test);

        TrainingResult result;
        try (ProgressBar progress = ProgressBar.forTerminal(spec.commandLine().getErr(), "training")) {
            result = TrainingJob.run(train, validationData, testData, regularization, settings,
                    progress::update);
        }
        if (save != null) {
            saveModel(result);
        }
        print(out, result, settings, train.size(), testData == null ? 0 : testData.size());
        return 0;
    }

    /** Loads {@code --validation} like a test file: a libsvm file gets the training file's feature numbering. */
    private MutableDataset<Label> loadValidation(DataFiles files) {
        if (!Files.isRegularFile(validation) || !Files.isReadable(validation)) {
            throw new UserInputException("Data file '" + validation + "' (--validation) does not exist or is not a"
                    + " readable file. Give a CSV file (.csv, with a header row) or a libsvm file (label"
                    + " index:value ...).");
        }
        return files.loadTest(validation);
    }

    private void saveModel(TrainingResult result) {
        try {
            Path parent = save.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            result.model().serializeToFile(save);
        } catch (IOException e) {
            throw new UserInputException("Could not save the model to '" + save + "': " + e.getMessage(), e);
        }
    }

    private void print(PrintWriter out, TrainingResult r, TrainingSettings s, int trainSize, int testSize) {
        out.printf("spec            %s%n", r.spec());
        if (!r.modes().isEmpty()) {
            out.printf("penalty modes   %s%n", r.modes());
        }
        out.printf("optimiser       %s (learning rate %s), batch size %d, %d epochs, seed %d%n",
                s.optimiser().cliName(), s.learningRate(), s.batchSize(), s.epochs(), s.seed());
        out.printf("train accuracy  %.4f  (%d examples)%n", r.trainAccuracy(), trainSize);
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
        if (save != null) {
            out.printf("saved model     %s%n", save);
        }
        if (json) {
            out.println(Json.object(r.jsonFields()));
        }
    }
}
