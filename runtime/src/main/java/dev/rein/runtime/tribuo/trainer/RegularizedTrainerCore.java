package dev.rein.runtime.tribuo.trainer;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import dev.rein.api.spi.Kind;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.RegularizedOptimiser;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.math.FeedForwardParameters;

/**
 * Everything the four Rein SGD trainers share: the bound spec, the checks a setting must pass before any training,
 * the stopping plan, the invocation count and one run through the {@link EpochLoop}. Single inheritance makes each
 * trainer extend a different Tribuo trainer; each keeps its own constructors and {@code @Config} fields and
 * delegates the rest here in one line.
 *
 * <pre>{@code
 * private final RegularizedTrainerCore<Label, Integer, LinearSGDModel, LinearParameters> core =
 *         new RegularizedTrainerCore<>(NAME, PredictionTask.CLASSIFICATION, this, new Hooks());
 * core.use(regularization, validationSplit);       // checks; throws with the trainer's name
 * return core.train(examples, validation, runProvenance, invocationCount, listener, validationSplit);
 * }</pre>
 *
 * <p>Thread safety: as Tribuo's trainers, one instance may train several models at once; a run takes what it
 * needs from the trainer under the trainer's lock, then trains on its own optimiser copy with its own hooks.
 */
final class RegularizedTrainerCore<T extends Output<T>, U, V extends Model<T>, X extends FeedForwardParameters> {
    private final String name;
    private final PredictionTask task;
    private final Trainer<T> trainer;
    private final TrainerHooks<T, U, V, X> hooks;
    private Regularization regularization = Regularization.none();
    private Optional<StoppingPlan> stopping = Optional.empty();
    private int invocations;

    /**
     * @param name  the trainer's name, for messages
     * @param task  classification or regression
     * @param trainer the trainer, whose lock guards its random stream and invocation count
     * @param hooks   the trainer's protected members
     */
    RegularizedTrainerCore(String name, PredictionTask task, Trainer<T> trainer, TrainerHooks<T, U, V, X> hooks) {
        this.name = name;
        this.task = task;
        this.trainer = trainer;
        this.hooks = hooks;
    }

    /**
     * Checks the trainer's settings and {@code regularization} against each other and keeps it.
     *
     * @return the regularization, whose canonical spec the trainer records in its {@code spec} field
     * @throws IllegalArgumentException naming the trainer and the first problem found
     */
    Regularization use(Regularization regularization, double validationSplit) {
        Objects.requireNonNull(regularization, "regularization");
        SgdSettings s = hooks.settings();
        Optional<StoppingPlan> plan = TrainerChecks.check(name, s.optimiser(), regularization, task, s.epochs(),
                s.minibatchSize(), validationSplit);
        synchronized (trainer) {
            this.regularization = regularization;
            this.stopping = plan;
        }
        return regularization;
    }

    /** Binds a configured spec against {@code registry}, then {@link #use}s it. */
    Regularization bind(String spec, PluginRegistry registry, double validationSplit) {
        return use(TrainerChecks.bind(name, spec, registry), validationSplit);
    }

    /** The bound spec the trainer applies. */
    Regularization regularization() {
        synchronized (trainer) {
            return regularization;
        }
    }

    /**
     * One training run: takes the run's random stream, optimiser and provenance under the trainer's lock, exactly
     * as Tribuo's {@code AbstractSGDTrainer.train} does, then runs the epoch loop.
     */
    V train(Dataset<T> examples, Dataset<T> validation, Map<String, Provenance> runProvenance, int invocationCount,
            EpochListener listener, double validationSplit) {
        Objects.requireNonNull(listener, "listener");
        RunStart start;
        LoopSettings settings;
        synchronized (trainer) {
            if (invocationCount != Trainer.INCREMENT_INVOCATION_COUNT) {
                trainer.setInvocationCount(invocationCount);   // Tribuo rewinds the random stream to match
            }
            SgdSettings s = hooks.settings();
            // The loop follows the stopping rule itself; the optimiser gets the penalties and constraints.
            start = new RunStart(s.rng().split(), new RegularizedOptimiser(s.optimiser().copy(),
                    regularization.without(Kind.STOPPING_RULE), s.minibatchSize()), trainer.getProvenance());
            settings = new LoopSettings(regularization, stopping, task, s.epochs(), s.minibatchSize(), s.shuffle(),
                    s.addBias(), s.seed(), validationSplit);
            invocations++;
        }
        return new EpochLoop<>(hooks, settings).run(examples, validation, runProvenance, start, listener);
    }

    /** The number of runs started, as Tribuo's {@code getInvocationCount} reports it. */
    int invocations() {
        synchronized (trainer) {
            return invocations;
        }
    }

    /** After Tribuo's {@code setInvocationCount}. */
    void invocations(int count) {
        synchronized (trainer) {
            invocations = count;
        }
    }
}
