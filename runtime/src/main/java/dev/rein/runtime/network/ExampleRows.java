package dev.rein.runtime.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;

/**
 * Labelled examples as sparse rows of feature ids and values plus a label id, read once from Tribuo's examples, and
 * the dense mini-batches a network takes, filled from them. Sparse because Tribuo's loaders drop zeros (half of a
 * Fashion-MNIST image), and a dense copy of 60,000 images would take 376 MB.
 *
 * <pre>{@code
 * ExampleRows rows = ExampleRows.of(examples, featureMap, outputInfo);
 * rows.fill(order, start, batch, network.input(batch), labels);
 * }</pre>
 */
final class ExampleRows {
    private final int features;
    private final int[][] indices;
    private final double[][] values;
    private final int[] labels;

    private ExampleRows(int features, int[][] indices, double[][] values, int[] labels) {
        this.features = features;
        this.indices = indices;
        this.values = values;
        this.labels = labels;
    }

    /**
     * Reads {@code examples}; features the map lacks are left out.
     *
     * @throws IllegalArgumentException if an example's label is not in {@code outputInfo} (tagged
     *                                  {@code network-unknown-label})
     */
    static ExampleRows of(List<Example<Label>> examples, ImmutableFeatureMap featureMap,
            ImmutableOutputInfo<Label> outputInfo) {
        int n = examples.size();
        int[][] indices = new int[n][];
        double[][] values = new double[n][];
        int[] labels = new int[n];
        for (int e = 0; e < n; e++) {
            Example<Label> example = examples.get(e);
            int[] idx = new int[example.size()];
            double[] val = new double[example.size()];
            int k = 0;
            for (Feature f : example) {
                int id = featureMap.getID(f.getName());
                if (id >= 0) {
                    idx[k] = id;
                    val[k] = f.getValue();
                    k++;
                }
            }
            indices[e] = Arrays.copyOf(idx, k);
            values[e] = Arrays.copyOf(val, k);
            int label = outputInfo.getID(example.getOutput());
            if (label < 0) {
                throw new IllegalArgumentException(NetworkMessages.unknownLabel(example.getOutput().getLabel())
                        .toString());
            }
            labels[e] = label;
        }
        return new ExampleRows(featureMap.size(), indices, values, labels);
    }

    /** Copies every example of {@code dataset}, in order. */
    static List<Example<Label>> list(Iterable<Example<Label>> dataset) {
        List<Example<Label>> out = new ArrayList<>();
        dataset.forEach(out::add);
        return out;
    }

    int size() {
        return labels.length;
    }

    /**
     * Writes examples {@code order[start .. start + batch)} as dense rows into {@code x} ({@code batch × features})
     * and their labels into {@code y}.
     */
    void fill(int[] order, int start, int batch, double[] x, int[] y) {
        Arrays.fill(x, 0, batch * features, 0.0);
        fillNonZeros(order, start, batch, x, y);
    }

    /**
     * As {@link #fill}, into an {@code x} that is zero over the batch's rows (as {@link #clear} leaves it): writes
     * only the examples' stored values, about half of a Fashion-MNIST image.
     */
    void fillNonZeros(int[] order, int start, int batch, double[] x, int[] y) {
        for (int r = 0; r < batch; r++) {
            int e = order[start + r];
            int[] idx = indices[e];
            double[] val = values[e];
            int base = r * features;
            for (int k = 0; k < idx.length; k++) {
                x[base + idx[k]] = val[k];
            }
            y[r] = labels[e];
        }
    }

    /** Zeroes in {@code x} what {@link #fillNonZeros} wrote there for the same examples. */
    void clear(int[] order, int start, int batch, double[] x) {
        for (int r = 0; r < batch; r++) {
            int[] idx = indices[order[start + r]];
            int base = r * features;
            for (int k = 0; k < idx.length; k++) {
                x[base + idx[k]] = 0.0;
            }
        }
    }
}
