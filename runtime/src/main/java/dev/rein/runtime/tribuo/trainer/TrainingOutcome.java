package dev.rein.runtime.tribuo.trainer;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.DoubleProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.IntProvenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.tribuo.Model;

/**
 * How a run of a Rein SGD trainer went: the spec, how many epochs ran, which epoch's weights the model holds,
 * the best validation epoch and why training stopped. The trainer writes it into the model's run provenance
 * (Tribuo's {@code ModelProvenance} instance map) with OLCUT's primitive provenance classes only, so that the
 * model still loads where only Tribuo is on the class path; {@link #of(Model)} reads it back.
 *
 * <pre>{@code
 * LinearSGDModel model = trainer.train(data);
 * TrainingOutcome o = TrainingOutcome.of(model).orElseThrow();
 * o.epochsRun();    // 9
 * o.bestEpoch();    // OptionalInt[4]
 * o.stopReason();   // "no improvement in 5 epochs since epoch 4 (best loss 0.2713)"
 * }</pre>
 *
 * <p>The provenance keys, all prefixed {@code rein.}: {@value #SPEC}, {@value #MODES}, {@value #EPOCHS_RUN},
 * {@value #MAX_EPOCHS},
 * {@value #MODEL_EPOCH}, {@value #STOP_REASON}, {@value #VALIDATION}, and with a stopping rule
 * {@value #METRIC}, {@value #BEST_EPOCH}, {@value #BEST_SCORE} (the last two once some epoch scored a finite
 * value).
 *
 * @param spec       the canonical regularization spec
 * @param modes      the mode each penalty ran in, as Rein chose it, e.g. {@code "l1=proximal, l2=decoupled"}
 * @param epochsRun  epochs actually run
 * @param maxEpochs  the most the run could take
 * @param modelEpoch the epoch whose weights the model holds (the best one when the stopping rule restored it)
 * @param stopReason {@value #COMPLETED} when all {@code maxEpochs} ran, else the stopping rule's reason
 * @param validation what the validation data was, e.g. {@code "10 examples split from the training data"}, or
 *                   {@code "none"} without a stopping rule
 * @param metric     the validation metric, with a stopping rule
 * @param bestEpoch  the epoch with the best validation score
 * @param bestScore  that score
 */
public record TrainingOutcome(String spec, String modes, int epochsRun, int maxEpochs, int modelEpoch, String stopReason,
        String validation, Optional<String> metric, OptionalInt bestEpoch, OptionalDouble bestScore) {
    /** The stop reason of a run that was not stopped early. */
    public static final String COMPLETED = "completed all epochs";

    public static final String SPEC = "rein.spec";
    public static final String MODES = "rein.modes";
    public static final String EPOCHS_RUN = "rein.epochs-run";
    public static final String MAX_EPOCHS = "rein.max-epochs";
    public static final String MODEL_EPOCH = "rein.model-epoch";
    public static final String STOP_REASON = "rein.stop-reason";
    public static final String VALIDATION = "rein.validation";
    public static final String METRIC = "rein.validation-metric";
    public static final String BEST_EPOCH = "rein.best-epoch";
    public static final String BEST_SCORE = "rein.best-score";

    public TrainingOutcome {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(modes, "modes");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(bestEpoch, "bestEpoch");
        Objects.requireNonNull(bestScore, "bestScore");
    }

    /** Whether a stopping rule ended the run before {@code maxEpochs}. */
    public boolean stoppedEarly() {
        return !COMPLETED.equals(stopReason);
    }

    /** The entries this outcome adds to a model's run provenance. */
    public Map<String, Provenance> toProvenance() {
        Map<String, Provenance> out = new LinkedHashMap<>();
        out.put(SPEC, new StringProvenance(SPEC, spec));
        out.put(MODES, new StringProvenance(MODES, modes));
        out.put(EPOCHS_RUN, new IntProvenance(EPOCHS_RUN, epochsRun));
        out.put(MAX_EPOCHS, new IntProvenance(MAX_EPOCHS, maxEpochs));
        out.put(MODEL_EPOCH, new IntProvenance(MODEL_EPOCH, modelEpoch));
        out.put(STOP_REASON, new StringProvenance(STOP_REASON, stopReason));
        out.put(VALIDATION, new StringProvenance(VALIDATION, validation));
        metric.ifPresent(m -> out.put(METRIC, new StringProvenance(METRIC, m)));
        bestEpoch.ifPresent(e -> out.put(BEST_EPOCH, new IntProvenance(BEST_EPOCH, e)));
        bestScore.ifPresent(s -> out.put(BEST_SCORE, new DoubleProvenance(BEST_SCORE, s)));
        return out;
    }

    /** The outcome recorded in {@code model}'s provenance, empty for a model not trained by a Rein trainer. */
    public static Optional<TrainingOutcome> of(Model<?> model) {
        Map<String, ? extends Provenance> run = model.getProvenance().getInstanceProvenance().getMap();
        if (!(run.get(SPEC) instanceof StringProvenance spec)) {
            return Optional.empty();
        }
        return Optional.of(new TrainingOutcome(spec.getValue(), string(run, MODES).orElse(""),
                intValue(run, EPOCHS_RUN), intValue(run, MAX_EPOCHS),
                intValue(run, MODEL_EPOCH), string(run, STOP_REASON).orElse(""), string(run, VALIDATION).orElse(""),
                string(run, METRIC),
                run.get(BEST_EPOCH) instanceof IntProvenance b ? OptionalInt.of(b.getValue()) : OptionalInt.empty(),
                run.get(BEST_SCORE) instanceof DoubleProvenance s ? OptionalDouble.of(s.getValue())
                        : OptionalDouble.empty()));
    }

    private static int intValue(Map<String, ? extends Provenance> run, String key) {
        return run.get(key) instanceof IntProvenance p ? p.getValue() : 0;
    }

    private static Optional<String> string(Map<String, ? extends Provenance> run, String key) {
        return run.get(key) instanceof StringProvenance p ? Optional.of(p.getValue()) : Optional.empty();
    }
}
