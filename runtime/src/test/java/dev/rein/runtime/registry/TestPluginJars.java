package dev.rein.runtime.registry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars inside a test: Java source strings compiled with the system compiler against the test
 * class path (which holds rein-api), packed with a services file of the test's choosing.
 *
 * <pre>{@code
 * Path jar = TestPluginJars.jar(folder.resolve("cauchy.jar"))
 *         .source("com.example.CauchyProvider", TestPluginJars.provider("com.example.CauchyProvider").named("cauchy").code())
 *         .services("com.example.CauchyProvider")
 *         .build();
 * }</pre>
 *
 * <p>Providers are written by hand ({@link #provider(String)}), so these tests do not depend on rein-processor.
 */
public final class TestPluginJars {
    private TestPluginJars() {
    }

    /** Starts a jar that will be written to {@code file}. */
    public static JarBuilder jar(Path file) {
        return new JarBuilder(file);
    }

    /** Starts the source of a hand-written provider class. */
    public static ProviderCode provider(String className) {
        return new ProviderCode(className);
    }

    /** A jar that holds exactly one good provider, {@code className}, called {@code name}. */
    public static Path goodJar(Path file, String className, String name, String... aliases) {
        return jar(file)
                .source(className, provider(className).named(name).aliases(aliases).code())
                .services(className)
                .build();
    }

    /** Writes {@code size} random bytes (not a zip) to {@code file}. */
    public static Path randomBytes(Path file, int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects sources and entries, then compiles and packs them. */
    public static final class JarBuilder {
        private final Path file;
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final Map<String, byte[]> entries = new LinkedHashMap<>();
        private final java.util.Set<String> omitted = new java.util.HashSet<>();

        private JarBuilder(Path file) {
            this.file = file;
        }

        /** A class to compile into the jar. */
        public JarBuilder source(String className, String code) {
            sources.put(className, code);
            return this;
        }

        /** Compiles {@code className} but leaves its class file out of the jar, as a missing dependency would. */
        public JarBuilder omit(String className) {
            omitted.add(className.replace('.', '/') + ".class");
            return this;
        }

        /** A services file for RegularizerProvider listing {@code classNames}, one a line. */
        public JarBuilder services(String... classNames) {
            return servicesText(String.join("\n", classNames) + "\n");
        }

        /** A services file for RegularizerProvider with exactly this text. */
        public JarBuilder servicesText(String text) {
            return entry(ServicesFile.PATH, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Any other entry. */
        public JarBuilder entry(String path, byte[] bytes) {
            entries.put(path, bytes);
            return this;
        }

        /** Compiles the sources (failing the test with javac's messages if they do not compile) and writes the jar. */
        public Path build() {
            try {
                Path classes = Files.createTempDirectory("rein-test-classes");
                compile(classes);
                Files.createDirectories(file.getParent());
                Manifest manifest = new Manifest();
                manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                try (OutputStream out = Files.newOutputStream(file);
                        JarOutputStream jar = new JarOutputStream(out, manifest)) {
                    for (Path clazz : classFiles(classes)) {
                        String name = classes.relativize(clazz).toString().replace(java.io.File.separatorChar, '/');
                        if (!omitted.contains(name)) {
                            put(jar, name, Files.readAllBytes(clazz));
                        }
                    }
                    for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                        put(jar, e.getKey(), e.getValue());
                    }
                }
                deleteTree(classes);
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void deleteTree(Path root) throws IOException {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(p);
                }
            }
        }

        private void compile(Path classes) {
            if (sources.isEmpty()) {
                return;
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<JavaFileObject> units = new ArrayList<>();
            sources.forEach((name, code) -> units.add(new SourceString(name, code)));
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString(), "-proc:none", "--release", "17", "-nowarn");
            try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
                if (!ok) {
                    throw new AssertionError("Test plugin sources do not compile: " + diagnostics.getDiagnostics());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static List<Path> classFiles(Path classes) throws IOException {
            try (Stream<Path> walk = Files.walk(classes)) {
                return walk.filter(p -> p.toString().endsWith(".class")).sorted().collect(Collectors.toList());
            }
        }

        private static void put(JarOutputStream jar, String name, byte[] bytes) throws IOException {
            jar.putNextEntry(new JarEntry(name));
            jar.write(bytes);
            jar.closeEntry();
        }
    }

    /**
     * The source of a provider for an element-wise L2-like penalty {@code (lambda/2)·w²}, with knobs to make it
     * misbehave. It also has {@code public static String canLoad(String className)}, which answers "yes" or "no"
     * for whether the plugin's own code can load a class, so a test sees the world from inside the plugin.
     */
    public static final class ProviderCode {
        private final String className;
        private String name = "test_penalty";
        private List<String> aliases = List.of();
        private int apiVersion = dev.rein.api.ReinApi.VERSION;
        private String constructorBody = "";
        private String descriptorPrefix = "";
        private String gradient = "lambda * w";

        private ProviderCode(String className) {
            this.className = className;
        }

        public ProviderCode named(String name) {
            this.name = name;
            return this;
        }

        public ProviderCode aliases(String... aliases) {
            this.aliases = List.of(aliases);
            return this;
        }

        public ProviderCode apiVersion(int apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        /** Statements run by the public no-argument constructor. */
        public ProviderCode constructor(String statements) {
            this.constructorBody = statements;
            return this;
        }

        /** Statements run first in {@code descriptor()}. */
        public ProviderCode descriptorStarts(String statements) {
            this.descriptorPrefix = statements;
            return this;
        }

        /** The gradient's expression in {@code w} and {@code lambda}, e.g. a wrong one for checker tests. */
        public ProviderCode gradient(String expression) {
            this.gradient = expression;
            return this;
        }

        public String code() {
            int dot = className.lastIndexOf('.');
            String pkg = className.substring(0, dot);
            String simple = className.substring(dot + 1);
            String aliasList = aliases.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(", "));
            return "package " + pkg + ";\n"
                    + "import dev.rein.api.hook.ElementwisePenalty;\n"
                    + "import dev.rein.api.spi.*;\n"
                    + "import java.util.List;\n"
                    + "public final class " + simple + " implements RegularizerProvider {\n"
                    + "  public " + simple + "() { " + constructorBody + " }\n"
                    + "  @Override public RegularizerDescriptor descriptor() {\n"
                    + "    " + descriptorPrefix + "\n"
                    + "    return RegularizerDescriptor.builder(\"" + name + "\", Kind.PENALTY)\n"
                    + "        .aliases(List.of(" + aliasList + "))\n"
                    + "        .apiVersion(" + apiVersion + ")\n"
                    + "        .addParam(ParamDescriptor.builder(\"lambda\", ParamType.DOUBLE).defaultValue(\"1\")"
                    + ".min(0, false).build())\n"
                    + "        .implementation(\"" + className + "\").build();\n"
                    + "  }\n"
                    + "  @Override public Object create(Arguments args) {\n"
                    + "    final double lambda = args.getDouble(\"lambda\");\n"
                    + "    return new ElementwisePenalty() {\n"
                    + "      public double value(double w) { return lambda / 2 * w * w; }\n"
                    + "      public double gradient(double w) { return " + gradient + "; }\n"
                    + "      public boolean hasProximal() { return false; }\n"
                    + "      public double proximal(double w, double step) {"
                    + " throw new UnsupportedOperationException(); }\n"
                    + "      public double value(double[] w, int from, int to) {\n"
                    + "        double s = 0; for (int i = from; i < to; i++) s += value(w[i]); return s; }\n"
                    + "      public void addGradient(double[] w, int from, int to, double[] g, double scale) {\n"
                    + "        for (int i = from; i < to; i++) g[i] += scale * gradient(w[i]); }\n"
                    + "      public void proximal(double[] w, int from, int to, double step) {"
                    + " throw new UnsupportedOperationException(); }\n"
                    + "    };\n"
                    + "  }\n"
                    + "  public static String canLoad(String className) {\n"
                    + "    try { Class.forName(className); return \"yes\"; }"
                    + " catch (ClassNotFoundException e) { return \"no\"; }\n"
                    + "  }\n"
                    + "}\n";
        }
    }

    /** A compilation unit held in memory. */
    private static final class SourceString extends SimpleJavaFileObject {
        private final String code;

        SourceString(String className, String code) {
            super(URI.create("string:///" + className.replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
