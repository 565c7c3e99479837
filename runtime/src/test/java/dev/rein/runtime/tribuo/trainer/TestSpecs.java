package dev.rein.runtime.tribuo.trainer;

import dev.rein.api.hook.EpochDecision;
import dev.rein.api.hook.EpochScore;
import dev.rein.api.hook.StoppingRule;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.spec.BoundTerm;
import dev.rein.runtime.spec.PenaltyMode;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.Target;
import dev.rein.runtime.tribuo.TestTerms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Hand-written hooks bound without a registry: an L2 penalty and a patience rule, as the plugins would build. */
final class TestSpecs {
    private TestSpecs() {
    }

    /** {@code R(w) = (λ/2)·w²}, without a proximal operator. */
    static BoundTerm l2(double lambda) {
        return TestTerms.l2(lambda);
    }

    /** Stops after {@code patience} epochs without a strict improvement and restores the best epoch. */
    static BoundTerm patience(String metric, int patience) {
        return term("patience", Kind.STOPPING_RULE, () -> new PatienceRule(metric, patience),
                Map.of("metric", metric, "patience", patience));
    }

    /** A rule that answers from a script: stop at {@code stopAt}, restoring {@code restore}. */
    /** Stops at epoch {@code stopAt}, restoring {@code restore}, which it names as restorable from then on. */
    static BoundTerm scripted(String metric, int stopAt, int restore) {
        return term("scripted", Kind.STOPPING_RULE, () -> new StoppingRule() {
            private int seen;

            public String metric() {
                return metric;
            }

            public EpochDecision afterEpoch(EpochScore score) {
                seen = score.epoch();
                return score.epoch() == stopAt ? EpochDecision.stop("script says so", restore)
                        : EpochDecision.keepGoing();
            }

            public int restorableEpoch() {
                return seen >= restore ? restore : NOTHING_TO_RESTORE;
            }

            public void reset() {
                seen = 0;
            }
        }, Map.of("metric", metric));
    }

    /** As {@link #scripted}, but never says which epoch it may restore (the default: the best so far). */
    static BoundTerm scriptedUndeclared(String metric, int stopAt, int restore) {
        return term("scripted", Kind.STOPPING_RULE, () -> new StoppingRule() {
            public String metric() {
                return metric;
            }

            public EpochDecision afterEpoch(EpochScore score) {
                return score.epoch() == stopAt ? EpochDecision.stop("script says so", restore)
                        : EpochDecision.keepGoing();
            }

            public void reset() {
            }
        }, Map.of("metric", metric));
    }

    static Regularization of(BoundTerm... terms) {
        List<String> parts = new ArrayList<>();
        for (BoundTerm t : terms) {
            List<String> args = new ArrayList<>();
            t.arguments().asMap().forEach((k, v) -> args.add(k + "=" + v));
            args.sort(null);
            parts.add(t.name() + "(" + String.join(", ", args) + ")");
        }
        return new Regularization(parts.isEmpty() ? "none" : String.join(" + ", parts), List.of(terms));
    }

    private static BoundTerm term(String name, Kind kind, Supplier<Object> hooks, Map<String, ?> args) {
        return TestTerms.term(name, kind, hooks, args, Target.WEIGHTS, PenaltyMode.AUTO);
    }

    static final class PatienceRule implements StoppingRule {
        private final String metric;
        private final int patience;
        private double best;
        private int bestEpoch;

        PatienceRule(String metric, int patience) {
            this.metric = metric;
            this.patience = patience;
        }

        public String metric() {
            return metric;
        }

        public EpochDecision afterEpoch(EpochScore score) {
            if (bestEpoch == 0 || score.improvesOn(best, 0)) {
                best = score.value();
                bestEpoch = score.epoch();
            } else if (score.epoch() - bestEpoch >= patience) {
                return EpochDecision.stop("no improvement in " + patience + " epochs", bestEpoch);
            }
            return EpochDecision.keepGoing();
        }

        public void reset() {
            bestEpoch = 0;
        }
    }
}
