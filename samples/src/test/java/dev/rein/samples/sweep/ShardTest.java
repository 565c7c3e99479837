package dev.rein.samples.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.samples.train.UserInputException;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void slicesAreRoundRobinAndCoverEveryTrialOnce() {
        Shard[] shards = {new Shard(0, 3), new Shard(1, 3), new Shard(2, 3)};
        IntStream.range(0, 20).forEach(t -> assertEquals(1,
                Arrays.stream(shards).filter(s -> s.includes(t)).count(), "trial " + t));
        assertTrue(shards[1].includes(4));
        assertFalse(shards[1].includes(5));
        assertEquals(new Shard(2, 4), Shard.parse(" 2/4 ", null, Map.of()));
    }

    @Test
    void autoReadsASlurmArrayCountingFromItsFirstIndex() {
        assertEquals(new Shard(3, 4), Shard.parse("auto", null,
                Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "4")));
        // sbatch --array=1-4: ids 1..4, min 1
        assertEquals(new Shard(0, 4), Shard.parse("auto", null,
                Map.of("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_MIN", "1")));
    }

    @Test
    void autoReadsAKubernetesIndexedJobWithTheCountPassedIn() {
        assertEquals(new Shard(2, 5), Shard.parse("auto", 5, Map.of("JOB_COMPLETION_INDEX", "2")));
        assertMessage(() -> Shard.parse("auto", null, Map.of("JOB_COMPLETION_INDEX", "2")), "--shard-count 4");
    }

    @Test
    void badShardsAreRefusedWithWhatIsValid() {
        assertMessage(() -> Shard.parse("auto", null, Map.of()), "Outside a job array, give --shard i/n");
        assertMessage(() -> Shard.parse("4/4", null, Map.of()), "i from 0 to n-1");
        assertMessage(() -> Shard.parse("0/0", null, Map.of()), "n at least 1");
        assertMessage(() -> Shard.parse("first", null, Map.of()), "is not i/n or auto");
        assertMessage(() -> Shard.parse("auto", 2, Map.of("JOB_COMPLETION_INDEX", "2")), "does not exist");
    }

    private static void assertMessage(Executable call, String part) {
        UserInputException e = assertThrows(UserInputException.class, call);
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
