package dev.rein.runtime.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Output;

/**
 * Examples as sparse rows of feature ids and values plus their targets as a {@link NetworkHead} encodes them (a
 * label's id, or a regressor's standardized values), read once from Tribuo's examples, and the dense mini-batches a
 * network takes, filled from them. Sparse because Tribuo's loaders drop zeros (half of a Fashion-MNIST image), and a
 * dense copy of 60,000 images would take 376 MB.
 *
 * <pre>{@code
 * ExampleRows rows = ExampleRows.of(examples, featureMap, head);
 * rows.fill(order, start, batch, network.input(batch), targets);   // targets: batch × head.targetWidth()
 * }</pre>
 */
final class ExampleRows {
    private final int features;
    private final int[][] indices;
    private final double[][] values;
    private final int width;
    private final double[] targets;

    private ExampleRows(int features, int[][] indices, double[][] values, int width, double[] targets) {
        this.features = features;
        this.indices = indices;
        this.values = values;
        this.width = width;
        this.targets = targets;
    }

    /**
     * Reads {@code examples} with the targets {@code head} encodes; features the map lacks are left out.
     *
     * @throws IllegalArgumentException if {@code head} cannot encode an example's output (an unknown label, tagged
     *                                  {@code network-unknown-label}; a missing dimension,
     *                                  {@code network-missing-dimension})
     */
    static <T extends Output<T>> ExampleRows of(List<Example<T>> examples, ImmutableFeatureMap featureMap,
            NetworkHead<T> head) {
        int n = examples.size();
        int[][] indices = new int[n][];
        double[][] values = new double[n][];
        int width = head.targetWidth();
        double[] targets = new double[n * width];
        for (int e = 0; e < n; e++) {
            Example<T> example = examples.get(e);
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
            head.encode(example.getOutput(), targets, e * width);
        }
        return new ExampleRows(featureMap.size(), indices, values, width, targets);
    }

    /** Copies every example of {@code dataset}, in order. */
    static <T extends Output<T>> List<Example<T>> list(Iterable<Example<T>> dataset) {
        List<Example<T>> out = new ArrayList<>();
        dataset.forEach(out::add);
        return out;
    }

    int size() {
        return indices.length;
    }

    /**
     * Writes examples {@code order[start .. start + batch)} as dense rows into {@code x} ({@code batch × features})
     * and their targets into {@code y} ({@code batch × width}).
     */
    void fill(int[] order, int start, int batch, double[] x, double[] y) {
        Arrays.fill(x, 0, batch * features, 0.0);
        fillNonZeros(order, start, batch, x, y);
    }

    /**
     * As {@link #fill(int[], int, int, double[], double[])}, into an {@code x} that is zero over the batch's rows (as
     * {@link #clear} leaves it): writes only the examples' stored values, about half of a Fashion-MNIST image.
     */
    void fillNonZeros(int[] order, int start, int batch, double[] x, double[] y) {
        for (int r = 0; r < batch; r++) {
            int e = order[start + r];
            writeNonZeros(e, x, r * features);
            System.arraycopy(targets, e * width, y, r * width, width);
        }
    }

    private void writeNonZeros(int e, double[] x, int base) {
        int[] idx = indices[e];
        double[] val = values[e];
        for (int k = 0; k < idx.length; k++) {
            x[base + idx[k]] = val[k];
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
