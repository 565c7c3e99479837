package dev.rein.processor;

import com.palantir.javapoet.JavaFile;
import dev.rein.processor.check.ErrorReporter;
import dev.rein.processor.check.Messages;
import dev.rein.processor.check.RegularizerReader;
import dev.rein.processor.check.UnresolvedTypes;
import dev.rein.processor.generate.DerivedGradientGenerator;
import dev.rein.processor.generate.GeneratedNames;
import dev.rein.processor.generate.PenaltyGlueGenerator;
import dev.rein.processor.generate.ProviderGenerator;
import dev.rein.processor.model.RegularizerModel;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * Handles one {@code @Regularizer} class: check it, generate its provider (and, for a penalty, its glue and any
 * derived gradient), and
 * remember the provider for the services file. A class that mentions a type not generated yet is left for a
 * later round.
 */
final class RegularizerStep implements ReinProcessor.Step {
    private final Filer filer;
    private final ErrorReporter reporter;
    private final RegularizerReader reader;
    private final Set<String> generatedProviders;
    private final ProviderGenerator providers = new ProviderGenerator();
    private final PenaltyGlueGenerator glue = new PenaltyGlueGenerator();
    private final DerivedGradientGenerator derivedGradients = new DerivedGradientGenerator();
    /** Generated provider name to the class it was generated for: {@code A.B} and {@code A_B} would collide. */
    private final Map<String, String> generatedFor = new HashMap<>();

    RegularizerStep(Filer filer, ErrorReporter reporter, RegularizerReader reader, Set<String> generatedProviders) {
        this.filer = filer;
        this.reporter = reporter;
        this.reader = reader;
        this.generatedProviders = generatedProviders;
    }

    @Override
    public boolean process(TypeElement type, boolean lastRound) {
        Optional<String> unresolved = UnresolvedTypes.firstIn(type);
        if (unresolved.isPresent()) {
            if (!lastRound) {
                return false;
            }
            reporter.error(Messages.unresolvedType(type.getQualifiedName().toString(), unresolved.get()), type);
            return true;
        }
        Optional<RegularizerModel> model = reader.read(type);
        if (model.isEmpty()) {
            return true;
        }
        String provider = GeneratedNames.provider(model.get().type()).binaryName();
        String clash = generatedFor.putIfAbsent(provider, type.getQualifiedName().toString());
        if (clash != null) {
            reporter.error(Messages.generatedNameClash(provider, type.getQualifiedName().toString(), clash), type);
            return true;
        }
        write(providers.generate(model.get()), type);
        if (model.get().penaltyMethods().isPresent()) {
            write(glue.generate(model.get()), type);
            if (model.get().penaltyMethods().get().derivedGradient().isPresent()) {
                write(derivedGradients.generate(model.get()), type);
            }
        }
        generatedProviders.add(provider);
        return true;
    }

    private void write(JavaFile file, TypeElement origin) {
        String name = file.packageName().isEmpty()
                ? file.typeSpec().name()
                : file.packageName() + "." + file.typeSpec().name();
        try {
            JavaFileObject source = filer.createSourceFile(name, origin);
            try (Writer w = source.openWriter()) {
                file.writeTo(w);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + name + ": " + e, e);
        }
    }
}
