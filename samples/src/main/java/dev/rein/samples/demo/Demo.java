package dev.rein.samples.demo;

import dev.rein.runtime.registry.RegularizerCatalog;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecBinder;
import dev.rein.samples.train.OptimiserChoice;
import dev.rein.samples.train.TrainingJob;
import dev.rein.samples.train.TrainingResult;
import dev.rein.samples.train.TrainingSettings;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rein demo}: trains the {@link DemoData} problem without regularization and with several built-ins, and
 * prints them side by side.
 *
 * <pre>{@code
 * List<TrainingResult> rows = new Demo(registry).run(out);
 * }</pre>
 */
public final class Demo {
    /** The specs compared, in table order; the first is the unregularized baseline. */
    public static final List<String> SPECS = List.of(
            "none",
            "l2(lambda=0.1)",
            "l1(lambda=0.05)",
            "elastic_net(lambda=0.05, l1_ratio=0.5)",
            "max_norm(c=1)",
            "l1(lambda=0.05) + max_norm(c=1)");

    /** Mini-batch size of the demo's plain SGD. */
    private static final int BATCH = 30;

    /** The step on the mean gradient of a mini-batch ({@code --learning-rate}'s meaning at any batch size). */
    private static final double LEARNING_RATE = 0.1;

    private final RegularizerCatalog catalog;
    private final TrainingSettings settings;

    /**
     * A demo that resolves its specs in {@code catalog}: 50 epochs of plain SGD in mini-batches of 30, where Rein
     * applies L1 and elastic net proximally (exact zeros).
     */
    public Demo(RegularizerCatalog catalog) {
        this(catalog, TrainingSettings.defaults().withEpochs(50).withBatchSize(BATCH)
                .withOptimiser(OptimiserChoice.SGD_CONSTANT, LEARNING_RATE));
    }

    public Demo(RegularizerCatalog catalog, TrainingSettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    /** Generates the data, trains every spec and prints the table to {@code out}; returns the rows. */
    public List<TrainingResult> run(PrintWriter out) {
        DemoData data = DemoData.generate(150, 2000, 300, 5, 42L);
        out.printf("Rein demo: %d training examples, %d test examples, %d features of which %d carry signal.%n",
                data.train().size(), data.test().size(), data.features(), data.informative());
        out.printf("Tribuo's linear SGD classifier (logistic loss, %s, learning rate %s on the mean gradient,"
                + " mini-batches of %d,"
                + " %d epochs, seed %d).%n%n", settings.optimiser().cliName(), settings.learningRate(),
                settings.batchSize(), settings.epochs(), settings.seed());
        String format = "%-40s  %9s  %9s  %11s  %9s  %7s%n";
        out.printf(format, "spec", "train acc", "test acc", "weight norm", "non-zeros", "seconds");
        List<TrainingResult> rows = new ArrayList<>();
        for (String spec : SPECS) {
            Regularization regularization = SpecBinder.bind(spec, catalog);
            TrainingResult r = TrainingJob.run(data.train(), data.test(), regularization, settings);
            rows.add(r);
            out.printf(format, spec, String.format("%.3f", r.trainAccuracy()),
                    String.format("%.3f", r.testAccuracy().getAsDouble()), String.format("%.3f", r.weightNorm()),
                    (r.totalWeights() - r.zeroWeights()) + "/" + r.totalWeights(),
                    String.format("%.2f", r.trainSeconds()));
            out.flush();
        }
        out.printf("%nWith few examples and many noise features the unregularized model fits the noise. L1 and"
                + " elastic net, applied proximally, set most noise weights exactly to zero and raise test accuracy;"
                + " L2 and max-norm keep the weights small.%n");
        return rows;
    }
}
