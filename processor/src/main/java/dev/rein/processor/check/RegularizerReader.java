package dev.rein.processor.check;

import dev.rein.api.spi.Kind;
import dev.rein.api.spi.SpecNames;
import dev.rein.processor.model.JavaNames;
import dev.rein.processor.model.ParamModel;
import dev.rein.processor.model.PenaltyMethods;
import dev.rein.processor.model.RegularizerModel;
import com.sun.source.util.Trees;
import dev.rein.processor.model.DerivedGradient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks a {@code @Regularizer} class against every rule and turns it into a {@link RegularizerModel}; each
 * broken rule is a javac error on the offending element.
 *
 * <pre>{@code
 * RegularizerReader reader = new RegularizerReader(elements, types, reporter, names, Optional.of(trees));
 * Optional<RegularizerModel> model = reader.read(cauchyElement);   // empty if anything was reported
 * }</pre>
 *
 * <p>A class is either an element-wise penalty (one {@code @Penalty}, at most one {@code @Gradient} (without one
 * the gradient is derived, see {@link GradientDerivation}), at most one
 * {@code @Proximal} and at most one {@code @ClosedForm}, see {@link ClosedFormCheck}) or a hook class (a public concrete class implementing exactly one hook interface, with one
 * public constructor whose parameters are all {@code @Param}).
 */
public final class RegularizerReader {
    private final Elements elements;
    private final Types types;
    private final ErrorReporter reporter;
    private final NameRegistry names;
    private final Annotations annotations;
    private final ParamReader paramReader;

    private final GradientDerivation derivation;

    /** {@code trees} is empty where the compiler offers no source trees; then gradients cannot be derived. */
    public RegularizerReader(Elements elements, Types types, ErrorReporter reporter, NameRegistry names,
            Optional<Trees> trees) {
        this.derivation = new GradientDerivation(trees, reporter);
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
        this.names = names;
        this.annotations = new Annotations(elements);
        this.paramReader = new ParamReader(annotations, reporter);
    }

    /** The model of {@code type}, or empty after reporting every problem found. */
    public Optional<RegularizerModel> read(TypeElement type) {
        int errorsBefore = reporter.errorCount();
        AnnotationMirror regularizer = Annotations.find(type, Annotations.REGULARIZER).orElseThrow();
        String className = type.getQualifiedName().toString();
        String name = checkedName(type, regularizer, className);
        List<String> aliases = checkedAliases(type, regularizer, className);
        checkReachable(type);

        List<ExecutableElement> penalties = methodsWith(type, Annotations.PENALTY);
        List<ExecutableElement> gradients = methodsWith(type, Annotations.GRADIENT);
        List<ExecutableElement> proximals = methodsWith(type, Annotations.PROXIMAL);
        List<ExecutableElement> closedForms = methodsWith(type, Annotations.CLOSED_FORM);
        List<Kind> hookKinds = hookKinds(type);

        RegularizerModel.Builder model = null;
        if (!penalties.isEmpty() && !hookKinds.isEmpty()) {
            reporter.error(Messages.bothShapes(className, hookName(hookKinds.get(0))), type);
        } else if (!penalties.isEmpty()) {
            model = readPenaltyClass(name, type, penalties, gradients, proximals, closedForms);
        } else {
            reportOrphans(Annotations.GRADIENT, gradients);
            reportOrphans(Annotations.PROXIMAL, proximals);
            reportOrphans(Annotations.CLOSED_FORM, closedForms);
            if (hookKinds.isEmpty()) {
                reporter.error(Messages.neitherShape(className), type);
            } else {
                model = readHookClass(name, type, regularizer, hookKinds);
            }
        }
        if (model == null || reporter.errorCount() > errorsBefore) {
            return Optional.empty();
        }
        String description = (String) annotations.value(regularizer, "description").getValue();
        if (description.isBlank()) {
            description = JavadocSentence.first(elements.getDocComment(type));   // the class javadoc's summary
        }
        return Optional.of(model
                .description(description)
                .aliases(aliases)
                .build());
    }

    // --- names ---

    private String checkedName(TypeElement type, AnnotationMirror regularizer, String className) {
        AnnotationValue value = annotations.value(regularizer, "name");
        String name = String.valueOf(value.getValue());
        checkName("name", name, type, regularizer, value, className);
        return name;
    }

    private List<String> checkedAliases(TypeElement type, AnnotationMirror regularizer, String className) {
        List<String> aliases = new ArrayList<>();
        Object list = annotations.value(regularizer, "aliases").getValue();
        if (list instanceof List) {
            for (Object item : (List<?>) list) {
                AnnotationValue value = (AnnotationValue) item;
                String alias = String.valueOf(value.getValue());
                checkName("alias", alias, type, regularizer, value, className);
                aliases.add(alias);
            }
        }
        return aliases;
    }

    private void checkName(String what, String value, TypeElement type, AnnotationMirror regularizer,
            AnnotationValue where, String className) {
        if (!SpecNames.isValidName(value)) {
            reporter.error(Messages.invalidName(what, value, JavaNames.toSnakeCase(value)), type, regularizer, where);
            return;
        }
        names.claim(value, className).ifPresent(owner ->
                reporter.error(Messages.duplicateName(what, value, owner), type, regularizer, where));
    }

    // --- the class as a whole ---

    private void checkReachable(TypeElement type) {
        Optional<TypeElement> hidden = SourceTypes.privateScope(type);
        if (hidden.isPresent()) {
            String className = type.getQualifiedName().toString();
            reporter.error(hidden.get().equals(type)
                    ? Messages.privateClass(className)
                    : Messages.insidePrivateClass(className, hidden.get().getQualifiedName().toString()),
                    type);
        } else if (type.getKind() == ElementKind.CLASS
                && type.getEnclosingElement() instanceof TypeElement
                && !type.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(Messages.innerClass(type.getQualifiedName().toString()), type);
        }
    }

    private List<Kind> hookKinds(TypeElement type) {
        List<Kind> kinds = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            TypeElement hook = elements.getTypeElement(kind.hookType().getCanonicalName());
            if (hook != null && types.isSubtype(types.erasure(type.asType()), types.erasure(hook.asType()))) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private static String hookName(Kind kind) {
        return kind.hookType().getSimpleName();
    }

    private void reportOrphans(String annotation, List<ExecutableElement> methods) {
        for (ExecutableElement m : methods) {
            reporter.error(Messages.orphanMethod(Annotations.simpleName(annotation), m.getSimpleName().toString()),
                    m, Annotations.find(m, annotation).orElseThrow());
        }
    }

    // --- hook classes ---

    private RegularizerModel.Builder readHookClass(String name, TypeElement type, AnnotationMirror regularizer,
            List<Kind> kinds) {
        String className = type.getQualifiedName().toString();
        if (kinds.size() > 1) {
            List<String> hooks = new ArrayList<>();
            kinds.forEach(k -> hooks.add(hookName(k)));
            reporter.error(Messages.severalHooks(className, hooks), type);
            return null;
        }
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            reporter.error(Messages.hookNotPublic(className), type);
        }
        if (type.getKind() == ElementKind.INTERFACE) {
            reporter.error(Messages.hookNotConcrete(className, "an interface"), type);
            return null;
        } else if (type.getKind() == ElementKind.ENUM) {
            reporter.error(Messages.hookNotConcrete(className, "an enum"), type);
            return null;
        } else if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            reporter.error(Messages.hookNotConcrete(className, "abstract"), type);
            return null;
        }
        List<ExecutableElement> constructors = new ArrayList<>();
        for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
            if (c.getModifiers().contains(Modifier.PUBLIC)) {
                constructors.add(c);
            }
        }
        if (constructors.size() != 1) {
            reporter.error(Messages.hookConstructors(className, constructors.size()), type);
            return null;
        }
        RegularizerModel.Builder model = RegularizerModel.builder(name, kinds.get(0), SourceTypes.qualifiedName(type));
        List<ParamModel> params = new ArrayList<>();
        for (VariableElement p : constructors.get(0).getParameters()) {
            Optional<AnnotationMirror> param = Annotations.find(p, Annotations.PARAM);
            if (param.isEmpty()) {
                reporter.error(Messages.constructorParamWithoutParam(p.getSimpleName().toString(), className), p);
            } else {
                paramReader.read(p, param.get()).ifPresent(params::add);
            }
        }
        addUnique(model, params, constructors.get(0).getParameters());
        return model;
    }

    // --- penalty classes ---

    private RegularizerModel.Builder readPenaltyClass(String name, TypeElement type, List<ExecutableElement> penalties,
            List<ExecutableElement> gradients, List<ExecutableElement> proximals,
            List<ExecutableElement> closedForms) {
        int errorsBefore = reporter.errorCount();
        reportDuplicates(Annotations.PENALTY, penalties);
        reportDuplicates(Annotations.GRADIENT, gradients);
        reportDuplicates(Annotations.PROXIMAL, proximals);
        reportDuplicates(Annotations.CLOSED_FORM, closedForms);

        ExecutableElement penalty = penalties.get(0);
        List<VariableElement> penaltyParams = weightFirst(Annotations.PENALTY, penalty, List.of());
        List<ParamModel> params = new ArrayList<>();
        List<VariableElement> paramElements = new ArrayList<>();
        for (VariableElement p : penaltyParams) {
            Optional<AnnotationMirror> param = Annotations.find(p, Annotations.PARAM);
            if (param.isEmpty()) {
                reporter.error(Messages.penaltyParamWithoutParam(p.getSimpleName().toString(),
                        penalty.getSimpleName().toString()), p);
            } else {
                paramReader.read(p, param.get()).ifPresent(params::add);
                paramElements.add(p);
            }
        }

        String gradient = null;
        DerivedGradient derived = null;
        if (gradients.isEmpty()) {
            String suggestion = "@Gradient " + SourceTypes.signature("gradient",
                    expected(penalty, penaltyParams, false));
            derived = derivation.derive(penalty, Annotations.find(penalty, Annotations.PENALTY).orElseThrow(),
                    suggestion).orElse(null);
            if (derived != null) {
                derivation.checkAtZero(penalty, params, suggestion);
            }
        } else {
            gradient = gradients.get(0).getSimpleName().toString();
            checkCompanion(Annotations.GRADIENT, gradients.get(0), penalty, penaltyParams);
        }
        String proximal = null;
        if (!proximals.isEmpty()) {
            proximal = proximals.get(0).getSimpleName().toString();
            checkCompanion(Annotations.PROXIMAL, proximals.get(0), penalty, penaltyParams);
        }
        String closedForm = null;
        if (!closedForms.isEmpty()) {
            closedForm = closedForms.get(0).getSimpleName().toString();
            new ClosedFormCheck(elements, types, reporter).check(closedForms.get(0), penalty, penaltyParams);
        }
        if (gradient == null && derived == null) {
            return null;
        }
        if (gradient != null && reporter.errorCount() == errorsBefore) {
            derivation.compare(penalty, gradients.get(0), params);
        }
        PenaltyMethods methods = derived != null
                ? PenaltyMethods.derived(penalty.getSimpleName().toString(), derived, proximal)
                : PenaltyMethods.of(penalty.getSimpleName().toString(), gradient, proximal);
        RegularizerModel.Builder model = RegularizerModel.builder(name, Kind.PENALTY, SourceTypes.qualifiedName(type))
                .penaltyMethods(methods.withClosedForm(closedForm));
        addUnique(model, params, paramElements);
        return model;
    }

    /**
     * Checks that {@code method} is {@code static double} and not private, and that its first parameter is the
     * weight; returns the parameters after the weight (and after {@code leading} more doubles).
     */
    private List<VariableElement> weightFirst(String annotation, ExecutableElement method, List<String> leading) {
        String simple = Annotations.simpleName(annotation);
        String methodName = method.getSimpleName().toString();
        AnnotationMirror mirror = Annotations.find(method, annotation).orElseThrow();
        List<String> ownSignature = new ArrayList<>();
        method.getParameters().forEach(p -> ownSignature.add(SourceTypes.declaration(p)));
        String signature = SourceTypes.signature(methodName, ownSignature);
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            reporter.error(Messages.methodNotStatic(simple, methodName, signature), method, mirror);
        }
        if (method.getModifiers().contains(Modifier.PRIVATE)) {
            reporter.error(Messages.methodPrivate(simple, methodName), method, mirror);
        }
        if (method.getReturnType().getKind() != TypeKind.DOUBLE) {
            reporter.error(Messages.methodReturnType(simple, methodName,
                    SourceTypes.display(method.getReturnType()), signature), method, mirror);
        }
        List<? extends VariableElement> all = method.getParameters();
        if (all.isEmpty()) {
            reporter.error(Messages.noWeight(simple, methodName), method, mirror);
            return List.of();
        }
        if (all.get(0).asType().getKind() != TypeKind.DOUBLE) {
            reporter.error(Messages.weightNotDouble(simple, methodName, SourceTypes.declaration(all.get(0))),
                    all.get(0));
        }
        int first = Math.min(1 + leading.size(), all.size());
        return new ArrayList<>(all.subList(first, all.size()));
    }

    /** Checks a {@code @Gradient} or {@code @Proximal} against the penalty's parameters. */
    private void checkCompanion(String annotation, ExecutableElement method, ExecutableElement penalty,
            List<VariableElement> penaltyParams) {
        boolean proximal = annotation.equals(Annotations.PROXIMAL);
        String simple = Annotations.simpleName(annotation);
        String methodName = method.getSimpleName().toString();
        weightFirst(annotation, method, proximal ? List.of("step") : List.of());
        List<? extends VariableElement> actual = method.getParameters();
        List<String> expected = expected(penalty, penaltyParams, proximal);
        if (actual.size() != expected.size()) {
            reporter.error(Messages.parameterCount(simple, methodName, actual.size(),
                    SourceTypes.signature(methodName, expected)), method,
                    Annotations.find(method, annotation).orElseThrow());
            return;
        }
        if (proximal && actual.get(1).asType().getKind() != TypeKind.DOUBLE) {
            reporter.error(Messages.stepNotDouble(methodName, SourceTypes.declaration(actual.get(1))), actual.get(1));
        }
        int offset = proximal ? 2 : 1;
        for (int i = 0; i < penaltyParams.size(); i++) {
            VariableElement want = penaltyParams.get(i);
            VariableElement got = actual.get(i + offset);
            if (!got.getSimpleName().contentEquals(want.getSimpleName())
                    || !types.isSameType(got.asType(), want.asType())) {
                reporter.error(Messages.parameterMismatch(simple, methodName, SourceTypes.declaration(got),
                        SourceTypes.declaration(want)), got);
            }
        }
    }

    /** The parameter list a companion must have, e.g. {@code double w, double step, double lambda}. */
    private static List<String> expected(ExecutableElement penalty, List<VariableElement> penaltyParams,
            boolean withStep) {
        List<String> out = new ArrayList<>();
        List<? extends VariableElement> all = penalty.getParameters();
        out.add("double " + (all.isEmpty() ? "w" : all.get(0).getSimpleName()));
        if (withStep) {
            out.add("double step");
        }
        penaltyParams.forEach(p -> out.add(SourceTypes.declaration(p)));
        return out;
    }

    private void reportDuplicates(String annotation, List<ExecutableElement> methods) {
        for (int i = 1; i < methods.size(); i++) {
            ExecutableElement m = methods.get(i);
            reporter.error(Messages.duplicateMethod(Annotations.simpleName(annotation), m.getSimpleName().toString(),
                    methods.get(0).getSimpleName().toString()), m, Annotations.find(m, annotation).orElseThrow());
        }
    }

    // --- parameters shared by both shapes ---

    /** Adds {@code params} to the model, reporting a spec name that an earlier parameter already has. */
    private void addUnique(RegularizerModel.Builder model, List<ParamModel> params,
            List<? extends VariableElement> elements) {
        Map<String, String> seen = new HashMap<>();
        for (ParamModel p : params) {
            String earlier = seen.putIfAbsent(p.specName(), p.javaName());
            if (earlier == null) {
                model.addParam(p);
                continue;
            }
            for (VariableElement e : elements) {
                if (e.getSimpleName().contentEquals(p.javaName())) {
                    AnnotationMirror param = Annotations.find(e, Annotations.PARAM).orElseThrow();
                    reporter.error(Messages.duplicateParamName(p.specName(), earlier), e, param,
                            Annotations.written(param, "name"));
                }
            }
        }
    }

    private static List<ExecutableElement> methodsWith(TypeElement type, String annotation) {
        List<ExecutableElement> out = new ArrayList<>();
        for (Element e : type.getEnclosedElements()) {
            if (e.getKind() == ElementKind.METHOD && Annotations.has(e, annotation)) {
                out.add((ExecutableElement) e);
            }
        }
        return out;
    }
}
