package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/rein-cli.jar}, the executable jar that maven-shade-plugin builds, run as a user runs it:
 * {@code java -jar rein-cli.jar ...} in a separate JVM, from an empty folder far from the source tree, with no
 * class path but the jar. The built-in plugins must be found through the merged services file, and a plugin folder
 * must still load the example external plugin in a class loader of its own.
 */
class ExecutableJarIT {
    private static final List<String> BUILT_INS =
            List.of("l1", "l2", "elastic_net", "max_norm", "non_negative", "early_stopping");

    @TempDir
    Path workDir;

    Path executableJar;

    @BeforeEach
    void findTheJar() {
        executableJar = Path.of(System.getProperty("rein.executableJar", "target/rein-cli.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(executableJar), "the package phase should have built " + executableJar);
    }

    @Test
    void listsTheBuiltInPluginsFromAnEmptyFolder() throws Exception {
        Run run = javaJar("list");
        assertEquals(0, run.exitCode(), run.toString());
        for (String name : BUILT_INS) {
            assertTrue(Pattern.compile("(?m)^" + name + " +\\S+ +built-in ").matcher(run.out()).find(),
                    name + " should be listed as built-in\n" + run);
        }
    }

    @Test
    void loadsTheExternalPluginFromAPluginFolder() throws Exception {
        Path jar = Path.of(System.getProperty("rein.externalPluginJar",
                "target/it/external-plugin/target/cauchy-regularizer-1.0.0.jar"));
        assertTrue(Files.isRegularFile(jar), "the invoker run should have built " + jar);
        Path plugins = Files.createDirectories(workDir.resolve("plugins"));
        Files.copy(jar, plugins.resolve(jar.getFileName()));

        // A relative folder: it is read against the working directory of the java -jar process.
        Run list = javaJar("list", "--plugins", "plugins");
        assertEquals(0, list.exitCode(), list.toString());
        assertTrue(Pattern.compile("(?m)^cauchy +penalty +\\S*cauchy-regularizer-1\\.0\\.0\\.jar ")
                .matcher(list.out()).find(), list.toString());
        assertTrue(Pattern.compile("(?m)^l1 +penalty +built-in ").matcher(list.out()).find(), list.toString());

        // The plugin's own code runs, from its jar's class loader, inside the executable jar's JVM.
        Run check = javaJar("check", "cauchy", "--plugins", "plugins");
        assertEquals(0, check.exitCode(), check.toString());
        assertTrue(check.out().endsWith("cauchy: all checks passed\n"), check.toString());

        TestData.csv(workDir.resolve("train.csv"), 100, 5, 7);
        Run train = javaJar("train", "--data", "train.csv", "--plugins", "plugins",
                "--spec", "cauchy(lambda=1e-2) + l2(lambda=1e-4)", "--epochs", "2", "--json");
        assertEquals(0, train.exitCode(), train.toString());
        assertTrue(train.out().contains("\"spec\":\"cauchy(lambda=0.01, scale=1.0) + l2(lambda=1.0E-4)\""),
                train.toString());
        assertTrue(train.out().contains("epochs run      2 of 2"), train.toString());
    }

    @Test
    void aModelTooLargeForTheHeapIsRefusedWithItsSizeBeforeTraining() throws Exception {
        // 10,000 classes x 200 features: about 80 MB a copy, in a JVM limited to 64 MB.
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            lines.append("c").append(i).append(' ').append(i % 200 + 1).append(":1\n");
        }
        Files.writeString(workDir.resolve("classes.libsvm"), lines);
        Run run = javaJarWith(List.of("-Xmx64m"), "train", "--data", "classes.libsvm");
        assertEquals(1, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("error: The model would not fit in memory: 10,000 classes x 201 weights (200"
                + " features and a bias) is 2,010,000 weights; training holds 5 copies at once"), run.toString());
        assertTrue(run.err().contains("but this JVM may use at most 64.0 MB (its -Xmx limit)"), run.toString());
        assertEquals(1, run.err().strip().split("\\R").length, "one paragraph, no stack trace:\n" + run);
        assertEquals("", run.out(), "nothing trained");
    }

    @Test
    void aFeatureIndexNearTwoToTheThirtyFirstCostsOneWeight() throws Exception {
        Files.writeString(workDir.resolve("far.libsvm"), "1 2147483647:1\n0 1:1\n1 2147483647:2\n0 1:2\n");
        Run run = javaJarWith(List.of("-Xmx64m"), "train", "--data", "far.libsvm", "--epochs", "2");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("zero weights    0 of 4\n"), "2 labels x 2 features: " + run);
    }

    /** Runs {@code java -jar rein-cli.jar args...} in {@link #workDir} and waits for it to end. */
    private Run javaJar(String... args) throws IOException, InterruptedException {
        return javaJarWith(List.of(), args);
    }

    /** As {@link #javaJar}, with options for the JVM before {@code -jar}. */
    private Run javaJarWith(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(executableJar.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // Options inherited from the environment would change what the JVM prints; this run is the jar alone.
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("CLASSPATH");
        Process process = builder.start();
        process.getOutputStream().close();   // nothing on standard input
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
            fail("java -jar " + String.join(" ", args) + " did not end within 2 minutes");
        }
        return new Run(String.join(" ", args), process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The outcome of one process: the arguments it was given, its exit code and both outputs. */
    private record Run(String args, int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "rein " + args + " exited with " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }
}
