package dev.rein.runtime.check;

import dev.rein.api.hook.ActivationRegularizer;
import dev.rein.api.hook.BlockPenalty;
import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ElasticCoefficients;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.hook.EpochDecision;
import dev.rein.api.hook.EpochScore;
import dev.rein.api.hook.NamedArray;
import dev.rein.api.hook.Normalization;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.hook.Phase;
import dev.rein.api.hook.Role;
import dev.rein.api.hook.StoppingRule;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.Kind;
import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.ParamType;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.RegularizerProvider;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Hand-written hooks and providers for the tests, the way a person would write them without the processor; some
 * deliberately wrong.
 */
public final class TestHooks {
    private TestHooks() {
    }

    /** A provider of {@code descriptor} that builds hooks with {@code factory}. */
    public static RegularizerProvider provider(RegularizerDescriptor descriptor, Function<Arguments, Object> factory) {
        return new RegularizerProvider() {
            @Override
            public RegularizerDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public Object create(Arguments arguments) {
                return factory.apply(arguments);
            }
        };
    }

    /** A {@code lambda} parameter: a number >= 0 with the given default. */
    public static ParamDescriptor lambda(String defaultValue) {
        return ParamDescriptor.builder("lambda", ParamType.DOUBLE).defaultValue(defaultValue).min(0, false).build();
    }

    /** A penalty provider named {@code name} with one {@code lambda} parameter. */
    public static RegularizerProvider penaltyProvider(String name, Function<Double, ElementwisePenalty> factory) {
        return provider(RegularizerDescriptor.builder(name, Kind.PENALTY).addParam(lambda("1e-4")).build(),
                a -> factory.apply(a.getDouble("lambda")));
    }

    /** An element-wise penalty from plain functions; {@code prox} may be null. */
    public static ElementwisePenalty penalty(DoubleUnaryOperator value, DoubleUnaryOperator gradient,
            DoubleBinaryOperator prox) {
        return new ElementwisePenalty() {
            @Override
            public double value(double w) {
                return value.applyAsDouble(w);
            }

            @Override
            public double gradient(double w) {
                return gradient.applyAsDouble(w);
            }

            @Override
            public boolean hasProximal() {
                return prox != null;
            }

            @Override
            public double proximal(double w, double step) {
                if (prox == null) {
                    throw new UnsupportedOperationException("no proximal");
                }
                return prox.applyAsDouble(w, step);
            }

            @Override
            public double value(double[] w, int from, int to) {
                double sum = 0;
                for (int i = from; i < to; i++) {
                    sum += value(w[i]);
                }
                return sum;
            }

            @Override
            public void addGradient(double[] w, int from, int to, double[] g, double scale) {
                for (int i = from; i < to; i++) {
                    g[i] += scale * gradient(w[i]);
                }
            }

            @Override
            public void proximal(double[] w, int from, int to, double step) {
                for (int i = from; i < to; i++) {
                    w[i] = proximal(w[i], step);
                }
            }
        };
    }

    /** {@code (λ/2)·w²}, gradient {@code λw}, prox {@code w/(1 + step·λ)}. */
    public static ElementwisePenalty l2(double lambda) {
        return penalty(w -> 0.5 * lambda * w * w, w -> lambda * w, (w, step) -> w / (1 + step * lambda));
    }

    /** {@code (λ/2)·w²} without a proximal operator. */
    public static ElementwisePenalty l2WithoutProx(double lambda) {
        return penalty(w -> 0.5 * lambda * w * w, w -> lambda * w, null);
    }

    /** L2 whose gradient is off by a factor 2. */
    public static ElementwisePenalty l2WithDoubledGradient(double lambda) {
        return penalty(w -> 0.5 * lambda * w * w, w -> 2 * lambda * w, null);
    }

    /**
     * {@code λ·log cosh(w)} written in its numerically stable form {@code λ(|w| + log1p(exp(-2|w|)) - log 2)},
     * times {@code gradientFactor} on the exact gradient {@code λ·tanh(w)} (1 for the correct one): near zero its
     * value is a difference of nearly equal terms.
     */
    public static ElementwisePenalty smoothAbs(double lambda, double gradientFactor) {
        return penalty(w -> lambda * (Math.abs(w) + Math.log1p(Math.exp(-2 * Math.abs(w))) - Math.log(2)),
                w -> gradientFactor * lambda * Math.tanh(w), null);
    }

    /** {@code λ(sqrt(1 + w²) - 1)}, times {@code gradientFactor} on the exact gradient {@code λw/sqrt(1 + w²)}. */
    public static ElementwisePenalty pseudoHuber(double lambda, double gradientFactor) {
        return penalty(w -> lambda * (Math.sqrt(1 + w * w) - 1),
                w -> gradientFactor * lambda * w / Math.sqrt(1 + w * w), null);
    }

    /** {@code λ·|w|}, subgradient 0 at the kink, soft-thresholding prox. */
    public static ElementwisePenalty l1(double lambda) {
        return penalty(w -> lambda * Math.abs(w), w -> lambda * Math.signum(w),
                (w, step) -> softThreshold(w, step * lambda));
    }

    private static double softThreshold(double w, double t) {
        return w > t ? w - t : w < -t ? w + t : 0.0;
    }

    /** L1 whose prox thresholds at twice the right amount. */
    public static ElementwisePenalty l1WithWrongProx(double lambda) {
        return penalty(w -> lambda * Math.abs(w), w -> lambda * Math.signum(w),
                (w, step) -> softThreshold(w, 2 * step * lambda));
    }

    /** L1 whose gradient at the kink is +λ: still a valid subgradient. */
    public static ElementwisePenalty l1WithOneSidedSubgradient(double lambda) {
        return penalty(w -> lambda * Math.abs(w), w -> w >= 0 ? lambda : -lambda, null);
    }

    /** {@code λ·max(0, |w| - 1)}: kinks at ±1 and flat between, subgradient λ/2 at the kinks. */
    public static ElementwisePenalty deadZone(double lambda) {
        return penalty(w -> lambda * Math.max(0, Math.abs(w) - 1),
                w -> Math.abs(w) > 1 ? lambda * Math.signum(w) : Math.abs(w) == 1 ? lambda / 2 * Math.signum(w) : 0,
                null);
    }

    /**
     * Huber-like: {@code (λ/2)·w²} for {@code |w| <= δ}, {@code λ·δ·(|w| - δ/2)} beyond (value and slope continuous),
     * so equal to L2 near zero and linear far from it.
     */
    public static ElementwisePenalty huber(double lambda, double delta) {
        return penalty(w -> Math.abs(w) <= delta ? 0.5 * lambda * w * w : lambda * delta * (Math.abs(w) - delta / 2),
                w -> Math.abs(w) <= delta ? lambda * w : lambda * delta * Math.signum(w), null);
    }

    /** {@code penalty} with {@code form} as its declared closed form (what a {@code @ClosedForm} method gives). */
    public static ElementwisePenalty declaring(ElementwisePenalty penalty, ElasticCoefficients form) {
        return new ElementwisePenalty() {
            public double value(double w) {
                return penalty.value(w);
            }

            public double gradient(double w) {
                return penalty.gradient(w);
            }

            public boolean hasProximal() {
                return penalty.hasProximal();
            }

            public double proximal(double w, double step) {
                return penalty.proximal(w, step);
            }

            public double value(double[] w, int from, int to) {
                return penalty.value(w, from, to);
            }

            public void addGradient(double[] w, int from, int to, double[] g, double scale) {
                penalty.addGradient(w, from, to, g, scale);
            }

            public void proximal(double[] w, int from, int to, double step) {
                penalty.proximal(w, from, to, step);
            }

            public Optional<ElasticCoefficients> closedForm() {
                return Optional.of(form);
            }
        };
    }

    /** L1 whose array {@code addGradient} forgets the scale. */
    public static ElementwisePenalty l1IgnoringScale(double lambda) {
        ElementwisePenalty right = l1(lambda);
        return new ElementwisePenalty() {
            public double value(double w) {
                return right.value(w);
            }

            public double gradient(double w) {
                return right.gradient(w);
            }

            public boolean hasProximal() {
                return false;
            }

            public double proximal(double w, double step) {
                throw new UnsupportedOperationException();
            }

            public double value(double[] w, int from, int to) {
                return right.value(w, from, to);
            }

            public void addGradient(double[] w, int from, int to, double[] g, double scale) {
                right.addGradient(w, from, to, g, 1.0);
            }

            public void proximal(double[] w, int from, int to, double step) {
                throw new UnsupportedOperationException();
            }
        };
    }

    /** Caps each row's L2 norm at {@code c}. */
    public static Constraint maxNorm(double c) {
        return block -> {
            for (int r = 0; r < block.rows(); r++) {
                double norm = Math.sqrt(block.rowSquaredNorm(r));
                if (norm > c) {
                    block.scaleRow(r, c / norm);
                }
            }
        };
    }

    /** Clips negative weights to zero. */
    public static Constraint nonNegative() {
        return block -> {
            double[] w = block.values();
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(0, w[i]);
            }
        };
    }

    /** Halves every weight on every call: not a projection. */
    public static Constraint halving() {
        return block -> {
            for (int r = 0; r < block.rows(); r++) {
                block.scaleRow(r, 0.5);
            }
        };
    }

    /** Group lasso: {@code λ·Σ_r ‖row r‖}, with its block soft-thresholding prox. */
    public static BlockPenalty groupLasso(double lambda, double gradientFactor) {
        return new BlockPenalty() {
            @Override
            public double value(ParameterBlock b) {
                double sum = 0;
                for (int r = 0; r < b.rows(); r++) {
                    sum += Math.sqrt(b.rowSquaredNorm(r));
                }
                return lambda * sum;
            }

            @Override
            public void addGradient(ParameterBlock b, double[] gradient, double scale) {
                for (int r = 0; r < b.rows(); r++) {
                    double norm = Math.sqrt(b.rowSquaredNorm(r));
                    if (norm > 0) {
                        for (int c = 0; c < b.columns(); c++) {
                            gradient[r * b.columns() + c] += scale * gradientFactor * lambda * b.get(r, c) / norm;
                        }
                    }
                }
            }

            @Override
            public boolean hasProximal() {
                return true;
            }

            @Override
            public void proximal(ParameterBlock b, double step) {
                for (int r = 0; r < b.rows(); r++) {
                    double norm = Math.sqrt(b.rowSquaredNorm(r));
                    b.scaleRow(r, norm > step * lambda ? 1 - step * lambda / norm : 0);
                }
            }
        };
    }

    /** Inverted dropout with drop probability {@code p}; {@code forgetMask} makes backward ignore the mask. */
    public static ActivationRegularizer dropout(double p, boolean forgetMask) {
        return new ActivationRegularizer() {
            private double[] mask = new double[0];

            @Override
            public void forward(double[] in, double[] out, int batch, int width, Phase phase, RandomGenerator random) {
                mask = new double[in.length];
                for (int i = 0; i < in.length; i++) {
                    mask[i] = phase == Phase.EVAL ? 1 : random.nextDouble() < p ? 0 : 1 / (1 - p);
                    out[i] = in[i] * mask[i];
                }
            }

            @Override
            public void backward(double[] gradOut, double[] gradIn, int batch, int width) {
                for (int i = 0; i < gradOut.length; i++) {
                    gradIn[i] = forgetMask ? gradOut[i] : gradOut[i] * mask[i];
                }
            }
        };
    }

    /** Dropout that draws from its own unseeded generator instead of the one it is given. */
    public static ActivationRegularizer unseededDropout(double p) {
        java.util.Random own = new java.util.Random();
        ActivationRegularizer inner = dropout(p, false);
        return new ActivationRegularizer() {
            @Override
            public void forward(double[] in, double[] out, int batch, int width, Phase phase, RandomGenerator random) {
                inner.forward(in, out, batch, width, phase, own);
            }

            @Override
            public void backward(double[] gradOut, double[] gradIn, int batch, int width) {
                inner.backward(gradOut, gradIn, batch, width);
            }
        };
    }

    /** Batch normalization per column; {@code gradientNames} are the names of the gradient arrays. */
    public static Normalization batchNorm(double eps, List<String> gradientNames) {
        return new Normalization() {
            private double[] gamma;
            private double[] beta;
            private double[] gradGamma;
            private double[] gradBeta;
            private double[] runningMean;
            private double[] runningVar;
            private double[] xHat;
            private double[] invStd;

            @Override
            public void initialise(int width) {
                gamma = new double[width];
                java.util.Arrays.fill(gamma, 1.0);
                beta = new double[width];
                gradGamma = new double[width];
                gradBeta = new double[width];
                runningMean = new double[width];
                runningVar = new double[width];
                java.util.Arrays.fill(runningVar, 1.0);
            }

            @Override
            public List<NamedArray> learnedParameters() {
                return List.of(new NamedArray("gamma", Role.NORMALIZATION_SCALE, gamma),
                        new NamedArray("beta", Role.NORMALIZATION_SHIFT, beta));
            }

            @Override
            public List<NamedArray> learnedGradients() {
                return List.of(new NamedArray(gradientNames.get(0), Role.NORMALIZATION_SCALE, gradGamma),
                        new NamedArray(gradientNames.get(1), Role.NORMALIZATION_SHIFT, gradBeta));
            }

            @Override
            public List<NamedArray> state() {
                return List.of(new NamedArray("running_mean", null, runningMean),
                        new NamedArray("running_var", null, runningVar));
            }

            @Override
            public void forward(double[] in, double[] out, int batch, int width, Phase phase) {
                xHat = new double[in.length];
                invStd = new double[width];
                for (int c = 0; c < width; c++) {
                    double mean = 0;
                    double var = 0;
                    if (phase == Phase.TRAIN) {
                        for (int r = 0; r < batch; r++) {
                            mean += in[r * width + c] / batch;
                        }
                        for (int r = 0; r < batch; r++) {
                            double d = in[r * width + c] - mean;
                            var += d * d / batch;
                        }
                        runningMean[c] = 0.9 * runningMean[c] + 0.1 * mean;
                        runningVar[c] = 0.9 * runningVar[c] + 0.1 * var;
                    } else {
                        mean = runningMean[c];
                        var = runningVar[c];
                    }
                    invStd[c] = 1 / Math.sqrt(var + eps);
                    for (int r = 0; r < batch; r++) {
                        int i = r * width + c;
                        xHat[i] = (in[i] - mean) * invStd[c];
                        out[i] = gamma[c] * xHat[i] + beta[c];
                    }
                }
            }

            @Override
            public void backward(double[] gradOut, double[] gradIn, int batch, int width) {
                for (int c = 0; c < width; c++) {
                    double sumG = 0;
                    double sumGx = 0;
                    for (int r = 0; r < batch; r++) {
                        int i = r * width + c;
                        sumG += gradOut[i];
                        sumGx += gradOut[i] * xHat[i];
                    }
                    gradBeta[c] = sumG;
                    gradGamma[c] = sumGx;
                    for (int r = 0; r < batch; r++) {
                        int i = r * width + c;
                        gradIn[i] = gamma[c] * invStd[c] / batch * (batch * gradOut[i] - sumG - xHat[i] * sumGx);
                    }
                }
            }
        };
    }

    /** Early stopping after {@code patience} epochs without improvement; {@code stopAfter} > 0 stops regardless. */
    public static StoppingRule earlyStopping(int patience, int stopAfter) {
        return new StoppingRule() {
            private double best;
            private int bestEpoch;

            @Override
            public String metric() {
                return "loss";
            }

            @Override
            public EpochDecision afterEpoch(EpochScore score) {
                if (stopAfter > 0 && score.epoch() >= stopAfter) {
                    return EpochDecision.stop("enough", EpochDecision.KEEP_CURRENT);
                }
                if (bestEpoch == 0 || score.improvesOn(best, 0)) {
                    best = score.value();
                    bestEpoch = score.epoch();
                } else if (score.epoch() - bestEpoch >= patience) {
                    return EpochDecision.stop("no improvement in " + patience + " epochs", bestEpoch);
                }
                return EpochDecision.keepGoing();
            }

            @Override
            public void reset() {
                best = 0;
                bestEpoch = 0;
            }
        };
    }
}
