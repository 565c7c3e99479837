package dev.rein.plugins;

import dev.rein.api.Param;
import dev.rein.api.Regularizer;
import dev.rein.api.hook.NamedArray;
import dev.rein.api.hook.Normalization;
import dev.rein.api.hook.Phase;
import dev.rein.api.hook.Role;
import java.util.List;

/**
 * Batch normalization (Ioffe and Szegedy, 2015): per unit, {@code y = γ·(x − μ)/√(σ² + ε) + β}, with {@code μ} and
 * {@code σ²} the mean and (biased, divided by the batch size) variance of the mini-batch in training and the running
 * averages at prediction. {@code γ} (starts at 1) and {@code β} (starts at 0) are learned; penalties leave them alone
 * unless the spec says {@code on=all}.
 *
 * <pre>{@code
 * rein train --model mlp --layers 256,128 --data fashion-mnist/ --spec "batch_norm(momentum=0.99)"
 * }</pre>
 *
 * <p><b>Momentum</b> is Keras' convention: after each training batch
 * {@code running = momentum·running + (1 − momentum)·batch}, so the default 0.99 keeps 99 % of the old average.
 * PyTorch's {@code momentum} is the other share: PyTorch {@code momentum=0.1} is {@code momentum=0.9} here. The
 * running variance averages the biased batch variance, as Keras does (PyTorch averages the unbiased one).
 */
@Regularizer(name = "batch_norm", aliases = {"batchnorm"},
        description = "Normalizes each unit over the mini-batch, then scales and shifts it by learned gamma and beta")
public final class BatchNorm implements Normalization {
    private final double momentum;
    private final double epsilon;

    private double[] gamma;
    private double[] beta;
    private double[] gammaGradient;
    private double[] betaGradient;
    private double[] runningMean;
    private double[] runningVariance;
    /** From the last forward: the normalized input and each unit's 1/√(σ² + ε). */
    private double[] normalized = new double[0];
    private double[] inverseStd;
    private boolean lastForwardTrained;

    /**
     * @param momentum the share of the running averages each training batch keeps (Keras' convention)
     * @param epsilon  added to the variance before the square root
     */
    public BatchNorm(
            @Param(defaultValue = "0.99", min = 0, max = 1, exclusiveMax = true,
                    description = "Share of the running mean and variance each training batch keeps (Keras'"
                            + " convention; PyTorch's momentum is 1 minus this)") double momentum,
            @Param(defaultValue = "1e-3", min = 0, exclusiveMin = true,
                    description = "Added to the variance before its square root") double epsilon) {
        this.momentum = momentum;
        this.epsilon = epsilon;
    }

    @Override
    public void initialise(int width) {
        gamma = new double[width];
        java.util.Arrays.fill(gamma, 1.0);
        beta = new double[width];
        gammaGradient = new double[width];
        betaGradient = new double[width];
        runningMean = new double[width];
        runningVariance = new double[width];
        java.util.Arrays.fill(runningVariance, 1.0);
        inverseStd = new double[width];
    }

    @Override
    public List<NamedArray> learnedParameters() {
        return List.of(new NamedArray("gamma", Role.NORMALIZATION_SCALE, gamma),
                new NamedArray("beta", Role.NORMALIZATION_SHIFT, beta));
    }

    @Override
    public List<NamedArray> learnedGradients() {
        return List.of(new NamedArray("gamma", Role.NORMALIZATION_SCALE, gammaGradient),
                new NamedArray("beta", Role.NORMALIZATION_SHIFT, betaGradient));
    }

    @Override
    public List<NamedArray> state() {
        return List.of(new NamedArray("running_mean", null, runningMean),
                new NamedArray("running_variance", null, runningVariance));
    }

    @Override
    public void forward(double[] in, double[] out, int batch, int width, Phase phase) {
        if (normalized.length < batch * width) {
            normalized = new double[batch * width];
        }
        lastForwardTrained = phase == Phase.TRAIN;
        for (int j = 0; j < width; j++) {
            double mean;
            double variance;
            if (lastForwardTrained) {
                double sum = 0;
                for (int b = 0; b < batch; b++) {
                    sum += in[b * width + j];
                }
                mean = sum / batch;
                double squares = 0;
                for (int b = 0; b < batch; b++) {
                    double d = in[b * width + j] - mean;
                    squares += d * d;
                }
                variance = squares / batch;
                runningMean[j] = momentum * runningMean[j] + (1 - momentum) * mean;
                runningVariance[j] = momentum * runningVariance[j] + (1 - momentum) * variance;
            } else {
                mean = runningMean[j];
                variance = runningVariance[j];
            }
            double inv = 1.0 / Math.sqrt(variance + epsilon);
            inverseStd[j] = inv;
            for (int b = 0; b < batch; b++) {
                int i = b * width + j;
                normalized[i] = (in[i] - mean) * inv;
                out[i] = gamma[j] * normalized[i] + beta[j];
            }
        }
    }

    @Override
    public void backward(double[] gradOut, double[] gradIn, int batch, int width) {
        for (int j = 0; j < width; j++) {
            double sumGrad = 0;
            double sumGradNormalized = 0;
            for (int b = 0; b < batch; b++) {
                int i = b * width + j;
                sumGrad += gradOut[i];
                sumGradNormalized += gradOut[i] * normalized[i];
            }
            gammaGradient[j] = sumGradNormalized;
            betaGradient[j] = sumGrad;
            double scale = gamma[j] * inverseStd[j];
            for (int b = 0; b < batch; b++) {
                int i = b * width + j;
                // In training μ and σ² depend on every input of the column; at prediction they are constants.
                gradIn[i] = lastForwardTrained
                        ? scale * (gradOut[i] - (sumGrad + normalized[i] * sumGradNormalized) / batch)
                        : scale * gradOut[i];
            }
        }
    }
}
