package dev.rein.processor.services;

import dev.rein.processor.check.ErrorReporter;
import dev.rein.processor.check.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the provider services file once, when processing is over: reads the copy already in the class output,
 * merges it with {@link ServicesFile#merge} and writes the result.
 *
 * <pre>{@code
 * new ServicesFileWriter(filer, elements, reporter).write(List.of("com.example.Cauchy_ReinProvider"));
 * }</pre>
 */
public final class ServicesFileWriter {
    private final Filer filer;
    private final Elements elements;
    private final ErrorReporter reporter;

    public ServicesFileWriter(Filer filer, Elements elements, ErrorReporter reporter) {
        this.filer = filer;
        this.elements = elements;
        this.reporter = reporter;
    }

    /** Writes the merged file; writes nothing if there is nothing generated and nothing to keep. */
    public void write(Collection<String> generatedProviders) {
        List<String> existing = readExisting();
        if (generatedProviders.isEmpty() && existing.isEmpty()) {
            return;
        }
        ServicesFile merged = ServicesFile.merge(generatedProviders, existing,
                name -> elements.getTypeElement(name.replace('$', '.')) != null);
        merged.missing().forEach(m -> reporter.warning(Messages.staleServiceEntry(ServicesFile.PATH, m)));
        try {
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", ServicesFile.PATH);
            try (Writer w = file.openWriter()) {
                w.write(merged.content());
            }
        } catch (IOException e) {
            reporter.error(Messages.servicesFileFailed(ServicesFile.PATH, e.toString()));
        }
    }

    /** The entries of the file already in the class output; none if it does not exist. */
    private List<String> readExisting() {
        try {
            FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", ServicesFile.PATH);
            try (InputStream in = file.openInputStream()) {
                return ServicesFile.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException | IllegalArgumentException e) {
            return List.of();   // no such file yet: nothing hand-written to keep
        }
    }
}
