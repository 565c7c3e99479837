package dev.rein.plugins;

import dev.rein.api.ClosedForm;
import dev.rein.api.Param;
import dev.rein.api.Penalty;
import dev.rein.api.Proximal;
import dev.rein.api.Regularizer;
import dev.rein.api.hook.ElasticCoefficients;

/**
 * L2, also called ridge or weight decay: {@code R(w) = (λ/2)·w²}, gradient {@code λ·w}.
 *
 * <pre>{@code
 * rein train --data train.libsvm --spec "l2(lambda=1e-4)"
 * }</pre>
 *
 * <p>The same strength in other libraries (with Rein's objective {@code mean loss + R(w)}):
 * <ul>
 *   <li>scikit-learn {@code SGDClassifier(penalty="l2", alpha=a)}: {@code λ = a}.</li>
 *   <li>PyTorch {@code weight_decay=d} (SGD; coupled): {@code λ = d}.</li>
 *   <li>Keras {@code regularizers.l2(x)}, which adds {@code x·w²}: {@code λ = 2x} ({@link #lambdaFromKeras}).</li>
 *   <li>liblinear {@code -c C} ({@code ½‖w‖² + C·Σ loss}): {@code λ = 1/(C·n)} for {@code n} examples
 *       ({@link #lambdaFromLiblinear}).</li>
 * </ul>
 * Its proximal operator {@code w / (1 + step·λ)} is exact shrinkage. The gradient {@code λ·w} is derived by the
 * processor from the penalty ({@code L2_ReinGradient}), the same expression one would write by hand.
 */
@Regularizer(name = "l2", aliases = {"ridge", "weight_decay"},
        description = "Ridge / weight decay: (lambda/2)*w^2, shrinks all weights towards zero")
public final class L2 {
    private L2() {
    }

    @Penalty
    static double penalty(double w,
            @Param(defaultValue = "1e-4", min = 0, description = "Strength lambda in (lambda/2)*w^2") double lambda) {
        return 0.5 * lambda * w * w;
    }

    @Proximal
    static double prox(double w, double step, double lambda) {
        return w / (1 + step * lambda);
    }

    /** {@code (λ/2)·w²} for every {@code w}: lazy catch-ups of absent sparse features are one multiplication. */
    @ClosedForm
    static ElasticCoefficients closedForm(double lambda) {
        return ElasticCoefficients.ridge(lambda);
    }

    /** Rein's {@code lambda} for Keras' {@code l2(x)}, which penalizes {@code x·w²}. */
    public static double lambdaFromKeras(double kerasL2) {
        return 2 * kerasL2;
    }

    /** Rein's {@code lambda} for liblinear's cost {@code C} on {@code n} training examples. */
    public static double lambdaFromLiblinear(double c, long n) {
        return 1 / (c * n);
    }
}
