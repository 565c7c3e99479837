package dev.rein.runtime.tribuo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Deferred penalty steps ({@link ReplayEngine#DEFER_STEPS}) against eager training on the benchmarks' real data, run
 * by hand (it needs the files {@code benchmarks/run.sh} prepares, and minutes):
 *
 * <pre>{@code
 * mvn -pl runtime test -Dtest=DeferralOnRealDataTest -Drein.realData=benchmarks/.cache \
 *     [-Drein.realData.defer=0,8,32] [-Drein.realData.sets=dense,sparse] [-Drein.realData.denseRows=10000]
 * }</pre>
 *
 * <p>Fashion-MNIST ({@code fashion-N-train.libsvm}, every pixel seen every few steps: the deferral's case) and the
 * first rows of the 1,000,000-feature set ({@code sparse-100000-train.libsvm}; eager training there costs O(weights)
 * per step, hence a subset), one epoch at the benchmarks' settings (constant SGD η = 0.1 with coupled terms, AdaGrad
 * η = 0.25 with decoupled ones), four penalties of different curvature. For each deferral it prints the train time
 * beside eager and unregularized training, the largest weight difference from eager training and the test accuracy;
 * it asserts, for the default deferral, every weight within {@value #SHARE_OF_EFFECT} of the largest change the
 * penalty makes to any weight (eager against unregularized training) and test accuracy within 0.1 point. The rates
 * are smaller than the benchmarks' (η = 0.1 with pixels in [0, 1] overshoots: one epoch there is chaotic, and
 * training without deferral already differs from eager training by rounding grown to whole points of accuracy).
 */
@EnabledIfSystemProperty(named = "rein.realData", matches = ".+")
class DeferralOnRealDataTest {
    /** The largest weight difference allowed, as a share of the penalty's largest change to a weight. */
    static final double SHARE_OF_EFFECT = 0.05;

    @Test
    void deferredStepsTrainTheEagerModel() throws IOException {
        Path dir = Path.of(System.getProperty("rein.realData"));
        String sets = System.getProperty("rein.realData.sets", "dense,sparse");
        int denseRows = Integer.getInteger("rein.realData.denseRows", 10000);
        int sparseRows = Integer.getInteger("rein.realData.sparseRows", 2000);
        String defer = System.getProperty("rein.realData.defer", "0,8,16,32,64,128");
        int[] deferrals = java.util.Arrays.stream(defer.split(",")).mapToInt(Integer::parseInt).toArray();
        if (sets.contains("dense")) {
            Path train = dir.resolve("fashion-60000-train.libsvm");
            Path test = dir.resolve("fashion-60000-test.libsvm");
            run("fashion-mnist[" + denseRows + "]", read(train, denseRows), read(test, 10000), 1e-4, deferrals);
        }
        if (sets.contains("sparse")) {
            Path train = dir.resolve("sparse-100000-train.libsvm");
            Path test = dir.resolve("sparse-100000-test.libsvm");
            run("sparse[" + sparseRows + "]", read(train, sparseRows), read(test, 10000), 1e-5, deferrals);
        }
        assertEquals(List.of(), failures, "beyond " + SHARE_OF_EFFECT + " of the penalty's change or 0.1 point");
    }

    private final List<String> failures = new ArrayList<>();

    private void run(String set, MutableDataset<Label> train, MutableDataset<Label> test, double lambda,
            int[] deferrals) {
        record Case(String optimiser, Supplier<StochasticGradientOptimiser> inner, PenaltyMode mode) {
        }
        double sgdRate = Double.parseDouble(System.getProperty("rein.realData.sgdRate", "0.005"));
        double adagradRate = Double.parseDouble(System.getProperty("rein.realData.adagradRate", "0.05"));
        List<Case> cases = List.of(
                new Case("sgd(" + sgdRate + ")", () -> SGD.getSimpleSGD(sgdRate), PenaltyMode.COUPLED),
                new Case("adagrad(" + adagradRate + ")", () -> new AdaGrad(adagradRate), PenaltyMode.DECOUPLED));
        List<Object[]> penalties = List.of(
                new Object[] {"log_cosh(scale=0.1)", FlowPenalties.logCosh(lambda, 0.1)},
                new Object[] {"quartic", FlowPenalties.quartic(lambda)},
                new Object[] {"pseudo_huber(width=0.01)", FlowPenalties.steep(lambda, 0.01)},
                new Object[] {"cauchy", FlowPenalties.cauchy(lambda)});
        for (Case c : cases) {
            long t0 = System.nanoTime();
            LinearSGDModel free = DeferredStepsTest.train(c.inner().get(), Regularization.none(), train, true, 0,
                    1, 1L);
            double freeSeconds = (System.nanoTime() - t0) / 1e9;
            double freeAccuracy = DeferredStepsTest.accuracy(free, test);
            System.out.printf(Locale.ROOT, "%s %s none: %.2f s, %.2f %%%n", set, c.optimiser(), freeSeconds,
                    100 * freeAccuracy);
            for (Object[] p : penalties) {
                Regularization reg = TestTerms.of(FlowPenalties.term("user", (ElementwisePenalty) p[1], c.mode()));
                t0 = System.nanoTime();
                LinearSGDModel eager = DeferredStepsTest.train(c.inner().get(), reg, train, true, 0, 1, 1L);
                double eagerSeconds = (System.nanoTime() - t0) / 1e9;
                double[] eagerWeights = LazyTest.flat(eager.getWeightsCopy());
                double eagerAccuracy = DeferredStepsTest.accuracy(eager, test);
                double moved = DeferredStepsTest.maxDifference(LazyTest.flat(free.getWeightsCopy()), eagerWeights);
                System.out.printf(Locale.ROOT, "%s %s %s lambda=%g eager: %.2f s (%.2fx none), %.2f %%,"
                        + " moved by the penalty up to %.3g%n", set, c.optimiser(), p[0], lambda, eagerSeconds,
                        eagerSeconds / freeSeconds, 100 * eagerAccuracy, moved);
                for (int k : deferrals) {
                    t0 = System.nanoTime();
                    LinearSGDModel lazy = DeferredStepsTest.train(c.inner().get(), reg, train, false, k, 1, 1L);
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    double[] lazyWeights = LazyTest.flat(lazy.getWeightsCopy());
                    double worst = DeferredStepsTest.maxDifference(lazyWeights, eagerWeights);
                    double worstRatio = worst / moved;
                    double lazyAccuracy = DeferredStepsTest.accuracy(lazy, test);
                    System.out.printf(Locale.ROOT, "%s %s %s defer=%d: %.2f s (%.2fx none), %.2f %% (%+.2f),"
                            + " max |w - eager| %.3g (%.2f %% of the penalty's)%n", set, c.optimiser(), p[0], k,
                            seconds, seconds / freeSeconds, 100 * lazyAccuracy,
                            100 * (lazyAccuracy - eagerAccuracy), worst, 100 * worstRatio);
                    if (k == ReplayEngine.DEFER_STEPS
                            && (worstRatio > SHARE_OF_EFFECT || Math.abs(eagerAccuracy - lazyAccuracy) > 0.001)) {
                        failures.add(set + " " + c.optimiser() + " " + p[0] + ": " + worstRatio
                                + " of the penalty's change, "
                                + 100 * (lazyAccuracy - eagerAccuracy) + " points");
                    }
                }
            }
        }
    }

    /** The first {@code rows} rows of a libsvm file, features named by their index. */
    private static MutableDataset<Label> read(Path file, int rows) throws IOException {
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(file.toString(), labels),
                labels);
        try (var lines = Files.lines(file)) {
            lines.limit(rows).forEach(line -> {
                String[] tokens = line.trim().split("\\s+");
                ArrayExample<Label> e = new ArrayExample<>(labels.generateOutput(tokens[0]));
                for (int k = 1; k < tokens.length; k++) {
                    int colon = tokens[k].indexOf(':');
                    e.add("f" + tokens[k].substring(0, colon), Double.parseDouble(tokens[k].substring(colon + 1)));
                }
                data.add(e);
            });
        }
        return data;
    }
}
