package dev.rein.plugins;

import dev.rein.api.ClosedForm;
import dev.rein.api.Gradient;
import dev.rein.api.Param;
import dev.rein.api.Penalty;
import dev.rein.api.Proximal;
import dev.rein.api.Regularizer;
import dev.rein.api.hook.ElasticCoefficients;

/**
 * L1, the lasso: {@code R(w) = λ·|w|}. Its proximal operator, soft-thresholding, sets small weights exactly to
 * zero, which gives sparse models.
 *
 * <pre>{@code
 * rein train --data train.libsvm --spec "l1(lambda=1e-5)"
 * }</pre>
 *
 * <p>The same strength elsewhere (Rein's objective is {@code mean loss + R(w)}):
 * <ul>
 *   <li>scikit-learn {@code SGDClassifier(penalty="l1", alpha=a)} and {@code Lasso(alpha=a)}: {@code λ = a}.</li>
 *   <li>Keras {@code regularizers.l1(x)}: {@code λ = x}.</li>
 *   <li>PyTorch has no built-in L1; adding {@code x·‖w‖₁} to the mean loss is {@code λ = x}.</li>
 *   <li>liblinear {@code -s 6 -c C} ({@code ‖w‖₁ + C·Σ loss}): {@code λ = 1/(C·n)}
 *       ({@link #lambdaFromLiblinear}).</li>
 * </ul>
 * The gradient at {@code w = 0} is taken as {@code 0}, a valid subgradient.
 *
 * <p>Under plain SGD, {@code mode=auto} applies it by proximal steps. scikit-learn's {@code SGDClassifier} applies
 * it by Tsuruoka et al.'s cumulative penalty instead, which Rein offers as {@code l1(lambda=1e-5, mode=cumulative)}:
 * sparser models after a few epochs, at some cost per step (see BENCHMARKS.md).
 */
@Regularizer(name = "l1", aliases = {"lasso"},
        description = "Lasso: lambda*|w|, drives small weights to exactly zero")
public final class L1 {
    private L1() {
    }

    @Penalty
    static double penalty(double w,
            @Param(defaultValue = "1e-5", min = 0, description = "Strength lambda in lambda*|w|") double lambda) {
        return lambda * Math.abs(w);
    }

    @Gradient
    static double gradient(double w, double lambda) {
        return w > 0 ? lambda : w < 0 ? -lambda : 0.0;
    }

    @Proximal
    static double prox(double w, double step, double lambda) {
        double threshold = step * lambda;
        return w > threshold ? w - threshold : w < -threshold ? w + threshold : 0.0;
    }

    /** {@code λ·|w|} for every {@code w}: lazy catch-ups of absent sparse features are closed-form. */
    @ClosedForm
    static ElasticCoefficients closedForm(double lambda) {
        return ElasticCoefficients.lasso(lambda);
    }

    /** Rein's {@code lambda} for liblinear's L1 cost {@code C} on {@code n} training examples. */
    public static double lambdaFromLiblinear(double c, long n) {
        return 1 / (c * n);
    }
}
