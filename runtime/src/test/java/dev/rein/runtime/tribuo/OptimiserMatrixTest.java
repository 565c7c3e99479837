package dev.rein.runtime.tribuo;

import static dev.rein.runtime.tribuo.TestTerms.l1p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * with exactly this message.
 */
class OptimiserMatrixTest {
    private static final double LAMBDA = 0.3;
    /**
     * Dense data (every feature in every example), so that the penalized and the free run update the same
     * coordinates: on sparse data Tribuo's momentum and Adam move only present features, and a coupled penalty,
     * which makes the gradient dense, would make them move all, a different optimiser to compare against.
     */
    private static final MutableDataset<Regressor> DATA = SyntheticData.regression(150, 13L, 0, 1.0).dataset;

    private static final String USE_PLAIN_SGD = ": use SGD without momentum for exact zeros, or mode=decoupled or"
            + " mode=coupled";

    static Stream<Arguments> matrix() {
        List<Arguments> out = new ArrayList<>();
        for (Object[] o : optimisers()) {
            for (PenaltyMode mode : PenaltyMode.values()) {
                @SuppressWarnings("unchecked")
                Supplier<StochasticGradientOptimiser> make = (Supplier<StochasticGradientOptimiser>) o[1];
                out.add(Arguments.of(o[0], mode, make, expectedRefusal((String) o[0], mode, make.get())));
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
                new Object[] {"Pegasos", (Supplier<StochasticGradientOptimiser>) () -> new Pegasos(0.1, 0.01)},
                new Object[] {"ParameterAveraging(SGD)", (Supplier<StochasticGradientOptimiser>)
                    () -> new ParameterAveraging(SGD.getSimpleSGD(0.05))},
                new Object[] {"ParameterAveraging(AdaGrad)", (Supplier<StochasticGradientOptimiser>)
                    () -> new ParameterAveraging(new AdaGrad(0.2))},
                new Object[] {"ParameterAveraging(AdaDelta)", (Supplier<StochasticGradientOptimiser>)
                    () -> new ParameterAveraging(new AdaDelta())});
    }

    /** The exact refusal for a combination, or null when it must train. */
    private static String expectedRefusal(String name, PenaltyMode mode, StochasticGradientOptimiser o) {
        if (name.equals("Pegasos")) {
            return "Penalty 'l1' cannot wrap " + o + ": Pegasos already applies L2 through its lambda. Use"
                    + " Pegasos's lambda alone, or wrap another optimiser (e.g. SGD.getLinearDecaySGD) with 'l1'";
        }
        if (name.equals("AdaGradRDA")) {
            return "Penalty 'l1' cannot wrap " + o + ": AdaGradRDA keeps the weights in its own dual-averaging"
                    + " matrix and applies its own l1 and l2. Use AdaGradRDA's l1/l2 options, or wrap another"
                    + " optimiser (e.g. AdaGrad) with 'l1'";
        }
        String ask = "Penalty 'l1' asks for mode=" + mode.specName() + " with " + o + ", but ";
        if (mode == PenaltyMode.DECOUPLED && name.contains("AdaDelta")) {
            return ask + "AdaDelta has no learning rate to scale a decoupled decay by: use mode=coupled";
        }
        if ((mode != PenaltyMode.PROXIMAL && mode != PenaltyMode.CUMULATIVE) || name.startsWith("SGD constant")
                || name.startsWith("SGD linear") || name.startsWith("SGD sqrt")) {
            return null;
        }
        if (mode == PenaltyMode.CUMULATIVE) {
            if (name.startsWith("ParameterAveraging")) {
                return ask + "ParameterAveraging's final average of the iterates would undo its zeros: drop"
                        + " ParameterAveraging, or use mode=coupled or mode=decoupled";
            }
            String use = ": use SGD without momentum, or mode=decoupled";
            if (name.startsWith("SGD")) {
                return ask + "SGD with momentum steps along a running sum of past gradients, so no single step"
                        + " size makes a cumulative penalty consistent with the objective" + use;
            }
            return ask + name + " gives every weight its own step size from private state, which a cumulative"
                    + " penalty would need" + use;
        }
        if (name.startsWith("ParameterAveraging")) {
            return ask + "ParameterAveraging's final average of the iterates would undo the exact zeros of"
                    + " proximal steps: drop ParameterAveraging, or use mode=coupled or mode=decoupled";
        }
        if (name.startsWith("SGD")) {
            return ask + "SGD with momentum steps along a running sum of past gradients, so no single step size"
                    + " makes a proximal step consistent with the objective" + USE_PLAIN_SGD;
        }
        return ask + name + " gives every weight its own step size from private state, which a proximal step"
                + " would need" + USE_PLAIN_SGD;
    }

    @ParameterizedTest(name = "{0}, mode={1}")
    @MethodSource("matrix")
    void trainsOrIsRefusedClearly(String name, PenaltyMode mode, Supplier<StochasticGradientOptimiser> make,
            String refusal) {
        Regularization reg = TestTerms.of(TestTerms.mode(l1p(LAMBDA), mode));
        if (refusal != null) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new RegularizedOptimiser(make.get(), reg));
            assertEquals(refusal, e.getMessage());
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
