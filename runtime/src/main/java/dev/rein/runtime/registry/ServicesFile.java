package dev.rein.runtime.registry;

import dev.rein.api.spi.RegularizerProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code META-INF/services} file that lists a jar's {@link RegularizerProvider} classes, read the way
 * {@link java.util.ServiceLoader} reads it (one binary class name a line, {@code #} starts a comment):
 *
 * <pre>{@code
 * ServicesFile.parse(in);   // ["com.example.CauchyProvider"] for "# generated\ncom.example.CauchyProvider\n"
 * }</pre>
 *
 * <p>The registry still loads providers through {@code ServiceLoader}; it reads the file itself only to tell a
 * person which listed class a loading error is about.
 */
final class ServicesFile {
    /** Where a jar lists its providers. */
    static final String PATH = "META-INF/services/" + RegularizerProvider.class.getName();

    private ServicesFile() {
    }

    /** The class names listed in one services file, in file order, without duplicates. */
    static List<String> parse(InputStream in) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    /** Every class name listed in a services file that {@code loader} can see; unreadable files are left out. */
    static Set<String> listedIn(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> files = loader.getResources(PATH);
            while (files.hasMoreElements()) {
                try (InputStream in = files.nextElement().openStream()) {
                    names.addAll(parse(in));
                } catch (IOException | UncheckedIOException e) {
                    // ServiceLoader reports the same file as broken; this list only improves its message.
                }
            }
        } catch (IOException e) {
            // As above.
        }
        return names;
    }
}
