package dev.rein.samples.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * {@code rein train --label-noise FRACTION}: replaces that share of the training labels, chosen at random with a
 * seed, by a different label drawn uniformly from the others, to show how a model copes with mislabelled data.
 * Exactly {@code round(fraction · n)} examples change; the test set is left alone.
 *
 * <pre>{@code
 * MutableDataset<Label> noisy = LabelNoise.apply(train, 0.2, 1L);   // 20 % of the labels are now wrong
 * }</pre>
 */
public final class LabelNoise {
    private LabelNoise() {
    }

    /**
     * A copy of {@code data} with {@code fraction} of its labels replaced.
     *
     * @throws IllegalArgumentException if {@code fraction} is not in [0, 1] or the data has fewer than two labels
     */
    public static MutableDataset<Label> apply(MutableDataset<Label> data, double fraction, long seed) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("--label-noise is " + fraction + "; it must lie between 0 and 1, e.g."
                    + " 0.2 to give a fifth of the training examples a wrong label.");
        }
        List<Label> labels = new ArrayList<>(data.getOutputs());
        labels.sort((a, b) -> a.getLabel().compareTo(b.getLabel()));
        if (labels.size() < 2 && fraction > 0) {
            throw new IllegalArgumentException("--label-noise needs at least two labels to swap between, but the"
                    + " training data has " + labels.size() + ".");
        }
        int n = data.size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed);
        int changed = (int) Math.round(fraction * n);
        boolean[] noisy = new boolean[n];
        for (int i = 0; i < changed; i++) {   // the first `changed` places of a Fisher-Yates shuffle
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            noisy[order[i]] = true;
        }
        MutableDataset<Label> out = new MutableDataset<>(data.getProvenance(), data.getOutputFactory());
        int index = 0;
        for (Example<Label> e : data) {
            Label label = e.getOutput();
            if (noisy[index++]) {
                int k = random.nextInt(labels.size() - 1);
                int own = labels.indexOf(new Label(label.getLabel()));
                label = new Label(labels.get(k >= own ? k + 1 : k).getLabel());
            }
            List<Feature> features = new ArrayList<>(e.size());
            e.forEach(features::add);
            ArrayExample<Label> copy = new ArrayExample<>(label, features);
            copy.setWeight(e.getWeight());
            out.add(copy);
        }
        return out;
    }
}
