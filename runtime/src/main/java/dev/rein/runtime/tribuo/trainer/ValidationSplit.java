package dev.rein.runtime.tribuo.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded split of the training examples into the part trained on and the part held out for validation. The
 * same examples, fraction and seed give the same split; both parts keep the examples' original order.
 *
 * <pre>{@code
 * ValidationSplit<Example<Label>> split = ValidationSplit.of(examples, 0.1, 1L);
 * split.training();     // 90 of 100 examples
 * split.validation();   // the other 10
 * }</pre>
 *
 * @param <E> the example type
 */
public record ValidationSplit<E>(List<E> training, List<E> validation) {
    /** Mixed into the seed so that the split does not replay the random numbers of initialisation or shuffling. */
    private static final long SALT = 0x7A11D_5EEDL;

    /**
     * Holds out {@code round(fraction · n)} examples (at least one), chosen by a shuffle seeded with {@code seed}.
     *
     * @throws IllegalArgumentException if fewer than two examples are given, or the split leaves no training data
     */
    public static <E> ValidationSplit<E> of(List<E> examples, double fraction, long seed) {
        int n = examples.size();
        int held = (int) Math.max(1, Math.round(fraction * n));
        if (n < 2 || held >= n) {
            throw new IllegalArgumentException(TrainerMessages.splitTooSmall(fraction, n).toString());
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ SALT);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        boolean[] heldOut = new boolean[n];
        for (int i = 0; i < held; i++) {
            heldOut[order[i]] = true;
        }
        List<E> training = new ArrayList<>(n - held);
        List<E> validation = new ArrayList<>(held);
        for (int i = 0; i < n; i++) {
            (heldOut[i] ? validation : training).add(examples.get(i));
        }
        return new ValidationSplit<>(List.copyOf(training), List.copyOf(validation));
    }
}
