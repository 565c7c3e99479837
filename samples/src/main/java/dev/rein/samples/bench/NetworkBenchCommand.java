package dev.rein.samples.bench;

import dev.rein.runtime.network.Activation;
import dev.rein.runtime.network.FeedForwardModel;
import dev.rein.runtime.network.FeedForwardTrainer;
import dev.rein.runtime.network.MatrixProducts;
import dev.rein.runtime.optim.RateSchedules;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.trainer.TrainingOutcome;
import dev.rein.samples.data.IdxFolder;
import dev.rein.samples.data.LabelNoise;
import dev.rein.samples.train.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench network}: trains Rein's feed-forward network on an MNIST-format IDX folder once per spec and reports
 * the seconds of each epoch (median of epochs 2 onwards, the first separately: it includes the JIT's warm-up), and
 * the train and test accuracy with their gap.
 *
 * <pre>{@code
 * java -cp samples/target/rein-cli.jar dev.rein.samples.bench.BenchCli network \
 *      --dir /usr/share/datasets/fashion-mnist --epochs 10 --spec none --spec "dropout(p=0.2)" --out net.jsonl
 * }</pre>
 */
@Command(name = "network", mixinStandardHelpOptions = true,
        description = "Time and score Rein's feed-forward network on an IDX folder, once per spec.")
final class NetworkBenchCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true, description = "Folder of the four MNIST-format IDX files.")
    Path dir;

    @Option(names = "--spec", required = true, description = "A spec to train with (repeat for several).")
    List<String> specs;

    @Option(names = "--layers", split = ",", defaultValue = "256,128", description = "Hidden widths (default"
            + " ${DEFAULT-VALUE}).")
    int[] layers;

    @Option(names = "--epochs", defaultValue = "10", description = "Epochs (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "128", description = "Mini-batch size (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--learning-rate", defaultValue = "0.001", description = "Adam's rate (default ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--label-noise", defaultValue = "0", description = "Share of training labels replaced at random"
            + " (seeded), as rein train --label-noise does; test labels stay clean (default ${DEFAULT-VALUE}).")
    double labelNoise;

    @Option(names = "--lr-schedule", defaultValue = "none", description = "The learning-rate schedule, as rein"
            + " train --lr-schedule takes it (default ${DEFAULT-VALUE}).")
    String rateSchedule;

    @Option(names = "--out", description = "Append one JSON line per spec here.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter pw = spec.commandLine().getOut();
        IdxFolder.Sets loaded = IdxFolder.load(dir);
        IdxFolder.Sets sets = labelNoise == 0 ? loaded
                : new IdxFolder.Sets(LabelNoise.apply(loaded.train(), labelNoise, seed), loaded.test());
        pw.printf("%d training and %d test examples from %s (label noise %s); network %s hidden, relu, Adam %s, batch"
                + " %d, schedule %s; products: %s; %d cores%n", sets.train().size(), sets.test().size(), dir, labelNoise,
                Arrays.toString(layers), rate, batch, RateSchedules.describe(RateSchedules.parse(rateSchedule)),
                MatrixProducts.blas().describe(), Runtime.getRuntime().availableProcessors());
        pw.flush();
        for (String text : specs) {
            Regularization regularization = Regularization.of(text, PluginRegistry.shared());
            FeedForwardTrainer trainer = new FeedForwardTrainer(layers, Activation.RELU, new ReinAdam(rate),
                    regularization, epochs, batch, seed)
                    .withLearningRateSchedule(RateSchedules.parse(rateSchedule).orElse(null));
            List<Double> seconds = new ArrayList<>();
            long[] last = {System.nanoTime()};
            long start = last[0];
            FeedForwardModel model = trainer.train(sets.train(), null, report -> {
                long now = System.nanoTime();
                seconds.add((now - last[0]) / 1e9);
                last[0] = now;
            });
            double total = (System.nanoTime() - start) / 1e9;
            double first = seconds.get(0);
            double[] rest = seconds.subList(Math.min(1, seconds.size() - 1), seconds.size()).stream()
                    .mapToDouble(Double::doubleValue).toArray();
            double median = Median.of(rest);
            double train = accuracy(model, sets.train());
            double test = accuracy(model, sets.test());
            TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
            pw.printf("  %-60s epoch 1 %.2f s, median epoch %.2f s; train %.4f test %.4f gap %.4f; epochs %d (model"
                    + " epoch %d)%n", regularization.toSpec(), first, median, train, test, train - test,
                    outcome.epochsRun(), outcome.modelEpoch());
            pw.flush();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("task", "network");
            json.put("spec", regularization.toSpec());
            json.put("layers", Arrays.toString(layers));
            json.put("batch", batch);
            json.put("learning_rate", rate);
            json.put("lr_schedule", RateSchedules.describe(RateSchedules.parse(rateSchedule)));
            json.put("label_noise", labelNoise);
            json.put("first_epoch_seconds", first);
            json.put("median_epoch_seconds", median);
            json.put("epoch_seconds", seconds.toString());
            json.put("train_seconds", total);
            json.put("train_accuracy", train);
            json.put("test_accuracy", test);
            json.put("epochs_run", outcome.epochsRun());
            json.put("model_epoch", outcome.modelEpoch());
            json.put("load_average", loadAverage());
            if (out != null) {
                BenchCli.appendLine(out, Json.object(json), new PrintWriter(PrintWriter.nullWriter()));
            }
        }
        return 0;
    }

    /** The 1-minute load average when the spec finished, or -1 where the system does not tell. */
    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double accuracy(FeedForwardModel model, Iterable<Example<Label>> data) {
        long right = 0;
        long all = 0;
        for (Example<Label> e : data) {
            all++;
            right += model.predict(e).getOutput().getLabel().equals(e.getOutput().getLabel()) ? 1 : 0;
        }
        return (double) right / all;
    }
}
