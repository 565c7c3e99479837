package dev.rein.samples.train;

import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.optim.ReinFtrl;
import dev.rein.runtime.optim.ReinRMSProp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaDelta;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.AdaGradRDA;
import org.tribuo.math.optimisers.Pegasos;
import org.tribuo.math.optimisers.SGD;

/**
 * The optimisers {@code rein train --optimiser NAME} offers (Tribuo's, and Rein's Adam, RMSProp and FTRL), each with the learning rate it uses when
 * {@code --learning-rate} is not given.
 *
 * <pre>{@code
 * StochasticGradientOptimiser o = OptimiserChoice.parse("adagrad").create(0.5);
 * }</pre>
 */
public enum OptimiserChoice {
    /** Plain SGD with a constant learning rate. */
    SGD_CONSTANT("sgd", 0.1),
    /** SGD with a learning rate decaying as 1/t. */
    SGD_LINEAR_DECAY("sgd-linear-decay", 0.5),
    /** SGD with a learning rate decaying as 1/sqrt(t). */
    SGD_SQRT_DECAY("sgd-sqrt-decay", 0.5),
    /**
     * AdaGrad, Tribuo's default for linear models. Its default rate, 0.25, had the best test accuracy of 0.1 to 1
     * (tied with 0.1) with L1 on BENCHMARKS.md's wide set, and is within 0.3 points of the best on Fashion-MNIST
     * with more exact zeros (part 3c).
     */
    ADAGRAD("adagrad", 0.25),
    /** AdaGrad with regularized dual averaging. */
    ADAGRAD_RDA("adagrad-rda", 0.5),
    /** AdaDelta (its step has no learning rate; the value is used as epsilon's scale). */
    ADADELTA("adadelta", 1.0),
    /** Rein's Adam (Kingma and Ba, with bias correction); Tribuo 4.3.2's divides by the wrong thing. */
    ADAM("adam", 0.01),
    /** Rein's RMSProp: Tribuo's, with its sparse-gradient step size corrected. */
    RMSPROP("rmsprop", 0.01),
    /**
     * Rein's FTRL-Proximal (McMahan et al. 2013); the learning rate is its α (0.25 by default, chosen as AdaGrad's),
     * and β is 1 on the mean gradient. A spec's l1, l2 and elastic_net go into its closed form.
     */
    FTRL("ftrl", 0.25),
    /** Pegasos; it already applies L2 (lambda 1e-4), so Rein refuses extra penalties with it. */
    PEGASOS("pegasos", 0.1);

    private final String cliName;
    private final double defaultLearningRate;

    OptimiserChoice(String cliName, double defaultLearningRate) {
        this.cliName = cliName;
        this.defaultLearningRate = defaultLearningRate;
    }

    /** The name on the command line, e.g. {@code "sgd-sqrt-decay"}. */
    public String cliName() {
        return cliName;
    }

    public double defaultLearningRate() {
        return defaultLearningRate;
    }

    /**
     * Builds a fresh optimiser with Tribuo's {@code learningRate}: the step Tribuo's trainers take on a mini-batch
     * of one example. For a batch size above one, see {@link #create(double, int)}.
     */
    public StochasticGradientOptimiser create(double learningRate) {
        switch (this) {
            case SGD_CONSTANT:
                return SGD.getSimpleSGD(learningRate);
            case SGD_LINEAR_DECAY:
                return SGD.getLinearDecaySGD(learningRate);
            case SGD_SQRT_DECAY:
                return SGD.getSqrtDecaySGD(learningRate);
            case ADAGRAD:
                return new AdaGrad(learningRate, 0.1);
            case ADAGRAD_RDA:
                return new AdaGradRDA(learningRate, 0.1);
            case ADADELTA:
                return new AdaDelta(0.95, 1e-6 * learningRate);
            case ADAM:
                return new ReinAdam(learningRate, 1e-8);
            case RMSPROP:
                return new ReinRMSProp(learningRate, 0.9);
            case FTRL:
                return new ReinFtrl(learningRate, 1.0);
            case PEGASOS:
                return new Pegasos(learningRate, 1e-4);
            default:
                throw new AssertionError(this);
        }
    }

    /**
     * Builds a fresh optimiser whose {@code learningRate} is the step on the <em>mean</em> gradient of a mini-batch
     * of {@code batchSize} examples, whatever the size: {@code --learning-rate} means the same at every batch size.
     *
     * <p>Tribuo's trainers sum a mini-batch's gradients and multiply the sum by the batch size {@code b}, so the
     * optimiser sees {@code b²} times the mean gradient. Plain SGD (all three schedules) is therefore given
     * {@code learningRate / b²}; Pegasos, whose step is {@code rate / (lambda·t)} while its shrinking uses
     * {@code rate / t}, gets {@code lambda·b²}; AdaGrad and AdaGrad-RDA divide by the root of the summed squared
     * gradients, which scales with the gradient, and get their {@code epsilon} times {@code b²}; FTRL its {@code β}
     * times {@code b²} for the same reason. RMSProp, AdaDelta
     * and a correct Adam are scale-free already (their tiny epsilon aside) and are built as {@link #create(double)}
     * does; Tribuo 4.3.2's Adam is not, and gets its rate over {@code b⁴}.
     *
     * <pre>{@code
     * OptimiserChoice.SGD_CONSTANT.create(0.1, 8);   // SGD with Tribuo rate 0.1 / 64: a step of 0.1 on the mean
     * OptimiserChoice.SGD_CONSTANT.create(0.1, 1);   // the same as create(0.1)
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code batchSize < 1}
     */
    public StochasticGradientOptimiser create(double learningRate, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize is " + batchSize + "; it must be at least 1");
        }
        double scale = (double) batchSize * batchSize;
        switch (this) {
            case SGD_CONSTANT:
            case SGD_LINEAR_DECAY:
            case SGD_SQRT_DECAY:
                return create(learningRate / scale);
            case ADAGRAD:
                return new AdaGrad(learningRate, 0.1 * scale);
            case ADAGRAD_RDA:
                return new AdaGradRDA(learningRate, 0.1 * scale);
            case PEGASOS:
                return new Pegasos(learningRate, 1e-4 * scale);
            case FTRL:
                return new ReinFtrl(learningRate, scale);   // β against √n, which grows with b² too
            default:
                return scaleFree(create(learningRate), learningRate, scale);
        }
    }

    /**
     * {@code optimiser}, unless it is Tribuo 4.3.2's own Adam, whose step multiplies by {@code sqrt(v) + epsilon}
     * where Adam divides (see docs/NOTES.md) and so grows with the square of the gradient's scale: that one gets the
     * rate divided by {@code scale²} and epsilon times {@code scale}, which makes its step the one on the mean.
     */
    private static StochasticGradientOptimiser scaleFree(StochasticGradientOptimiser optimiser, double learningRate,
            double scale) {
        // Named in full: this method must not depend on which Adam create(double) builds.
        if (optimiser.getClass() == org.tribuo.math.optimisers.Adam.class && scale != 1) {
            return new org.tribuo.math.optimisers.Adam(learningRate / (scale * scale), 1e-8 * scale);
        }
        return optimiser;
    }

    /**
     * The choice named {@code name} (case-insensitive).
     *
     * @throws UserInputException naming the valid choices
     */
    public static OptimiserChoice parse(String name) {
        for (OptimiserChoice c : values()) {
            if (c.cliName.equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        throw new UserInputException("Unknown optimiser '" + name + "'. Valid: " + String.join(", ", cliNames())
                + ".");
    }

    /** Every name accepted by {@link #parse}. */
    public static List<String> cliNames() {
        List<String> names = new ArrayList<>();
        for (OptimiserChoice c : values()) {
            names.add(c.cliName);
        }
        return names;
    }

    @Override
    public String toString() {
        return cliName.toLowerCase(Locale.ROOT);
    }
}
