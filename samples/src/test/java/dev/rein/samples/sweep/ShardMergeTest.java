package dev.rein.samples.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rein.runtime.registry.PluginRegistry;
import dev.rein.samples.train.Json;
import dev.rein.samples.train.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardMergeTest {
    @TempDir
    Path dir;

    @Test
    void theShardsTrialsComeBackInIndexOrderWithTheBestOfAll() throws Exception {
        Path a = shard("a.json", 0, 2, sweep("abc", 5), 5);
        Path b = shard("b.json", 1, 2, sweep("abc", 5), 5);
        SweepReport merged = ShardMerge.merge(List.of(b, a), PluginRegistry.shared());
        assertEquals(List.of(0, 1, 2, 3, 4), merged.trials().stream().map(TrialResult::index).toList());
        assertEquals(Shard.ALL, merged.shard());
        assertEquals(4, merged.best().orElseThrow().index(), "metric 0.1 * index: the last is best");
        assertEquals(0.1 * 3, merged.trials().get(3).mean(), 1e-15);
        assertEquals(Map.of("l1.lambda", 3.0), merged.trials().get(3).params());
    }

    @Test
    void shardsOfAnotherSweepAreRefusedNamingWhatDiffers() throws Exception {
        Path a = shard("a.json", 0, 2, sweep("abc", 5), 5);
        Path otherData = shard("b.json", 1, 2, sweep("xyz", 5), 5);
        assertMessage(List.of(a, otherData), "their data_sha256 differs (abc against xyz)");
        Path otherCount = shard("c.json", 1, 3, sweep("abc", 5), 5);
        assertMessage(List.of(a, otherCount), "is shard 0/2 but", "is shard 1/3");
    }

    @Test
    void missingRepeatedIncompleteOrEditedShardsAreRefused() throws Exception {
        Path a = shard("a.json", 0, 2, sweep("abc", 5), 5);
        assertMessage(List.of(a), "Shards [1] of 2 are missing");
        assertMessage(List.of(a, a), "are both shard 0/2");
        Path short1 = shard("short.json", 1, 2, sweep("abc", 5), 3);   // trial 3 lost: a job died half-way
        assertMessage(List.of(a, short1), "The shards hold 4 trials, but the sweep has 5 (missing: trials [3] of"
                + " shards [1])");
        Path edited = Files.writeString(dir.resolve("edited.json"), Files.readString(shard("e.json", 1, 2,
                sweep("abc", 5), 5)).replace("\"trial\":1,", "\"trial\":2,"));
        assertMessage(List.of(a, edited), "holds trial 2, which shard 1/2 does not run");
        Path table = Files.writeString(dir.resolve("table.txt"), "  trial  l1.lambda\n");
        assertMessage(List.of(table), "holds no sweep result");
    }

    @Test
    void trialsAreCheckedAgainstTheSweepTheyClaim() throws Exception {
        Path a = shard("a.json", 0, 2, sweep("abc", 5), 5);
        Path b = shard("b.json", 1, 2, sweep("abc", 5), 5);
        String text = Files.readString(b);
        assertMessage(List.of(a, edit("beyond.json", text, "\"trial\":3,", "\"trial\":7,")),
                "'" + dir.resolve("beyond.json") + "' holds trial 7, but the sweep has 5 trials (0 to 4)");
        assertMessage(List.of(a, edit("params.json", text, "\"params\":{\"l1.lambda\":3.0}",
                "\"params\":{\"l1.lambda\":0.5}")), "trial 3: its params are {l1.lambda=0.5}, but the sweep's spec"
                + " gives trial 3 {l1.lambda=3.0}");
        assertMessage(List.of(a, edit("spec.json", text, "\"spec\":\"l1(lambda=3.0)\"", "\"spec\":\"l2(lambda=3.0)\"")),
                "trial 3: its spec is 'l2(lambda=3.0)', but the sweep's spec gives trial 3 'l1(lambda=3.0)'");
        assertMessage(List.of(a, edit("nan.json", text, "\"metric_mean\":0.30000000000000004",
                "\"metric_mean\":null")), "trial 3: metric_mean is null, but it should be a number");
        assertMessage(List.of(edit("count0.json", Files.readString(a), "\"trial_count\":5", "\"trial_count\":6"),
                edit("count1.json", text, "\"trial_count\":5", "\"trial_count\":6")),
                "says its sweep has 6 trials, but its spec l1(lambda=[0, 1, 2, 3, 4]) gives 5");
        String line = text.lines().reduce((x, y) -> y).orElseThrow();
        ObjectNode json = (ObjectNode) Json.read(line);
        ((ArrayNode) json.get("trials")).add(json.get("trials").get(0).deepCopy());
        assertMessage(List.of(a, Files.writeString(dir.resolve("twice.json"), json + "\n")), "holds trial 1 twice");
        assertMessage(List.of(a, edit("shard.json", text, "\"index\":1,", "\"index\":9,")),
                "says it is shard {\"index\":9,\"count\":2}, which no --shard i/n run writes");
        assertMessage(List.of(edit("unknown.json", Files.readString(a), "l1(lambda=[0, 1, 2, 3, 4])",
                "nope(lambda=[0, 1, 2, 3, 4])"), edit("unknown1.json", text, "l1(lambda=[0, 1, 2, 3, 4])",
                "nope(lambda=[0, 1, 2, 3, 4])")), "whose trials merge cannot plan again", "give merge the same"
                + " --plugins");
    }

    @Test
    void aFailedTrialHasNoMetricAndNeverWins() throws Exception {
        Path a = shard("a.json", 0, 2, sweep("abc", 5), 5);
        String text = Files.readString(shard("b.json", 1, 2, sweep("abc", 5), 5));
        Path failed = edit("failed.json", text, "\"metric_mean\":0.30000000000000004,\"metric_std\":0.01,"
                + "\"non_zeros\":7.0,\"seconds\":0.5,\"error\":null", "\"metric_mean\":null,\"metric_std\":null,"
                + "\"non_zeros\":null,\"seconds\":0.5,\"error\":\"diverged\"");
        SweepReport merged = ShardMerge.merge(List.of(a, failed), PluginRegistry.shared());
        assertEquals("diverged", merged.trials().get(3).error());
        assertEquals(4, merged.best().orElseThrow().index());
        Path claims = edit("claims.json", text, "\"error\":null", "\"error\":\"diverged\"");
        assertMessage(List.of(a, claims), "trial 1: it failed (diverged) yet its metric_mean is 0.1");
    }

    private Path edit(String name, String text, String from, String to) throws Exception {
        assertTrue(text.contains(from), from + " in " + text);
        return Files.writeString(dir.resolve(name), text.replace(from, to));
    }

    /** A shard file as rein sweep would write it for {@code sweep}, the spec l1(lambda=[0, 1, 2, 3, 4]). */
    private Path shard(String name, int index, int count, Map<String, Object> sweep, int trials) throws Exception {
        SweepPlan plan = SweepPlan.of(SweepSpec.parse("l1(lambda=[0, 1, 2, 3, 4])"), PluginRegistry.shared());
        List<TrialResult> mine = new ArrayList<>();
        IntStream.range(0, trials).filter(t -> t % count == index).forEach(t -> mine.add(new TrialResult(t,
                plan.trials().get(t).params(), "cv_accuracy", 0.1 * t, 0.01, 10 - t, 1, 0.5, null,
                Map.of("spec", plan.trials().get(t).regularization().toSpec()))));
        String json = Json.object(new SweepReport(sweep, new Shard(index, count), mine).toJson());
        return Files.writeString(dir.resolve(name), "a table line\n" + json + "\n");
    }

    private static Map<String, Object> sweep(String sha, int trials) {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("spec", "l1(lambda=[0, 1, 2, 3, 4])");
        sweep.put("trial_count", trials);
        sweep.put("data_sha256", sha);
        sweep.put("folds", 3);
        return sweep;
    }

    private static void assertMessage(List<Path> files, String... parts) {
        UserInputException e = assertThrows(UserInputException.class,
                () -> ShardMerge.merge(files, PluginRegistry.shared()));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }
}
