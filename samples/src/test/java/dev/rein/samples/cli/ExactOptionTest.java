package dev.rein.samples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rein.runtime.tribuo.RegularizedOptimiser;
import dev.rein.samples.train.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --exact}: the linear model's lazy penalty steps turned off from the command line. */
class ExactOptionTest {
    @TempDir
    static Path dir;

    static String train;

    @BeforeAll
    static void data() throws Exception {
        train = TestData.csv(dir.resolve("train.csv"), 120, 8, 5).toString();
    }

    @AfterEach
    void clear() {
        System.clearProperty(RegularizedOptimiser.EXACT_PROPERTY);   // the option sets it for the whole JVM
    }

    private static JsonNode trained(String... extra) {
        String[] base = {"train", "--data", train, "--optimiser", "sgd", "--epochs", "3", "--json", "--spec",
            "elastic_net(lambda=0.05, l1_ratio=0.5)"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return Json.read(run.lastLine());
    }

    @Test
    void exactTrainingIsTheSameModelUpToRoundingAndSetsTheSwitch() {
        JsonNode lazy = trained();
        assertEquals(null, System.getProperty(RegularizedOptimiser.EXACT_PROPERTY));
        JsonNode exact = trained("--exact");
        assertEquals("true", System.getProperty(RegularizedOptimiser.EXACT_PROPERTY));
        // elastic net's lazy catch-up is exact in closed form: the two agree to rounding, and are computed apart
        double a = lazy.get("weight_norm").asDouble();
        double b = exact.get("weight_norm").asDouble();
        assertEquals(a, b, 1e-9 * Math.abs(a));
        assertNotEquals(0.0, b);
    }

    @Test
    void theNetworkRefusesIt() {
        CliRun run = CliRun.of("train", "--model", "mlp", "--data", train, "--exact");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("--exact turns off the linear model's lazy penalty steps"), run.err());
    }
}
