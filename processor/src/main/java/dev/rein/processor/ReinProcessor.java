package dev.rein.processor;

import com.google.auto.service.AutoService;
import com.sun.source.util.Trees;
import dev.rein.processor.check.Annotations;
import dev.rein.processor.check.ErrorReporter;
import dev.rein.processor.check.Messages;
import dev.rein.processor.check.MisplacedAnnotations;
import dev.rein.processor.check.NameRegistry;
import dev.rein.processor.check.RegularizerReader;
import dev.rein.processor.services.ServicesFileWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The Rein annotation processor. For every {@code @Regularizer} class {@code com.example.Cauchy} it checks the
 * rules of {@code dev.rein.api} and generates
 *
 * <ul>
 *   <li>{@code com.example.Cauchy_ReinProvider}, the {@code RegularizerProvider} Rein discovers;
 *   <li>for a {@code @Penalty} class, {@code com.example.Cauchy_ReinPenalty}, its {@code ElementwisePenalty};
 *   <li>once per compilation, {@code META-INF/services/dev.rein.api.spi.RegularizerProvider}.
 * </ul>
 *
 * <p>A nested class {@code Outer.Inner} gives {@code Outer_Inner_ReinProvider}. Put the processor on the
 * annotation processor path:
 *
 * <pre>{@code
 * <annotationProcessorPaths>
 *   <path><groupId>dev.rein</groupId><artifactId>rein-processor</artifactId><version>...</version></path>
 * </annotationProcessorPaths>
 * }</pre>
 *
 * <p>The processor only routes: checks live in {@code .check}, generators in {@code .generate}, the services
 * file in {@code .services}. It never lets an exception out into javac: an unexpected one becomes an error on the
 * element being processed.
 */
@AutoService(Processor.class)
public final class ReinProcessor extends AbstractProcessor {
    /** One {@code @Regularizer} class; false means "not yet: its types do not exist yet". */
    interface Step {
        boolean process(TypeElement type, boolean lastRound);
    }

    private final BiFunction<ProcessingEnvironment, Setup, Step> stepFactory;
    private final Set<String> deferred = new LinkedHashSet<>();
    private final Set<String> generatedProviders = new TreeSet<>();
    private ErrorReporter reporter;
    private MisplacedAnnotations misplaced;
    private ServicesFileWriter servicesFile;
    private Step step;

    /** Called by javac through {@link java.util.ServiceLoader}. */
    public ReinProcessor() {
        this((env, setup) -> new RegularizerStep(env.getFiler(), setup.reporter,
                new RegularizerReader(env.getElementUtils(), env.getTypeUtils(), setup.reporter, new NameRegistry(),
                        sourceTrees(env)),
                setup.generatedProviders));
    }

    /**
     * javac's source trees, which gradient derivation reads; empty under a compiler that has none (Eclipse's, or
     * a build tool that wraps the environment, as Gradle's incremental processing does).
     */
    static Optional<Trees> sourceTrees(ProcessingEnvironment env) {
        try {
            return Optional.of(Trees.instance(env));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** For tests: replaces the per-class step. */
    ReinProcessor(BiFunction<ProcessingEnvironment, Setup, Step> stepFactory) {
        this.stepFactory = stepFactory;
    }

    /** What the step shares with the processor. */
    static final class Setup {
        final ErrorReporter reporter;
        final Set<String> generatedProviders;

        Setup(ErrorReporter reporter, Set<String> generatedProviders) {
            this.reporter = reporter;
            this.generatedProviders = generatedProviders;
        }
    }

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        reporter = new ErrorReporter(env.getMessager());
        misplaced = new MisplacedAnnotations(env.getElementUtils(), reporter);
        servicesFile = new ServicesFileWriter(env.getFiler(), env.getElementUtils(), reporter);
        step = stepFactory.apply(env, new Setup(reporter, generatedProviders));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(Annotations.REGULARIZER, Annotations.PENALTY, Annotations.GRADIENT, Annotations.PROXIMAL,
                Annotations.CLOSED_FORM, Annotations.PARAM);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        guarded(null, () -> misplaced.check(round));
        boolean lastRound = round.processingOver();
        List<TypeElement> work = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                work.add(type);
            }
        }
        deferred.clear();
        TypeElement regularizer = processingEnv.getElementUtils().getTypeElement(Annotations.REGULARIZER);
        if (regularizer != null) {
            work.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(regularizer)));
        }
        for (TypeElement type : work) {
            guarded(type, () -> {
                if (!step.process(type, lastRound)) {
                    deferred.add(type.getQualifiedName().toString());
                }
            });
        }
        if (lastRound) {
            guarded(null, () -> servicesFile.write(generatedProviders));
        }
        return false;
    }

    /** Runs {@code action}, turning any exception into a javac error on {@code element}. */
    private void guarded(Element element, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            String where = element == null ? "this compilation" : element.toString();
            if (element == null) {
                reporter.error(Messages.unexpectedFailure(where, e));
            } else {
                reporter.error(Messages.unexpectedFailure(where, e), element);
            }
        }
    }
}
