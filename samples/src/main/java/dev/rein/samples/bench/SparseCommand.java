package dev.rein.samples.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench sparse}: writes the generated sparse set ({@link SparseSetGenerator}) as
 * {@code PREFIX-train.libsvm} and {@code PREFIX-test.libsvm}, unless both exist.
 */
@Command(name = "sparse", description = "Generate the seeded sparse binary set as libsvm.")
final class SparseCommand implements Callable<Integer> {
    @Option(names = "--train", defaultValue = "100000", description = "Training examples.")
    int train;

    @Option(names = "--test", defaultValue = "10000", description = "Test examples.")
    int test;

    @Option(names = "--features", defaultValue = "1000000", description = "Features.")
    int features;

    @Option(names = "--nonzeros", defaultValue = "50", description = "Non-zeros per example.")
    int nonZeros;

    @Option(names = "--truth-density", defaultValue = "0.05", description = "Share of features the truth uses.")
    double truthDensity;

    @Option(names = "--noise", defaultValue = "0.25", description = "Label noise, in standard deviations of the score.")
    double noise;

    @Option(names = "--seed", defaultValue = "42", description = "Seed.")
    long seed;

    @Option(names = "--out-prefix", required = true, description = "Path prefix of the two files written.")
    String prefix;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path trainFile = Path.of(prefix + "-train.libsvm");
        Path testFile = Path.of(prefix + "-test.libsvm");
        if (Files.exists(trainFile) && Files.exists(testFile)) {
            out.println("kept " + trainFile + " and " + testFile);
            return 0;
        }
        SparseSetGenerator.Split split = new SparseSetGenerator(features, nonZeros, truthDensity, noise, seed)
                .generate(train, test);
        LibSvmFiles.write(split.train(), trainFile);
        LibSvmFiles.write(split.test(), testFile);
        out.println("wrote " + trainFile + " and " + testFile);
        return 0;
    }
}
