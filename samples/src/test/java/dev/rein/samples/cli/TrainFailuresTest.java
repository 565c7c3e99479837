package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.samples.data.DiskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code rein train} and {@code rein check} say when a plugin misbehaves: one paragraph naming the plugin, its
 * jar and class, and no stack trace unless {@code --verbose}; nothing on disk changes.
 */
class TrainFailuresTest {
    @TempDir
    Path dir;

    @Test
    void aPluginThatThrowsDuringTrainingIsNamedInOneParagraph() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = MisbehavingPlugins.throwing(plugins);
        Path train = TestData.csv(dir.resolve("train.csv"), 50, 3, 1);
        DiskState disk = DiskState.of(dir);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--plugins", plugins.toString(), "--optimiser",
                "sgd", "--spec", "boom_penalty(lambda=0.1, mode=coupled)");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: Plugin 'boom_penalty' (from " + jar + ", class"
                + " com.example.boom.BoomProvider) threw IllegalStateException during training: weight too big: "),
                run.err());
        assertTrue(run.err().contains("This is a defect in the plugin, not in the data or the spec: 'rein check"
                + " boom_penalty' tests it;"), run.err());
        assertEquals(1, run.err().strip().split("\\R").length, "one paragraph:\n" + run.err());
        assertEquals(disk, DiskState.of(dir));

        CliRun verbose = CliRun.of("train", "--data", train.toString(), "--plugins", plugins.toString(),
                "--optimiser", "sgd", "--spec", "boom_penalty(lambda=0.1, mode=coupled)", "--verbose");
        assertTrue(verbose.err().contains("com.example.boom.Boom.gradient(Boom.java"), verbose.err());
    }

    @Test
    void aPluginThatLacksAClassSaysWhichAndWhatToDo() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        Path jar = MisbehavingPlugins.missingClass(plugins);
        Path train = TestData.csv(dir.resolve("train.csv"), 50, 3, 2);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--plugins", plugins.toString(), "--optimiser",
                "sgd", "--spec", "lost_penalty(mode=coupled)");
        assertEquals(1, run.exitCode());
        assertEquals("error: Plugin 'lost_penalty' (from " + jar + ", class com.example.lost.LostProvider) failed"
                + " during training: it needs the class com.example.lost.Helper, which neither its jar nor the JDK"
                + " has (NoClassDefFoundError). A plugin jar sees only the JDK, Rein's API and its own classes: bundle"
                + " what it needs into its jar (e.g. with maven-shade-plugin), or leave 'lost_penalty' out of the"
                + " spec.\n", run.err());
    }

    @Test
    void aJvmErrorIsOneParagraphWithTheLimitAndTheStackTraceOnlyWhenVerbose() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        MisbehavingPlugins.outOfMemory(plugins);
        Path train = TestData.csv(dir.resolve("train.csv"), 30, 2, 3);
        CliRun run = CliRun.of("train", "--data", train.toString(), "--plugins", plugins.toString(), "--optimiser",
                "sgd", "--spec", "greedy_penalty(mode=coupled)");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("error: Java ran out of memory (OutOfMemoryError: Java heap space); this JVM"
                + " may use at most "), run.err());
        assertTrue(run.err().contains("(its -Xmx limit). Give Java more memory (e.g. java -Xmx"), run.err());
        assertEquals(1, run.err().strip().split("\\R").length, run.err());
        assertFalse(run.err().contains("\tat "), run.err());

        CliRun verbose = CliRun.of("train", "--data", train.toString(), "--plugins", plugins.toString(),
                "--optimiser", "sgd", "--spec", "greedy_penalty(mode=coupled)", "--verbose");
        assertTrue(verbose.err().contains("com.example.greedy.Greedy.gradient(Greedy.java"), verbose.err());
    }

    @Test
    void checkGivesEachCheckATimeLimitAndReportsAPluginThatNeverReturns() throws IOException {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        MisbehavingPlugins.neverReturning(plugins);
        long start = System.nanoTime();
        CliRun run = CliRun.of("check", "slow_penalty", "--plugins", plugins.toString(), "--time-limit", "0.5");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(1, run.exitCode(), run.out());
        assertTrue(run.out().contains("PASS  value is finite"), run.out());
        assertTrue(run.out().contains("FAIL  [check-gradient] gradient matches finite differences: did not return"
                + " within 0.5 s; the plugin may loop forever"), run.out());
        assertTrue(run.out().contains("FAIL  [check-arrays] array methods agree with scalar ones: not started: the"
                + " plugin did not return from 'gradient matches finite differences'"), run.out());
        assertTrue(run.out().endsWith("slow_penalty: CHECKS FAILED\n"), run.out());
        assertTrue(seconds < 10, "one time limit, not one per check: " + seconds + " s");
    }

    @Test
    void aTimeLimitThatIsNotPositiveIsRefused() {
        CliRun run = CliRun.of("check", "l2", "--time-limit", "0");
        assertEquals(1, run.exitCode());
        assertEquals("error: --time-limit is 0.0; give the seconds each check may take, more than 0 and at most"
                + " 86400, e.g. --time-limit 30.\n", run.err());
    }
}
