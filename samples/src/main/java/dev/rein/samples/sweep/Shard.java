package dev.rein.samples.sweep;

import dev.rein.samples.train.UserInputException;
import java.util.ArrayList;
import java.util.List;
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
 * {@code SLURM_ARRAY_TASK_MIN} in steps of {@code SLURM_ARRAY_TASK_STEP}, so {@code --array=1-4} and
 * {@code --array=1-10:9} work too), or Kubernetes' {@code JOB_COMPLETION_INDEX} with the completions count passed in
 * ({@code --shard-count}); Kubernetes does not put the count in the environment. With both set it refuses rather than
 * guess; a slice outside the array is refused naming the variables that gave it.
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
     * @param text        {@code --shard}, or {@code null} if not given (then {@code countOption} must be too)
     * @param countOption {@code --shard-count}, the completions of a Kubernetes Indexed Job; {@code null} if not given
     * @param env         the environment to read for {@code auto}
     * @return the slice; {@link #ALL} when {@code text} is {@code null}
     * @throws UserInputException for a malformed value, {@code --shard-count} without {@code auto}, or {@code auto}
     *         outside a job array, inside two at once, or at a slice the array's variables do not make
     */
    public static Shard parse(String text, Integer countOption, Map<String, String> env) {
        boolean auto = text != null && text.strip().equals("auto");
        if (countOption != null && !auto) {
            throw new UserInputException("--shard-count goes only with --shard auto (it gives a Kubernetes Indexed"
                    + " Job's completions); " + (text == null ? "without --shard the sweep runs whole. Leave"
                    + " --shard-count out, or add --shard auto." : "--shard " + text.strip() + " already says n."
                    + " Leave --shard-count out."));
        }
        if (text == null) {
            return ALL;
        }
        if (!auto) {
            Matcher m = FRACTION.matcher(text);
            if (!m.matches()) {
                throw new UserInputException("--shard '" + text + "' is not i/n or auto: write e.g. --shard 0/4 for the"
                        + " first of four slices, or --shard auto inside a Slurm job array or Kubernetes Indexed Job.");
            }
            return new Shard(whole(m.group(1), "--shard"), whole(m.group(2), "--shard"));
        }
        boolean slurm = env.containsKey("SLURM_ARRAY_TASK_ID");
        boolean kubernetes = env.containsKey("JOB_COMPLETION_INDEX");
        if (slurm && kubernetes) {
            throw new UserInputException("--shard auto found both a Slurm job array (SLURM_ARRAY_TASK_ID="
                    + env.get("SLURM_ARRAY_TASK_ID") + ") and a Kubernetes Indexed Job (JOB_COMPLETION_INDEX="
                    + env.get("JOB_COMPLETION_INDEX") + ") and will not guess which to follow: in a Slurm array,"
                    + " unset JOB_COMPLETION_INDEX; in an Indexed Job, unset SLURM_ARRAY_TASK_ID; or give --shard"
                    + " i/n.");
        }
        if (slurm) {
            return slurm(countOption, env);
        }
        if (kubernetes) {
            if (countOption == null) {
                throw new UserInputException("--shard auto found JOB_COMPLETION_INDEX (a Kubernetes Indexed Job) but"
                        + " Kubernetes does not tell the number of completions: pass it, e.g. --shard-count 4 for"
                        + " completions: 4.");
            }
            int index = whole(env.get("JOB_COMPLETION_INDEX"), "JOB_COMPLETION_INDEX");
            if (countOption < 1 || index < 0 || index >= countOption) {
                throw new UserInputException("--shard auto: JOB_COMPLETION_INDEX=" + index + " and --shard-count "
                        + countOption + " give slice " + index + " of " + countOption + ", which does not exist"
                        + " (slices run from 0 to n-1). --shard-count should be the Job's completions, the same as"
                        + " its spec.completions.");
            }
            return new Shard(index, countOption);
        }
        throw new UserInputException("--shard auto needs a job array: SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT"
                + " (sbatch --array) or JOB_COMPLETION_INDEX (a Kubernetes Indexed Job, with --shard-count), and"
                + " neither is set. Outside a job array, give --shard i/n.");
    }

    /**
     * The slice of a Slurm array task: {@code (SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN) / SLURM_ARRAY_TASK_STEP}
     * of {@code SLURM_ARRAY_TASK_COUNT} (min 0 and step 1 when not set).
     */
    private static Shard slurm(Integer countOption, Map<String, String> env) {
        if (!env.containsKey("SLURM_ARRAY_TASK_COUNT")) {
            throw new UserInputException("--shard auto found SLURM_ARRAY_TASK_ID but not SLURM_ARRAY_TASK_COUNT;"
                    + " give the slice by hand instead, e.g. --shard $SLURM_ARRAY_TASK_ID/4.");
        }
        int id = whole(env.get("SLURM_ARRAY_TASK_ID"), "SLURM_ARRAY_TASK_ID");
        int count = whole(env.get("SLURM_ARRAY_TASK_COUNT"), "SLURM_ARRAY_TASK_COUNT");
        boolean hasMin = env.containsKey("SLURM_ARRAY_TASK_MIN");
        boolean hasStep = env.containsKey("SLURM_ARRAY_TASK_STEP");
        int min = hasMin ? whole(env.get("SLURM_ARRAY_TASK_MIN"), "SLURM_ARRAY_TASK_MIN") : 0;
        int step = hasStep ? whole(env.get("SLURM_ARRAY_TASK_STEP"), "SLURM_ARRAY_TASK_STEP") : 1;
        List<String> read = new ArrayList<>();
        read.add("SLURM_ARRAY_TASK_ID=" + id);
        if (hasMin) {
            read.add("SLURM_ARRAY_TASK_MIN=" + min);
        }
        if (hasStep) {
            read.add("SLURM_ARRAY_TASK_STEP=" + step);
        }
        if (step < 1) {
            throw new UserInputException("--shard auto: SLURM_ARRAY_TASK_STEP=" + step + " is not a step Slurm sets"
                    + " (at least 1); give the slice by hand instead, e.g. --shard 0/" + count + ".");
        }
        if ((id - min) % step != 0) {
            throw new UserInputException("--shard auto: " + and(read) + " put this task between the array's steps,"
                    + " so it is no slice of the " + count + " of SLURM_ARRAY_TASK_COUNT. For an array written as a"
                    + " list (--array=1,4,9) give each task's slice by hand, e.g. --shard 0/" + count + ".");
        }
        int index = (id - min) / step;
        read.add("SLURM_ARRAY_TASK_COUNT=" + count);
        if (count < 1 || index < 0 || index >= count) {
            throw new UserInputException("--shard auto: " + and(read) + " give slice " + index + " of " + count
                    + ", which does not exist (slices run from 0 to n-1; the slice is (ID - MIN) / STEP, with MIN 0"
                    + " and STEP 1 when not set). For an array written as a list (--array=1,4,9), or when these"
                    + " variables are not the array's, give each task's slice by hand, e.g. --shard 0/"
                    + Math.max(1, count) + ".");
        }
        if (countOption != null && countOption != count) {
            throw new UserInputException("--shard auto was given --shard-count " + countOption + " but"
                    + " SLURM_ARRAY_TASK_COUNT=" + count + "; in a Slurm array leave --shard-count out (it is for"
                    + " a Kubernetes Indexed Job).");
        }
        return new Shard(index, count);
    }

    /** "a, b and c". */
    private static String and(List<String> parts) {
        return parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static int whole(String text, String where) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UserInputException(where + " is '" + text + "', not a whole number.", e);
        }
    }
}
