package dev.rein.samples.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        SweepReport merged = ShardMerge.merge(List.of(b, a));
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
        assertMessage(List.of(a, short1), "The shards hold 4 trials, but the sweep has 5");
        Path edited = Files.writeString(dir.resolve("edited.json"), Files.readString(shard("e.json", 1, 2,
                sweep("abc", 5), 5)).replace("\"trial\":1,", "\"trial\":2,"));
        assertMessage(List.of(a, edited), "holds trial 2, which shard 1/2 does not run");
        Path table = Files.writeString(dir.resolve("table.txt"), "  trial  l1.lambda\n");
        assertMessage(List.of(table), "holds no sweep result");
    }

    private Path shard(String name, int index, int count, Map<String, Object> sweep, int trials) throws Exception {
        List<TrialResult> mine = new ArrayList<>();
        IntStream.range(0, trials).filter(t -> t % count == index).forEach(t -> mine.add(new TrialResult(t,
                Map.of("l1.lambda", (double) t), "cv_accuracy", 0.1 * t, 0.01, 10 - t, 1, 0.5, null,
                Map.of("spec", "l1(lambda=" + t + ")"))));
        String json = Json.object(new SweepReport(sweep, new Shard(index, count), mine).toJson());
        return Files.writeString(dir.resolve(name), "a table line\n" + json + "\n");
    }

    private static Map<String, Object> sweep(String sha, int trials) {
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("spec", "l1(lambda=[0, 1, 2, 3, 4])");
        sweep.put("trial_count", trials);
        sweep.put("data_sha256", sha);
        return sweep;
    }

    private static void assertMessage(List<Path> files, String... parts) {
        UserInputException e = assertThrows(UserInputException.class, () -> ShardMerge.merge(files));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage());
        }
    }
}
