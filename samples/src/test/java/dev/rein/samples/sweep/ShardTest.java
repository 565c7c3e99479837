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
    void autoReadsASlurmArrayWithAStep() {
        // sbatch --array=1-10:9: tasks 1 and 10
        Map<String, String> last = Map.of("SLURM_ARRAY_TASK_ID", "10", "SLURM_ARRAY_TASK_COUNT", "2",
                "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_STEP", "9");
        assertEquals(new Shard(1, 2), Shard.parse("auto", null, last));
        assertEquals(new Shard(0, 2), Shard.parse("auto", null, Map.of("SLURM_ARRAY_TASK_ID", "1",
                "SLURM_ARRAY_TASK_COUNT", "2", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_STEP", "9")));
        assertEquals(new Shard(1, 2), Shard.parse("auto", 2, last), "a --shard-count that agrees is fine");
    }

    @Test
    void aSlurmSliceOutsideTheArraySaysWhichVariablesGaveWhat() {
        // --array=1-10:9 without SLURM_ARRAY_TASK_STEP (an older Slurm): (10 - 1) / 1 = 9, not a slice of 2
        String message = message(() -> Shard.parse("auto", null, Map.of("SLURM_ARRAY_TASK_ID", "10",
                "SLURM_ARRAY_TASK_COUNT", "2", "SLURM_ARRAY_TASK_MIN", "1")));
        assertTrue(message.contains("SLURM_ARRAY_TASK_ID=10, SLURM_ARRAY_TASK_MIN=1 and SLURM_ARRAY_TASK_COUNT=2"
                + " give slice 9 of 2"), message);
        assertFalse(message.contains("write i/n"), "no advice about a flag the user never wrote: " + message);
        String between = message(() -> Shard.parse("auto", null, Map.of("SLURM_ARRAY_TASK_ID", "5",
                "SLURM_ARRAY_TASK_COUNT", "2", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_STEP", "9")));
        assertTrue(between.contains("SLURM_ARRAY_TASK_ID=5, SLURM_ARRAY_TASK_MIN=1 and SLURM_ARRAY_TASK_STEP=9"
                + " put this task between the array's steps"), between);
        String count = message(() -> Shard.parse("auto", 3, Map.of("SLURM_ARRAY_TASK_ID", "1",
                "SLURM_ARRAY_TASK_COUNT", "2")));
        assertTrue(count.contains("--shard-count 3 but SLURM_ARRAY_TASK_COUNT=2"), count);
    }

    @Test
    void slurmAndKubernetesTogetherAreRefusedSayingWhichToUnset() {
        String message = message(() -> Shard.parse("auto", 4, Map.of("SLURM_ARRAY_TASK_ID", "1",
                "SLURM_ARRAY_TASK_COUNT", "4", "JOB_COMPLETION_INDEX", "2")));
        assertTrue(message.contains("both a Slurm job array (SLURM_ARRAY_TASK_ID=1) and a Kubernetes Indexed Job"
                + " (JOB_COMPLETION_INDEX=2)"), message);
        assertTrue(message.contains("unset JOB_COMPLETION_INDEX"), message);
        assertTrue(message.contains("unset SLURM_ARRAY_TASK_ID"), message);
    }

    @Test
    void shardCountGoesOnlyWithAuto() {
        assertMessage(() -> Shard.parse("0/2", 3, Map.of()), "--shard-count goes only with --shard auto");
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
        assertMessage(() -> Shard.parse("auto", 2, Map.of("JOB_COMPLETION_INDEX", "2")),
                "JOB_COMPLETION_INDEX=2 and --shard-count 2 give slice 2 of 2, which does not exist");
    }

    private static void assertMessage(Executable call, String part) {
        String message = message(call);
        assertTrue(message.contains(part), message);
    }

    private static String message(Executable call) {
        return assertThrows(UserInputException.class, call).getMessage();
    }
}
