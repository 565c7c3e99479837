package dev.rein.samples.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench objective}: measures binary models of different tools the same way ({@link BinaryObjective}):
 * the objective on the training data, test accuracy and non-zero weights, one JSON line per model.
 */
@Command(name = "objective", description = "The L2-regularized logistic objective of binary models, one way for all.")
final class ObjectiveCommand implements Callable<Integer> {
    @Option(names = "--task", defaultValue = "binary", description = "A name for the data set in the results.")
    String task;

    @Option(names = "--train", required = true, description = "The training data (libsvm) the objective is over.")
    Path trainFile;

    @Option(names = "--test", required = true, description = "Test data (libsvm) for the accuracy.")
    Path testFile;

    @Option(names = "--lambda", required = true, description = "λ of the (λ/2)·‖w‖² term.")
    double lambda;

    @Option(names = "--positive", defaultValue = "1", description = "The positive label (default ${DEFAULT-VALUE}).")
    String positive;

    @Option(names = "--weights", description = "NAME=FILE of a weights file (see LinearWeights); repeatable.")
    Map<String, Path> weights = new LinkedHashMap<>();

    @Option(names = "--liblinear", description = "NAME=FILE of a two-class liblinear model file; repeatable.")
    Map<String, Path> liblinear = new LinkedHashMap<>();

    @Option(names = "--out", description = "Append the JSON lines to this file.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        List<SparseRow> train = LibSvmFiles.read(trainFile);
        List<SparseRow> test = LibSvmFiles.read(testFile);
        weights.forEach((name, file) -> report(name, LinearWeights.read(file), train, test, console));
        liblinear.forEach((name, file) -> report(name, LinearWeights.fromLiblinear(file, positive), train, test,
                console));
        return 0;
    }

    private void report(String name, LinearWeights w, List<SparseRow> train, List<SparseRow> test,
            PrintWriter console) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("task", task);
        line.put("model", name);
        line.put("lambda", lambda);
        line.put("objective", BinaryObjective.value(w, train, positive, lambda));
        line.put("train_accuracy", BinaryObjective.accuracy(w, train, positive));
        line.put("test_accuracy", BinaryObjective.accuracy(w, test, positive));
        line.put("nonzero_weights", w.nonZeros());
        line.put("weight_norm", Math.sqrt(w.squaredNorm()));
        line.put("bias", w.bias());
        BenchCli.appendLine(out, dev.rein.samples.train.Json.object(line), console);
    }
}
