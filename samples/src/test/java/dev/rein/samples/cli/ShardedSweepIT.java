package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rein.samples.train.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep split into shards that run as separate processes, as the jobs of a job array do (each {@code java -jar
 * rein-cli.jar sweep --shard ...} in its own JVM, all at once), joined by {@code rein merge}: the merge equals the
 * unsharded sweep trial for trial (times aside). One shard finds its slice through {@code --shard auto} from a Slurm
 * array's environment, another from a Kubernetes Indexed Job's.
 */
class ShardedSweepIT {
    @TempDir
    Path workDir;

    @Test
    void shardsInSeparateProcessesMergeIntoTheUnshardedSweep() throws Exception {
        TestData.csv(workDir.resolve("train.csv"), 120, 8, 11);
        List<String> sweep = List.of("sweep", "--data", "train.csv", "--spec",
                "l1(lambda=1e-3..1e-1 log 4) + max_norm(c=[1, 3])", "--folds", "3", "--epochs", "2", "--threads", "1",
                "--json");
        List<Process> shards = new ArrayList<>();
        shards.add(start("shard-0.json", Map.of(), plus(sweep, "--shard", "0/3")));
        shards.add(start("shard-1.json", Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_MIN", "1",
                "SLURM_ARRAY_TASK_COUNT", "3"), plus(sweep, "--shard", "auto")));
        shards.add(start("shard-2.json", Map.of("JOB_COMPLETION_INDEX", "2"),
                plus(sweep, "--shard", "auto", "--shard-count", "3")));
        for (Process p : shards) {
            finish(p);
        }
        finish(start("whole.json", Map.of(), sweep));
        finish(start("merged.json", Map.of(), List.of("merge", "shard-0.json", "shard-1.json", "shard-2.json",
                "--json")));

        JsonNode whole = lastJson("whole.json");
        JsonNode merged = lastJson("merged.json");
        assertEquals(8, whole.get("trials").size());
        assertEquals(SweepCommandTest.withoutTimes(whole.get("trials")),
                SweepCommandTest.withoutTimes(merged.get("trials")), "trial for trial");
        assertEquals(whole.get("best").get("trial"), merged.get("best").get("trial"));
        for (int i = 0; i < 3; i++) {
            JsonNode shard = lastJson("shard-" + i + ".json");
            assertEquals(i, shard.get("shard").get("index").asInt());
            for (JsonNode t : shard.get("trials")) {
                assertEquals(i, t.get("trial").asInt() % 3, "shard " + i + " runs trials i, i+3, ...");
            }
        }
    }

    /**
     * The recipes of {@code docs/cluster} run as written, with the scheduler played by hand: the sbatch script under
     * bash with a Slurm array's variables (as tasks 1-4 of {@code --array=1-4}), the Indexed Job's command under sh
     * with {@code JOB_COMPLETION_INDEX} and its {@code /work} volume as a folder here. Each set of shards merges into
     * the whole sweep.
     */
    @Test
    void theClusterRecipesInDocsRunAsWritten() throws Exception {
        Path docs = Path.of("..", "docs", "cluster").toAbsolutePath().normalize();
        Path jar = Path.of(System.getProperty("rein.executableJar", "target/rein-cli.jar")).toAbsolutePath();
        Files.copy(jar, workDir.resolve("rein-cli.jar"));
        Files.copy(Path.of("data", "train.csv"), workDir.resolve("train.csv"));
        Files.createDirectories(workDir.resolve("results"));
        List<Process> tasks = new ArrayList<>();
        for (int task = 1; task <= 4; task++) {
            tasks.add(start("results/shard-" + task + ".json", Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(task),
                    "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_CPUS_PER_TASK", "1"),
                    List.of("bash", docs.resolve("rein-sweep.sbatch").toString()), false));
        }
        for (Process p : tasks) {
            finish(p);
        }
        finish(start("slurm-merged.json", Map.of(), List.of("merge", "results/shard-1.json", "results/shard-2.json",
                "results/shard-3.json", "results/shard-4.json", "--json")));
        assertEquals(24, lastJson("slurm-merged.json").get("trials").size());

        String command = indexedJobCommand(docs.resolve("rein-sweep-job.yaml")).replace("/work", workDir.toString());
        for (int index = 0; index < 4; index++) {
            finish(start("k8s-" + index + ".log", Map.of("JOB_COMPLETION_INDEX", Integer.toString(index)),
                    List.of("sh", "-c", command), false));
        }
        finish(start("k8s-merged.json", Map.of(), List.of("merge", "results/shard-0.json", "results/shard-1.json",
                "results/shard-2.json", "results/shard-3.json", "--json")));
        assertEquals(SweepCommandTest.withoutTimes(lastJson("slurm-merged.json").get("trials")),
                SweepCommandTest.withoutTimes(lastJson("k8s-merged.json").get("trials")));
    }

    /** The container's shell command: the folded ({@code >-}) YAML block under {@code args}, joined by spaces. */
    private static String indexedJobCommand(Path manifest) throws IOException {
        List<String> lines = Files.readAllLines(manifest);
        int start = lines.indexOf(lines.stream().filter(l -> l.strip().equals("- >-")).findFirst().orElseThrow());
        List<String> block = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).strip().endsWith(":"); i++) {
            block.add(lines.get(i).strip());
        }
        return String.join(" ", block);
    }

    private JsonNode lastJson(String file) throws IOException {
        List<String> lines = Files.readAllLines(workDir.resolve(file));
        return Json.read(lines.get(lines.size() - 1));
    }

    private static List<String> plus(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    private Process start(String outFile, Map<String, String> env, List<String> args) throws IOException {
        return start(outFile, env, args, true);
    }

    /** Runs {@code java -jar rein-cli.jar args} ({@code rein} true) or {@code args} as a command of its own. */
    private Process start(String outFile, Map<String, String> env, List<String> args, boolean rein)
            throws IOException {
        Path jar = Path.of(System.getProperty("rein.executableJar", "target/rein-cli.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the package phase should have built " + jar);
        List<String> command = new ArrayList<>();
        if (rein) {
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString()));
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve(outFile).toFile())
                .redirectError(workDir.resolve(outFile + ".err").toFile());
        for (String key : List.of("SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT",
                "SLURM_ARRAY_TASK_STEP", "SLURM_CPUS_PER_TASK",
                "JOB_COMPLETION_INDEX", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS")) {
            builder.environment().remove(key);
        }
        builder.environment().putAll(env);
        // The recipes call plain `java`: the one running this test.
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + File.pathSeparator
                + builder.environment().getOrDefault("PATH", ""));
        Process p = builder.start();
        p.getOutputStream().close();
        return p;
    }

    private void finish(Process p) throws Exception {
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            fail("a rein process did not end within 3 minutes");
        }
        if (p.exitValue() != 0) {
            StringBuilder errors = new StringBuilder();
            try (var files = Files.list(workDir)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".err")).toList()) {
                    errors.append(f.getFileName()).append(": ").append(Files.readString(f, StandardCharsets.UTF_8));
                }
            }
            fail("a rein process exited with " + p.exitValue() + "\n" + errors);
        }
    }
}
