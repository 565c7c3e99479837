package dev.rein.samples.sweep;

import dev.rein.samples.train.UserInputException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One slice of a sweep for one job of a job array: shard {@code i} of {@code n} takes the trials whose index leaves
 * remainder {@code i} when divided by {@code n} (round robin, so each slice gets cheap and dear corners of a grid).
 *
 * <pre>{@code
 * Shard.parse("1/4", null, System.getenv()).includes(5);   // true: 5 % 4 == 1
 * Shard.parse("auto", null, Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "4",
 *         "SLURM_ARRAY_TASK_MIN", "0"));                    // 3/4, from a Slurm job array
 * Shard.parse("auto", 4, Map.of("JOB_COMPLETION_INDEX", "2"));   // 2/4, a Kubernetes Indexed Job of 4 completions
 * }</pre>
 *
 * <p>{@code auto} reads Slurm's {@code SLURM_ARRAY_TASK_ID} and {@code SLURM_ARRAY_TASK_COUNT} (counting from
 * {@code SLURM_ARRAY_TASK_MIN}, so {@code --array=1-4} works too), or Kubernetes' {@code JOB_COMPLETION_INDEX}
 * with the completions count passed in ({@code --shard-count}); Kubernetes does not put the count in the environment.
 *
 * @param index which slice, from 0
 * @param count how many slices
 */
public record Shard(int index, int count) {
    /** The whole sweep, unsharded. */
    public static final Shard ALL = new Shard(0, 1);

    private static final Pattern FRACTION = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

    public Shard {
        if (count < 1 || index < 0 || index >= count) {
            throw new UserInputException("Shard " + index + "/" + count + " does not exist: write i/n with n at least"
                    + " 1 and i from 0 to n-1, e.g. --shard 0/4 ... --shard 3/4.");
        }
    }

    /** Whether the trial with this index is in this slice. */
    public boolean includes(int trialIndex) {
        return trialIndex % count == index;
    }

    /** {@code i/n}. */
    @Override
    public String toString() {
        return index + "/" + count;
    }

    /**
     * Reads {@code --shard}: {@code i/n} or {@code auto}.
     *
     * @param countOption {@code --shard-count}, the completions of a Kubernetes Indexed Job; {@code null} if not given
     * @param env         the environment to read for {@code auto}
     * @throws UserInputException for a malformed value, or {@code auto} outside a job array
     */
    public static Shard parse(String text, Integer countOption, Map<String, String> env) {
        if (!text.strip().equals("auto")) {
            Matcher m = FRACTION.matcher(text);
            if (!m.matches()) {
                throw new UserInputException("--shard '" + text + "' is not i/n or auto: write e.g. --shard 0/4 for the"
                        + " first of four slices, or --shard auto inside a Slurm job array or Kubernetes Indexed Job.");
            }
            return new Shard(whole(m.group(1), "--shard"), whole(m.group(2), "--shard"));
        }
        if (env.containsKey("SLURM_ARRAY_TASK_ID")) {
            int id = whole(env.get("SLURM_ARRAY_TASK_ID"), "SLURM_ARRAY_TASK_ID");
            int min = env.containsKey("SLURM_ARRAY_TASK_MIN") ? whole(env.get("SLURM_ARRAY_TASK_MIN"),
                    "SLURM_ARRAY_TASK_MIN") : 0;
            if (!env.containsKey("SLURM_ARRAY_TASK_COUNT")) {
                throw new UserInputException("--shard auto found SLURM_ARRAY_TASK_ID but not SLURM_ARRAY_TASK_COUNT;"
                        + " give the slice by hand instead, e.g. --shard $SLURM_ARRAY_TASK_ID/4.");
            }
            int count = whole(env.get("SLURM_ARRAY_TASK_COUNT"), "SLURM_ARRAY_TASK_COUNT");
            return new Shard(id - min, count);
        }
        if (env.containsKey("JOB_COMPLETION_INDEX")) {
            if (countOption == null) {
                throw new UserInputException("--shard auto found JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) but"
                        + " Kubernetes does not tell the number of completions: pass it, e.g. --shard-count 4 for"
                        + " completions: 4.");
            }
            return new Shard(whole(env.get("JOB_COMPLETION_INDEX"), "JOB_COMPLETION_INDEX"), countOption);
        }
        throw new UserInputException("--shard auto needs a job array: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT"
                + " (sbatch --array) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job, with --shard-count), and"
                + " neither is set. Outside a job array, give --shard i/n.");
    }

    private static int whole(String text, String where) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(where + " is '" + text + "', not a whole number.", e);
        }
    }
}
