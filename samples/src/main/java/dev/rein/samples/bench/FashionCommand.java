package dev.rein.samples.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench fashion}: converts Fashion-MNIST's IDX files to libsvm, ten classes and one class against the rest:
 * {@code PREFIX-train.libsvm}, {@code PREFIX-test.libsvm}, {@code PREFIX-binary-train.libsvm},
 * {@code PREFIX-binary-test.libsvm}. Files already there are kept.
 */
@Command(name = "fashion", description = "Convert Fashion-MNIST (IDX) to libsvm, pixels scaled to [0, 1].")
final class FashionCommand implements Callable<Integer> {
    @Option(names = "--dir", defaultValue = "/usr/share/datasets/fashion-mnist",
            description = "Folder of the four IDX .gz files (default ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--limit", defaultValue = "60000", description = "Training examples kept, the first N.")
    int limit;

    @Option(names = "--test-limit", defaultValue = "10000", description = "Test examples kept, the first N.")
    int testLimit;

    @Option(names = "--positive-class", defaultValue = "0",
            description = "The class of the binary task against all others (default ${DEFAULT-VALUE}, T-shirt/top).")
    int positiveClass;

    @Option(names = "--out-prefix", required = true, description = "Path prefix of the four files written.")
    String prefix;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        convert("train", limit, out);
        convert("t10k", testLimit, out);
        return 0;
    }

    private void convert(String part, int n, PrintWriter out) {
        String name = part.equals("train") ? "train" : "test";
        Path multi = Path.of(prefix + "-" + name + ".libsvm");
        Path binary = Path.of(prefix + "-binary-" + name + ".libsvm");
        if (Files.exists(multi) && Files.exists(binary)) {
            out.println("kept " + multi + " and " + binary);
            return;
        }
        List<SparseRow> rows = IdxImages.read(dir.resolve(part + "-images-idx3-ubyte.gz"),
                dir.resolve(part + "-labels-idx1-ubyte.gz"), n, Integer::toString);
        LibSvmFiles.write(rows, multi);
        String positive = Integer.toString(positiveClass);
        LibSvmFiles.write(rows.stream().map(r -> r.withLabel(r.label().equals(positive) ? "1" : "-1")).toList(),
                binary);
        out.println("wrote " + multi + " and " + binary + " (" + rows.size() + " examples)");
    }
}
