package dev.rein.samples.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin project compiled again after a regularizer was renamed, then removed, keeps no stale provider: the
 * services file lists exactly the regularizers that exist, and no generated class of the old one is left. Runs
 * {@code mvn compile} (offline, on the repository this build installed Rein into) on a copy of
 * {@code samples/external-plugin}, as its author would between edits.
 */
class IncrementalBuildIT {
    private static final String SERVICES = "target/classes/META-INF/services/dev.rein.api.spi.RegularizerProvider";

    @TempDir
    Path project;

    @Test
    void aRenamedOrRemovedRegularizerLeavesNoStaleProvider() throws Exception {
        copy(Path.of("external-plugin"), project);
        Path sources = project.resolve("src/main/java/com/example/rein");
        compile();
        List<String> others = services().stream().filter(p -> !p.equals("com.example.rein.Cauchy_ReinProvider"))
                .toList();   // the project's other regularizers, which the edits leave alone
        assertTrue(services().contains("com.example.rein.Cauchy_ReinProvider"), services().toString());

        Path cauchy = sources.resolve("Cauchy.java");
        String renamed = Files.readString(cauchy).replace("class Cauchy", "class Lorentz")
                .replace("private Cauchy()", "private Lorentz()").replace("name = \"cauchy\"", "name = \"lorentz\"");
        Files.writeString(sources.resolve("Lorentz.java"), renamed);
        Files.delete(cauchy);
        compile();
        assertEquals(with(others, "com.example.rein.Lorentz_ReinProvider"), sorted(services()));
        assertEquals(List.of(), generated("Cauchy"), "stale classes of the renamed regularizer");

        Files.delete(sources.resolve("Lorentz.java"));
        compile();
        assertEquals(sorted(others), sorted(services()));
        assertEquals(List.of(), generated("Lorentz"), "stale classes of the removed regularizer");
    }

    private static List<String> with(List<String> list, String extra) {
        List<String> out = new ArrayList<>(list);
        out.add(extra);
        return sorted(out);
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }

    private void compile() throws IOException, InterruptedException {
        String mvn = Path.of(System.getProperty("rein.mavenHome", System.getenv().getOrDefault("MAVEN_HOME", "")),
                "bin", "mvn").toString();
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-o", "-q", "compile"));
        String repo = System.getProperty("rein.mavenRepoLocal");
        if (repo != null) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        Path log = project.resolve("build.log");
        Process p = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        assertEquals(0, p.waitFor(), () -> "mvn compile failed:\n" + read(log));
        assertFalse(read(log).contains("[WARNING]"), () -> read(log));
    }

    /** The providers the services file lists; none when the file is absent. */
    private List<String> services() throws IOException {
        Path file = project.resolve(SERVICES);
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    /** Class files and generated sources whose names start with {@code simpleName}. */
    private List<String> generated(String simpleName) throws IOException {
        List<String> out = new ArrayList<>();
        for (String dir : List.of("target/classes", "target/generated-sources")) {
            Path root = project.resolve(dir);
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(f -> f.getFileName().toString().startsWith(simpleName))
                            .forEach(f -> out.add(project.relativize(f).toString()));
                }
            }
        }
        return out;
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Copies the project without its build output. */
    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(f);
                if (relative.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(relative.toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
