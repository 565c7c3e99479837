package dev.rein.runtime.tribuo;

import dev.rein.api.hook.ParameterBlock;
import dev.rein.runtime.plan.PenaltyTerm;
import dev.rein.runtime.spec.Regularization;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tribuo.common.sgd.AbstractFMModel;
import org.tribuo.common.sgd.AbstractLinearSGDModel;
import org.tribuo.math.Parameters;
import org.tribuo.math.la.Tensor;

/**
 * What a regularization did to a model's weights: the penalty {@code Σ R(w)}, the weights' L2 norm, and how many
 * are exactly zero. Immutable.
 *
 * <pre>{@code
 * LinearSGDModel model = trainer.train(data);
 * WeightSummary s = WeightSummary.of(model, regularization);
 * s.penalty();       // Σ_k R_k over the blocks each term covers, e.g. 0.05·‖w‖² for l2(lambda=0.1)
 * s.weightNorm();    // ‖w‖₂ over weights (and factors), biases excluded
 * s.zeroWeights();   // 12, of s.totalWeights() == 40
 * }</pre>
 *
 * <p>The penalty follows each term's {@code on} option (biases only with {@code on=all}); the norm and the counts
 * always cover exactly the blocks regularized by default (weights and factorization-machine factors).
 */
public final class WeightSummary {
    private final double penalty;
    private final double weightNorm;
    private final long zeroWeights;
    private final long totalWeights;

    /**
     * @throws IllegalArgumentException if the counts are negative or more weights are zero than exist
     */
    public WeightSummary(double penalty, double weightNorm, long zeroWeights, long totalWeights) {
        if (zeroWeights < 0 || totalWeights < 0 || zeroWeights > totalWeights) {
            throw new IllegalArgumentException(TribuoMessages.summaryCounts(zeroWeights, totalWeights).toString());
        }
        this.penalty = penalty;
        this.weightNorm = weightNorm;
        this.zeroWeights = zeroWeights;
        this.totalWeights = totalWeights;
    }

    /** The summary of a trained linear model (classification or regression). */
    public static WeightSummary of(AbstractLinearSGDModel<?> model, Regularization regularization) {
        Tensor[] tensors = {model.getWeightsCopy()};
        return of(ParameterLayout.linear(tensors), tensors, regularization);
    }

    /** The summary of a trained factorization machine. */
    public static WeightSummary of(AbstractFMModel<?> model, Regularization regularization) {
        Tensor[] factors = model.getFactorsCopy();
        Tensor[] tensors = new Tensor[factors.length + 2];
        tensors[0] = model.getBiasesCopy();
        tensors[1] = model.getLinearWeightsCopy();
        System.arraycopy(factors, 0, tensors, 2, factors.length);
        return of(ParameterLayout.factorizationMachine(tensors), tensors, regularization);
    }

    /** The summary of live parameters, e.g. during training. */
    public static WeightSummary of(Parameters parameters, Regularization regularization) {
        return of(ParameterLayout.of(parameters), parameters.get(), regularization);
    }

    /** The summary of {@code tensors} read through {@code layout}. */
    public static WeightSummary of(ParameterLayout layout, Tensor[] tensors, Regularization regularization) {
        List<ParameterBlock> blocks = new ArrayList<>();
        for (ParameterSlot slot : layout.slots()) {
            blocks.add(slot.read(tensors));
        }
        return ofBlocks(blocks, regularization);
    }

    /**
     * The summary of named parameter blocks, each with its role: e.g. a network's,
     * {@code WeightSummary.ofBlocks(feedForwardModel.parameterBlocks(), regularization)}.
     */
    public static WeightSummary ofBlocks(Iterable<ParameterBlock> blocks, Regularization regularization) {
        Objects.requireNonNull(regularization, "regularization");
        double penalty = 0;
        double squaredNorm = 0;
        long zeros = 0;
        long total = 0;
        List<PenaltyTerm> terms = PenaltyTerm.of(regularization);
        for (ParameterBlock block : blocks) {
            for (PenaltyTerm p : terms) {
                if (p.covers(block.role())) {
                    penalty += p.value(block);
                }
            }
            if (block.role().regularizedByDefault()) {
                for (double w : block.values()) {
                    squaredNorm += w * w;
                    zeros += w == 0 ? 1 : 0;
                }
                total += block.values().length;
            }
        }
        return new WeightSummary(penalty, Math.sqrt(squaredNorm), zeros, total);
    }

    /** {@code Σ_k R_k(w)} over the blocks each penalty covers; 0 without penalties. */
    public double penalty() {
        return penalty;
    }

    /** The L2 norm of the weights (and factors), biases excluded. */
    public double weightNorm() {
        return weightNorm;
    }

    /** How many weights (and factors) are exactly 0. */
    public long zeroWeights() {
        return zeroWeights;
    }

    /** How many weights (and factors) there are, biases excluded. */
    public long totalWeights() {
        return totalWeights;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof WeightSummary)) {
            return false;
        }
        WeightSummary s = (WeightSummary) o;
        return Double.compare(s.penalty, penalty) == 0 && Double.compare(s.weightNorm, weightNorm) == 0
                && s.zeroWeights == zeroWeights && s.totalWeights == totalWeights;
    }

    @Override
    public int hashCode() {
        return Objects.hash(penalty, weightNorm, zeroWeights, totalWeights);
    }

    /** E.g. {@code "penalty 0.7, weight norm 3.742, 3 of 6 weights exactly zero"}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "penalty %.6g, weight norm %.6g, %d of %d weights exactly zero",
                penalty, weightNorm, zeroWeights, totalWeights);
    }
}
