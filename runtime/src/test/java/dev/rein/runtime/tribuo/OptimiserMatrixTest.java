package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.TestTerms.l1p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.optim.ReinRMSProp;
import dev.rein.runtime.plan.RegularizationRefusedException;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.MutableDataset;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaDelta;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.optimisers.ParameterAveraging;
import org.tribuo.math.optimisers.Pegasos;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Every Tribuo optimiser with every mode of an L1 penalty that has a proximal operator (cumulative included, which
 * on this dense data also takes Rein's lazy path with dense steps):
 * either it trains to finite weights with a smaller penalty than the same training without it, or it is refused
 * with a {@link RegularizationRefusedException} of exactly this tag that names the term and the optimiser.
 */
class OptimiserMatrixTest {
    private static final double LAMBDA = 0.3;
    /**
     * Dense data (every feature in every example), so that the penalized and the free run update the same
     * coordinates: on sparse data Tribuo's momentum and Adam move only present features, and a coupled penalty,
     * which makes the gradient dense, would make them move all, a different optimiser to compare against.
     */
    private static final MutableDataset<Regressor> DATA = SyntheticData.regression(150, 13L, 0, 1.0).dataset;

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] o : optimisers()) {
            for (PenaltyMode mode : PenaltyMode.values()) {
                @SuppressWarnings("unchecked")
                Supplier<StochasticGradientOptimiser> make = (Supplier<StochasticGradientOptimiser>) o[1];
                out.add(Arguments.of(o[0], mode, make, expectedRefusal((String) o[0], mode)));
            }
        }
        return out.stream();
    }

    private static List<Object[]> optimisers() {
        return List.of(
                new Object[] {"SGD constant", (Supplier<StochasticGradientOptimiser>) () -> SGD.getSimpleSGD(0.05)},
                new Object[] {"SGD linear decay",
                    (Supplier<StochasticGradientOptimiser>) () -> SGD.getLinearDecaySGD(0.5)},
                new Object[] {"SGD sqrt decay", (Supplier<StochasticGradientOptimiser>) () -> SGD.getSqrtDecaySGD(0.1)},
                new Object[] {"SGD momentum", (Supplier<StochasticGradientOptimiser>)
                    () -> SGD.getSimpleSGD(0.02, 0.9, SGD.Momentum.STANDARD)},
                new Object[] {"SGD Nesterov", (Supplier<StochasticGradientOptimiser>)
                    () -> SGD.getLinearDecaySGD(0.1, 0.9, SGD.Momentum.NESTEROV)},
                new Object[] {"AdaGrad", (Supplier<StochasticGradientOptimiser>) () -> new AdaGrad(0.2)},
                new Object[] {"AdaGradRDA", (Supplier<StochasticGradientOptimiser>) () -> new AdaGradRDA(0.1, 1e-6)},
                new Object[] {"AdaDelta", (Supplier<StochasticGradientOptimiser>) AdaDelta::new},
                new Object[] {"Adam", (Supplier<StochasticGradientOptimiser>) () -> new Adam(0.05, 1e-8)},
                new Object[] {"RMSProp", (Supplier<StochasticGradientOptimiser>) () -> new RMSProp(0.01, 0.9)},
                new Object[] {"Rein's Adam", (Supplier<StochasticGradientOptimiser>) () -> new ReinAdam(0.05)},
                new Object[] {"Rein's RMSProp", (Supplier<StochasticGradientOptimiser>)
                    () -> new ReinRMSProp(0.01, 0.9)},
                new Object[] {"Pegasos", (Supplier<StochasticGradientOptimiser>) () -> new Pegasos(0.1, 0.01)},
                new Object[] {"ParameterAveraging(SGD)", (Supplier<StochasticGradientOptimiser>)
                    () -> new ParameterAveraging(SGD.getSimpleSGD(0.05))},
                new Object[] {"ParameterAveraging(AdaGrad)", (Supplier<StochasticGradientOptimiser>)
                    () -> new ParameterAveraging(new AdaGrad(0.2))},
                new Object[] {"ParameterAveraging(AdaDelta)", (Supplier<StochasticGradientOptimiser>)
                    () -> new ParameterAveraging(new AdaDelta())});
    }

    /** The tag of the refusal for a combination, or null when it must train. */
    private static String expectedRefusal(String name, PenaltyMode mode) {
        if (name.equals("Pegasos")) {
            return "plan-pegasos-penalty";
        }
        if (name.equals("AdaGradRDA")) {
            return "plan-adagrad-rda";
        }
        if (mode == PenaltyMode.DECOUPLED && name.contains("AdaDelta")) {
            return "plan-decoupled-needs-rate";
        }
        if ((mode != PenaltyMode.PROXIMAL && mode != PenaltyMode.CUMULATIVE) || name.startsWith("SGD constant")
                || name.startsWith("SGD linear") || name.startsWith("SGD sqrt")) {
            return null;
        }
        if (mode == PenaltyMode.CUMULATIVE) {
            if (name.equals("AdaGrad")) {
                return null;   // Tribuo's AdaGrad runs as Rein's, in its FTRL form
            }
            return name.startsWith("ParameterAveraging") ? "plan-cumulative-averaged" : "plan-cumulative-needs-sgd";
        }
        if (name.equals("AdaGrad") || name.startsWith("Rein's")) {
            return null;   // proximal in the optimiser's own metric (Tribuo's AdaGrad runs as Rein's)
        }
        return name.startsWith("ParameterAveraging") ? "plan-proximal-averaged" : "plan-proximal-needs-sgd";
    }

    @ParameterizedTest(name = "{0}, mode={1}")
    @MethodSource("matrix")
    void trainsOrIsRefusedClearly(String name, PenaltyMode mode, Supplier<StochasticGradientOptimiser> make,
            String refusal) {
        Regularization reg = TestTerms.of(TestTerms.mode(l1p(LAMBDA), mode));
        if (refusal != null) {
            RegularizationRefusedException e = assertThrows(RegularizationRefusedException.class,
                    () -> new RegularizedOptimiser(make.get(), reg));
            assertEquals(refusal, e.tag());
            String optimiser = make.get().toString();
            assertTrue(e.getMessage().contains("'l1'") && e.getMessage().contains(optimiser),
                    "names the term and the optimiser " + optimiser + ": " + e.getMessage());
            return;
        }
        WeightSummary penalized = WeightSummary.of(train(new RegularizedOptimiser(make.get(), reg)), reg);
        WeightSummary free = WeightSummary.of(train(make.get()), reg);
        assertTrue(Double.isFinite(penalized.penalty()) && Double.isFinite(penalized.weightNorm()));
        assertTrue(penalized.penalty() < 0.9 * free.penalty(),
                "penalty " + penalized.penalty() + " vs unregularized " + free.penalty());
    }

    private static LinearSGDModel train(StochasticGradientOptimiser optimiser) {
        return new LinearSGDTrainer(new SquaredLoss(), optimiser, 8, -1, 1, 2L).train(DATA);
    }
}
