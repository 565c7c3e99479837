package dev.rein.processor.check;

import com.sun.source.util.Trees;
import dev.rein.api.numeric.GradientTolerance;
import dev.rein.api.spi.ParamType;
import dev.rein.processor.derive.Body;
import dev.rein.processor.derive.Differentiator;
import dev.rein.processor.derive.Evaluator;
import dev.rein.processor.derive.JavaSource;
import dev.rein.processor.model.DerivedGradient;
import dev.rein.processor.model.ParamModel;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Derives the gradient of a {@code @Penalty} method that has no {@code @Gradient}, and compares a written
 * {@code @Gradient} with the derived one.
 *
 * <pre>{@code
 * GradientDerivation d = new GradientDerivation(trees, reporter);    // trees empty outside javac
 * Optional<DerivedGradient> g = d.derive(penalty, annotation, "@Gradient static double gradient(double w, ...)");
 * d.checkAtZero(penalty, params, "@Gradient ...");   // a warning on the @Penalty if g is NaN at w = 0
 * d.compare(penalty, gradient, params);   // a warning on the @Gradient method if the two disagree
 * }</pre>
 *
 * <p>The comparison evaluates both bodies (they must both be readable, see {@link PenaltyBodyReader}; otherwise
 * nothing is compared) with every {@code double} parameter at its default, at weights chosen away from the
 * places where penalties usually have kinks ({@value #POINTS_TEXT}), and calls them different with the tolerance
 * {@code rein check} uses ({@link GradientTolerance}).
 */
public final class GradientDerivation {
    private static final String POINTS_TEXT = "±0.0137, ±0.271, ±0.977, ±2.63, ±17.3";
    private static final double[] POINTS = {0.0137, -0.0137, 0.271, -0.271, 0.977, -0.977, 2.63, -2.63, 17.3, -17.3};

    private final Optional<Trees> trees;
    private final ErrorReporter reporter;

    public GradientDerivation(Optional<Trees> trees, ErrorReporter reporter) {
        this.trees = trees;
        this.reporter = reporter;
    }

    /**
     * The gradient of {@code penalty}, or empty after reporting each unsupported construct on its own sub-tree
     * (or, without source trees, on {@code annotation}). {@code suggestion} is the {@code @Gradient} to write.
     */
    public Optional<DerivedGradient> derive(ExecutableElement penalty, AnnotationMirror annotation,
            String suggestion) {
        String name = penalty.getSimpleName().toString();
        if (penalty.getParameters().isEmpty()) {
            return Optional.empty();   // reported already: a penalty without its weight
        }
        if (trees.isEmpty()) {
            reporter.error(Messages.noSourceTrees(name, suggestion), penalty, annotation);
            return Optional.empty();
        }
        PenaltyBodyReader.Reading reading = new PenaltyBodyReader(trees.get()).read(penalty);
        if (reading.body().isEmpty()) {
            if (reading.problems().isEmpty()) {
                reporter.error(Messages.noSourceTrees(name, suggestion), penalty, annotation);
            }
            for (PenaltyBodyReader.Problem p : reading.problems()) {
                reporter.error(Messages.cannotDerive(name, p.what(), suggestion), trees.get(), p.tree(), p.unit());
            }
            return Optional.empty();
        }
        String weight = penalty.getParameters().get(0).getSimpleName().toString();
        Body gradient = Differentiator.derive(reading.body().get(), weight, parameterNames(penalty));
        return Optional.of(DerivedGradient.of(weight, JavaSource.statements(gradient)));
    }

    /**
     * Warns on {@code penalty} if its derived gradient is NaN at weight 0, where linear models start every weight,
     * with every {@code double} parameter at its default ({@code Math.sqrt(w * w)} derives to
     * {@code 2 * w / (2 * Math.sqrt(w * w))}, 0/0 there); silent where the penalty itself is NaN at 0, or where a
     * parameter has no default. {@code suggestion} is the {@code @Gradient} to write.
     */
    public void checkAtZero(ExecutableElement penalty, List<ParamModel> params, String suggestion) {
        if (trees.isEmpty() || penalty.getParameters().isEmpty()) {
            return;
        }
        Optional<Body> value = new PenaltyBodyReader(trees.get()).read(penalty).body();
        Optional<Map<String, Double>> defaults = defaults(params);
        if (value.isEmpty() || defaults.isEmpty()) {
            return;
        }
        String weight = penalty.getParameters().get(0).getSimpleName().toString();
        Body derived = Differentiator.derive(value.get(), weight, parameterNames(penalty));
        Map<String, Double> at = with(defaults.get(), weight, 0.0);
        try {
            if (Double.isNaN(Evaluator.run(derived, at)) && !Double.isNaN(Evaluator.run(value.get(), at))) {
                StringBuilder where = new StringBuilder(weight + " = 0");
                defaults.get().forEach((k, v) -> where.append(", ").append(k).append(" = ").append(v));
                reporter.warning(Messages.derivedGradientNaN(penalty.getSimpleName().toString(), where.toString(),
                        suggestion), penalty);
            }
        } catch (IllegalArgumentException e) {
            // a body reads a variable without a value: nothing to evaluate
        }
    }

    /** Warns on {@code gradient} where it disagrees with the derivative of {@code penalty}; silent otherwise. */
    public void compare(ExecutableElement penalty, ExecutableElement gradient, List<ParamModel> params) {
        if (trees.isEmpty() || penalty.getParameters().isEmpty() || gradient.getParameters().isEmpty()) {
            return;
        }
        PenaltyBodyReader reader = new PenaltyBodyReader(trees.get());
        Optional<Body> value = reader.read(penalty).body();
        Optional<Body> written = reader.read(gradient).body();
        Optional<Map<String, Double>> defaults = defaults(params);
        if (value.isEmpty() || written.isEmpty() || defaults.isEmpty()) {
            return;   // nothing to compare with: the written gradient stands, as without derivation
        }
        String weight = penalty.getParameters().get(0).getSimpleName().toString();
        String writtenWeight = gradient.getParameters().get(0).getSimpleName().toString();
        Body derived = Differentiator.derive(value.get(), weight, parameterNames(penalty));
        for (double w : POINTS) {
            Map<String, Double> at = new LinkedHashMap<>(defaults.get());
            try {
                double fromPenalty = Evaluator.run(derived, with(at, weight, w));
                double fromAuthor = Evaluator.run(written.get(), with(at, writtenWeight, w));
                double atol = GradientTolerance.absoluteTolerance(
                        x -> Evaluator.run(value.get(), with(at, weight, x)), w);
                if (Double.isFinite(fromPenalty) && !GradientTolerance.agrees(fromAuthor, fromPenalty, atol)) {
                    StringBuilder where = new StringBuilder(weight + " = " + w);
                    defaults.get().forEach((k, v) -> where.append(", ").append(k).append(" = ").append(v));
                    reporter.warning(Messages.gradientDisagrees(gradient.getSimpleName().toString(),
                            penalty.getSimpleName().toString(), where.toString(), num(fromAuthor), num(fromPenalty)),
                            gradient);
                    return;
                }
            } catch (IllegalArgumentException e) {
                return;   // a body reads a variable without a value: not comparable
            }
        }
    }

    private static Map<String, Double> with(Map<String, Double> values, String weight, double w) {
        Map<String, Double> out = new LinkedHashMap<>(values);
        out.put(weight, w);
        return out;
    }

    /** The default of every double parameter, or empty if one has none (then nothing is compared). */
    private static Optional<Map<String, Double>> defaults(List<ParamModel> params) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (ParamModel p : params) {
            if (p.type() != ParamType.DOUBLE) {
                continue;
            }
            try {
                out.put(p.javaName(), Double.parseDouble(p.defaultValue().orElseThrow()));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    private static Set<String> parameterNames(ExecutableElement method) {
        Set<String> names = new HashSet<>();
        for (VariableElement p : method.getParameters()) {
            names.add(p.getSimpleName().toString());
        }
        return names;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
