package dev.rein.samples.sweep;

import dev.rein.api.spi.ParamDescriptor;
import dev.rein.api.spi.ParamType;
import dev.rein.api.spi.SpecNames;
import dev.rein.runtime.registry.RegisteredRegularizer;
import dev.rein.runtime.registry.RegularizerCatalog;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.spec.SpecBinder;
import dev.rein.samples.train.ModelChoice;
import dev.rein.samples.train.TrainingSettings;
import dev.rein.samples.train.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Every trial of a sweep, checked before any data is read or any training starts: each swept parameter exists and
 * is numeric, each value lies within the plugin's bounds (and is whole for an integer parameter), and every trial's
 * spec binds and suits the optimiser.
 *
 * <pre>{@code
 * SweepPlan plan = SweepPlan.of(SweepSpec.parse("l1(lambda=1e-6..1e-1 log 12)"), registry, ModelChoice.LINEAR, settings);
 * plan.trials().size();   // 12
 * SweepPlan.of(SweepSpec.parse("l1(lambda=-1..1 lin 3)"), registry, ModelChoice.LINEAR, settings);
 * // UserInputException: l1(lambda=-1..1 lin 3) reaches -1.0, but lambda must be a number >= 0 ...
 * }</pre>
 *
 * <p>{@link #ofSpecs} plans a list of plain specs instead ({@code rein compare}).
 */
public final class SweepPlan {
    /** The most trials one sweep may have: more is a typo, not a plan ({@code log 1000} on three axes). */
    static final int MAX_TRIALS = 100_000;

    private final List<SweepAxis> axes;
    private final List<Trial> trials;

    private SweepPlan(List<SweepAxis> axes, List<Trial> trials) {
        this.axes = List.copyOf(axes);
        this.trials = List.copyOf(trials);
    }

    /**
     * Plans every point of {@code sweep}.
     *
     * @throws UserInputException for a value a parameter does not accept, or a spec the optimiser refuses
     * @throws dev.rein.runtime.spec.SpecException for an unknown regularizer or parameter
     */
    public static SweepPlan of(SweepSpec sweep, RegularizerCatalog catalog, ModelChoice model,
            TrainingSettings settings) {
        return plan(sweep, catalog, r -> model.trainer(r, settings));
    }

    /**
     * Plans every point of {@code sweep} as {@link #of(SweepSpec, RegularizerCatalog, ModelChoice, TrainingSettings)}
     * does, with
     * each trial's spec bound but not checked against an optimiser: what {@code rein merge} needs to know which params
     * and spec the sweep gives each trial.
     */
    public static SweepPlan of(SweepSpec sweep, RegularizerCatalog catalog) {
        return plan(sweep, catalog, null);
    }

    private static SweepPlan plan(SweepSpec sweep, RegularizerCatalog catalog, Consumer<Regularization> check) {
        long size = 1;
        for (SweepAxis axis : sweep.axes()) {
            size *= axis.values().size();
            if (size > MAX_TRIALS) {
                throw new UserInputException("The sweep '" + sweep.text() + "' is a grid of more than " + MAX_TRIALS
                        + " trials (" + sweep.axes().stream().map(a -> a.label() + ": " + a.values().size())
                        .toList() + " values); sweep fewer values, or one parameter at a time.");
            }
        }
        List<ParamDescriptor> params = new ArrayList<>();
        for (SweepAxis axis : sweep.axes()) {
            Optional<ParamDescriptor> p = catalog.find(axis.term()).flatMap(r -> param(r, axis.key()));
            boolean reserved = SpecNames.isReservedKey(axis.key());
            if (p.isEmpty() && !reserved) {
                // Binding says what is wrong, with "did you mean" and the column.
                SpecBinder.bind(sweep.spec(firstValues(sweep)), catalog);
            }
            if (p.isEmpty()) {
                throw new UserInputException(axis.label() + " cannot be swept: " + axis.key() + " is not a parameter"
                        + " of " + axis.term() + " but one of Rein's own options; sweep a numeric parameter (rein"
                        + " describe " + axis.term() + " lists them).");
            }
            params.add(check(axis, p.get()));
        }
        List<Trial> trials = new ArrayList<>();
        for (List<Double> point : sweep.points()) {
            List<String> texts = new ArrayList<>();
            Map<String, Double> values = new LinkedHashMap<>();
            for (int a = 0; a < point.size(); a++) {
                texts.add(format(point.get(a), params.get(a)));
                values.put(sweep.axes().get(a).label(), point.get(a));
            }
            String spec = sweep.spec(texts);
            trials.add(new Trial(trials.size(), spec, values, bind(spec, catalog, check)));
        }
        return new SweepPlan(sweep.axes(), trials);
    }

    /** Plans one trial per spec, in order, with no axes ({@code rein compare}). */
    public static SweepPlan ofSpecs(List<String> specs, RegularizerCatalog catalog, ModelChoice model,
            TrainingSettings settings) {
        return plan(specs, catalog, r -> model.trainer(r, settings));
    }

    /** Plans one trial per spec as {@link #ofSpecs} does, not checked against an optimiser ({@code rein merge}). */
    public static SweepPlan ofSpecs(List<String> specs, RegularizerCatalog catalog) {
        return plan(specs, catalog, null);
    }

    private static SweepPlan plan(List<String> specs, RegularizerCatalog catalog, Consumer<Regularization> check) {
        if (specs.isEmpty()) {
            throw new UserInputException("No spec to compare: give --spec at least once, e.g. --spec none --spec"
                    + " \"l1(lambda=1e-3)\".");
        }
        List<Trial> trials = new ArrayList<>();
        for (String spec : specs) {
            refuseAxes(spec);
            Regularization r = bind(spec, catalog, check);
            for (Trial earlier : trials) {
                if (earlier.regularization().toSpec().equals(r.toSpec())) {
                    throw new UserInputException("--spec \"" + spec + "\" is the same regularization as --spec \""
                            + earlier.spec() + "\" (" + r.toSpec() + "); give each spec once.");
                }
            }
            trials.add(new Trial(trials.size(), spec, Map.of(), r));
        }
        return new SweepPlan(List.of(), trials);
    }

    /** Refuses a spec to compare that holds a range or list: those are for {@code rein sweep}. */
    private static void refuseAxes(String spec) {
        if (!spec.contains("..") && !spec.contains("[")) {
            return;
        }
        List<SweepAxis> axes;
        try {
            axes = SweepSpec.parse(spec).axes();
        } catch (RuntimeException e) {
            return;   // not a sweep either: binding says what is wrong
        }
        if (!axes.isEmpty()) {
            throw new UserInputException("--spec \"" + spec + "\" sweeps " + axes.stream().map(a -> a.label() + " over "
                    + a.text()).collect(java.util.stream.Collectors.joining(" and ")) + "; ranges and lists are for"
                    + " rein sweep (rein sweep --spec \"" + spec + "\"), while rein compare takes one value per"
                    + " parameter in each --spec.");
        }
    }

    /** The axes swept; empty for {@link #ofSpecs}. */
    public List<SweepAxis> axes() {
        return axes;
    }

    /** Every trial, in index order. */
    public List<Trial> trials() {
        return trials;
    }

    /**
     * {@code spec} bound, and checked unless {@code check} is {@code null}: building the model's trainer refuses what
     * the model or optimiser cannot do, naming the spec.
     */
    private static Regularization bind(String spec, RegularizerCatalog catalog, Consumer<Regularization> check) {
        Regularization r = SpecBinder.bind(spec, catalog);
        if (check != null) {
            check.accept(r);
        }
        return r;
    }

    private static Optional<ParamDescriptor> param(RegisteredRegularizer plugin, String key) {
        return plugin.descriptor().params().stream().filter(p -> p.name().equals(key)).findFirst();
    }

    private static ParamDescriptor check(SweepAxis axis, ParamDescriptor p) {
        if (!p.type().isNumeric()) {
            throw new UserInputException(axis.label() + " is " + p.validRange() + ", not a number; a sweep varies"
                    + " numeric parameters. Give " + axis.key() + " one value, or compare specs with rein compare"
                    + " --spec A --spec B.");
        }
        for (double v : axis.values()) {
            String text = format(v, p);
            if (text == null) {
                throw new UserInputException(axis.term() + "(" + axis.key() + "=" + axis.text() + ") reaches " + v
                        + ", but " + axis.key() + " is a whole number; use lin with a count that lands on whole"
                        + " numbers, or a list, e.g. [1, 2, 5].");
            }
            try {
                p.parse(text);
            } catch (IllegalArgumentException e) {
                throw new UserInputException(axis.term() + "(" + axis.key() + "=" + axis.text() + ") reaches " + text
                        + ", but " + axis.key() + " must be " + p.validRange() + ". Keep the range inside those bounds.",
                        e);
            }
        }
        return p;
    }

    /** The value as the spec gets it; {@code null} for a fraction given to an integer parameter. */
    private static String format(double v, ParamDescriptor p) {
        if (p.type() == ParamType.DOUBLE) {
            return Double.toString(v);
        }
        long whole = Math.round(v);
        return Math.abs(v - whole) <= 1e-9 * Math.max(1, Math.abs(v)) ? Long.toString(whole) : null;
    }

    private static List<String> firstValues(SweepSpec sweep) {
        return sweep.axes().stream().map(a -> Double.toString(a.values().get(0))).toList();
    }
}
