package dev.rein.runtime.tribuo;

import dev.rein.api.hook.Constraint;
import dev.rein.api.hook.ElementwisePenalty;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.spi.Arguments;
import dev.rein.api.spi.Kind;
import dev.rein.api.spi.RegularizerDescriptor;
import dev.rein.api.spi.RegularizerProvider;
import dev.rein.runtime.registry.PluginSource;
import dev.rein.runtime.registry.RegisteredRegularizer;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Hand-written hooks (what the processor would generate) and a way to bind them without the spec parser. */
public final class TestTerms {
    private TestTerms() {
    }

    /** {@code R(w) = (λ/2)·w²}, with its proximal operator {@code w / (1 + step·λ)} when asked. */
    static final class L2 implements ElementwisePenalty {
        final double lambda;
        final boolean proximal;

        L2(double lambda) {
            this(lambda, false);
        }

        L2(double lambda, boolean proximal) {
            this.lambda = lambda;
            this.proximal = proximal;
        }

        public double value(double w) {
            return 0.5 * lambda * w * w;
        }

        public double gradient(double w) {
            return lambda * w;
        }

        public boolean hasProximal() {
            return proximal;
        }

        public double proximal(double w, double step) {
            if (!proximal) {
                throw new UnsupportedOperationException();
            }
            return w / (1 + step * lambda);
        }

        public double value(double[] w, int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += value(w[i]);
            }
            return sum;
        }

        public void addGradient(double[] w, int from, int to, double[] gradient, double scale) {
            for (int i = from; i < to; i++) {
                gradient[i] += scale * gradient(w[i]);
            }
        }

        public void proximal(double[] w, int from, int to, double step) {
            for (int i = from; i < to; i++) {
                w[i] = proximal(w[i], step);
            }
        }
    }

    /** {@code R(w) = λ·|w|}, subgradient 0 at 0. */
    static final class L1 implements ElementwisePenalty {
        final double lambda;
        final boolean proximal;

        L1(double lambda) {
            this(lambda, false);
        }

        L1(double lambda, boolean proximal) {
            this.lambda = lambda;
            this.proximal = proximal;
        }

        public double value(double w) {
            return lambda * Math.abs(w);
        }

        public double gradient(double w) {
            return lambda * Math.signum(w);
        }

        public boolean hasProximal() {
            return proximal;
        }

        /** Soft-thresholding by {@code step·λ}. */
        public double proximal(double w, double step) {
            if (!proximal) {
                throw new UnsupportedOperationException();
            }
            double t = step * lambda;
            return w > t ? w - t : w < -t ? w + t : 0.0;
        }

        public double value(double[] w, int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += value(w[i]);
            }
            return sum;
        }

        public void addGradient(double[] w, int from, int to, double[] gradient, double scale) {
            for (int i = from; i < to; i++) {
                gradient[i] += scale * gradient(w[i]);
            }
        }

        public void proximal(double[] w, int from, int to, double step) {
            for (int i = from; i < to; i++) {
                w[i] = proximal(w[i], step);
            }
        }
    }

    /** {@code R(w) = λ·log(1 + w²)}: smooth, no proximal operator, no closed-form catch-up. */
    static final class Cauchy implements ElementwisePenalty {
        final double lambda;

        Cauchy(double lambda) {
            this.lambda = lambda;
        }

        public double value(double w) {
            return lambda * Math.log1p(w * w);
        }

        public double gradient(double w) {
            return lambda * 2 * w / (1 + w * w);
        }

        public boolean hasProximal() {
            return false;
        }

        public double proximal(double w, double step) {
            throw new UnsupportedOperationException();
        }

        public double value(double[] w, int from, int to) {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += value(w[i]);
            }
            return sum;
        }

        public void addGradient(double[] w, int from, int to, double[] gradient, double scale) {
            for (int i = from; i < to; i++) {
                gradient[i] += scale * gradient(w[i]);
            }
        }

        public void proximal(double[] w, int from, int to, double step) {
            throw new UnsupportedOperationException();
        }
    }

    /** Caps each row's L2 norm at {@code c}. */
    static final class MaxNorm implements Constraint {
        final double c;

        MaxNorm(double c) {
            this.c = c;
        }

        public void project(ParameterBlock block) {
            for (int r = 0; r < block.rows(); r++) {
                double norm = Math.sqrt(block.rowSquaredNorm(r));
                if (norm > c) {
                    block.scaleRow(r, c / norm);
                }
            }
        }
    }

    /** Clips negative values to 0. */
    static final class NonNegative implements Constraint {
        public void project(ParameterBlock block) {
            double[] v = block.values();
            for (int i = 0; i < v.length; i++) {
                v[i] = Math.max(0, v[i]);
            }
        }
    }

    public static BoundTerm l2(double lambda) {
        return term("l2", Kind.PENALTY, new L2(lambda), Map.of("lambda", lambda), Target.WEIGHTS, PenaltyMode.AUTO);
    }

    static BoundTerm l1(double lambda) {
        return term("l1", Kind.PENALTY, new L1(lambda), Map.of("lambda", lambda), Target.WEIGHTS, PenaltyMode.AUTO);
    }

    /** L1 with soft-thresholding, as the built-in plugin has. */
    public static BoundTerm l1p(double lambda) {
        return term("l1", Kind.PENALTY, new L1(lambda, true), Map.of("lambda", lambda), Target.WEIGHTS,
                PenaltyMode.AUTO);
    }

    /** L2 with its proximal shrinkage, as the built-in plugin has. */
    static BoundTerm l2p(double lambda) {
        return term("l2", Kind.PENALTY, new L2(lambda, true), Map.of("lambda", lambda), Target.WEIGHTS,
                PenaltyMode.AUTO);
    }

    public static BoundTerm cauchy(double lambda) {
        return term("cauchy", Kind.PENALTY, new Cauchy(lambda), Map.of("lambda", lambda), Target.WEIGHTS,
                PenaltyMode.AUTO);
    }

    /** The same term in another mode. */
    public static BoundTerm mode(BoundTerm t, PenaltyMode mode) {
        return new BoundTerm(t.plugin(), t.arguments(), t.hook(), t.target(), mode, t.after());
    }

    public static BoundTerm maxNorm(double c, Target target) {
        return term("max_norm", Kind.CONSTRAINT, new MaxNorm(c), Map.of("c", c), target, PenaltyMode.AUTO);
    }

    static BoundTerm nonNegative() {
        return term("non_negative", Kind.CONSTRAINT, new NonNegative(), Map.of(), Target.WEIGHTS,
                PenaltyMode.AUTO);
    }

    static BoundTerm term(String name, Kind kind, Object hook, Map<String, ?> args, Target target,
            PenaltyMode mode) {
        return term(name, kind, () -> hook, args, target, mode);
    }

    /**
     * A term whose provider builds a fresh hook from {@code hooks} on every {@code create} (what stateful hooks,
     * such as stopping rules, need); the term itself holds one more.
     */
    public static BoundTerm term(String name, Kind kind, Supplier<Object> hooks, Map<String, ?> args,
            Target target, PenaltyMode mode) {
        RegularizerDescriptor descriptor = RegularizerDescriptor.builder(name, kind)
                .implementation("test." + name).build();
        RegularizerProvider provider = new RegularizerProvider() {
            public RegularizerDescriptor descriptor() {
                return descriptor;
            }

            public Object create(Arguments arguments) {
                return hooks.get();
            }
        };
        return new BoundTerm(new RegisteredRegularizer(descriptor, provider, PluginSource.builtIn()),
                Arguments.of(args), hooks.get(), target, mode, Optional.empty());
    }

    /** A regularization of {@code terms}, its spec text made up the way the canonical form reads. */
    public static Regularization of(BoundTerm... terms) {
        List<String> parts = new ArrayList<>();
        for (BoundTerm t : terms) {
            List<String> args = new ArrayList<>();
            t.arguments().asMap().forEach((k, v) -> args.add(k + "=" + v));
            if (t.target() != Target.WEIGHTS) {
                args.add("on=" + t.target().specName());
            }
            if (t.mode() != PenaltyMode.AUTO) {
                args.add("mode=" + t.mode().specName());
            }
            parts.add(t.name() + "(" + String.join(", ", args) + ")");
        }
        return new Regularization(parts.isEmpty() ? "none" : String.join(" + ", parts), List.of(terms));
    }
}
