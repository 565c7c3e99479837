package dev.rein.plugins;

import dev.rein.api.ClosedForm;
import dev.rein.api.Gradient;
import dev.rein.api.Param;
import dev.rein.api.Penalty;
import dev.rein.api.Proximal;
import dev.rein.api.Regularizer;
import dev.rein.api.hook.ElasticCoefficients;

/**
 * Elastic net, with scikit-learn's meaning: {@code R(w) = λ·(ρ·|w| + (1−ρ)/2·w²)}, where {@code ρ} is
 * {@code l1_ratio}. {@code ρ = 1} is {@link L1}, {@code ρ = 0} is {@link L2}.
 *
 * <pre>{@code
 * rein train --data train.libsvm --spec "elastic_net(lambda=1e-4, l1_ratio=0.15)"
 * }</pre>
 *
 * <p>scikit-learn {@code SGDClassifier(penalty="elasticnet", alpha=a, l1_ratio=r)} and
 * {@code ElasticNet(alpha=a, l1_ratio=r)} are {@code λ = a, ρ = r}. Keras {@code l1_l2(l1=x, l2=y)} is
 * {@code λ = x + 2y, ρ = x / (x + 2y)}. The proximal operator soft-thresholds by {@code step·λ·ρ}, then shrinks
 * by {@code 1 + step·λ·(1−ρ)}: exact zeros, like L1. {@code mode=cumulative} pays the L1 part the way
 * {@code SGDClassifier} does (Tsuruoka et al.'s cumulative penalty), for sparser models under SGD.
 */
@Regularizer(name = "elastic_net", aliases = {"elasticnet"},
        description = "Elastic net: lambda*(l1_ratio*|w| + (1-l1_ratio)/2*w^2), sparse and stable")
public final class ElasticNet {
    private ElasticNet() {
    }

    @Penalty
    static double penalty(double w,
            @Param(defaultValue = "1e-4", min = 0, description = "Overall strength lambda") double lambda,
            @Param(defaultValue = "0.5", min = 0, max = 1, description = "Share of L1 in the mix (rho)")
            double l1Ratio) {
        return lambda * (l1Ratio * Math.abs(w) + 0.5 * (1 - l1Ratio) * w * w);
    }

    @Gradient
    static double gradient(double w, double lambda, double l1Ratio) {
        double sign = w > 0 ? 1 : w < 0 ? -1 : 0;
        return lambda * (l1Ratio * sign + (1 - l1Ratio) * w);
    }

    @Proximal
    static double prox(double w, double step, double lambda, double l1Ratio) {
        double threshold = step * lambda * l1Ratio;
        double shrunk = w > threshold ? w - threshold : w < -threshold ? w + threshold : 0.0;
        return shrunk / (1 + step * lambda * (1 - l1Ratio));
    }

    /** {@code λ₁ = λ·ρ}, {@code λ₂ = λ·(1−ρ)}: lazy catch-ups of absent sparse features are closed-form. */
    @ClosedForm
    static ElasticCoefficients closedForm(double lambda, double l1Ratio) {
        return ElasticCoefficients.of(lambda * l1Ratio, lambda * (1 - l1Ratio));
    }
}
