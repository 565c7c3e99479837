package dev.rein.samples.demo;

import dev.rein.runtime.registry.RegularizerCatalog;
import dev.rein.samples.plot.ChartFolder;
import dev.rein.samples.plot.SweepPlots;
import dev.rein.samples.sweep.Sweep;
import dev.rein.samples.sweep.SweepAxis;
import dev.rein.samples.sweep.SweepPlan;
import dev.rein.samples.sweep.SweepSpec;
import dev.rein.samples.sweep.SweepTable;
import dev.rein.samples.sweep.TrialResult;
import dev.rein.samples.sweep.TrialRunner;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecBinder;
import dev.rein.samples.train.ModelChoice;
import dev.rein.samples.train.OptimiserChoice;
import dev.rein.samples.train.TrainingJob;
import dev.rein.samples.train.TrainingResult;
import dev.rein.samples.train.TrainingSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code rein demo}: trains the {@link DemoData} problem without regularization and with several built-ins, and
 * prints them side by side; then sweeps L1's strength and draws the regularization path ({@link #sweep}).
 *
 * <pre>{@code
 * List<TrainingResult> rows = new Demo(registry).run(out);
 * List<TrialResult> sweep = new Demo(registry).sweep(out, ChartFolder.check(Path.of("rein-demo-plots"), "--plots"));
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

    /** The small sweep the demo ends with: L1's strength over three decades. */
    public static final String SWEEP = "l1(lambda=1e-3..3e-1 log 6)";

    /** Folds of the demo's sweep. */
    private static final int FOLDS = 3;

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
        DemoData data = data();
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

    /**
     * Ends the demo: sweeps {@link #SWEEP} with {@value #FOLDS}-fold cross-validation on the training data, prints
     * the table and writes the charts into {@code plots} ({@code null}: none); returns the trials.
     */
    public List<TrialResult> sweep(PrintWriter out, ChartFolder plots) {
        DemoData data = data();
        SweepSpec sweep = SweepSpec.parse(SWEEP);
        SweepPlan plan = SweepPlan.of(sweep, catalog, ModelChoice.LINEAR, settings);
        out.printf("%nHow strong should L1 be? rein sweep --spec \"%s\" --folds %d tries %d strengths, each by"
                + " %d-fold cross-validation, in parallel:%n%n", SWEEP, FOLDS, plan.trials().size(), FOLDS);
        out.flush();
        TrialRunner runner = new TrialRunner(ModelChoice.LINEAR, data.train(), null, settings, FOLDS);
        List<TrialResult> results = Sweep.run(plan.trials(), runner::run, Runtime.getRuntime().availableProcessors(),
                done -> { });
        List<String> labels = sweep.axes().stream().map(SweepAxis::label).toList();
        SweepTable.print(out, labels, results);
        if (plots != null) {
            Regularization best = Sweep.best(results).map(b -> plan.trials().get(b.index()).regularization())
                    .orElse(null);
            List<Path> files = SweepPlots.write(plots, labels, results, best, ModelChoice.LINEAR, data.train(), settings);
            out.printf("%nPictures (PNG and SVG): %s%n", files.stream().filter(f -> f.toString().endsWith(".png"))
                    .map(Path::toString).collect(Collectors.joining(", ")));
        }
        out.flush();
        return results;
    }

    private static DemoData data() {
        return DemoData.generate(150, 2000, 300, 5, 42L);
    }
}
