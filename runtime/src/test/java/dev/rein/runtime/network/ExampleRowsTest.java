package dev.rein.runtime.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

class ExampleRowsTest {
    /**
     * A training step writes only its examples' non-zeros into a zero buffer and clears them after: the batch is
     * the one {@code fill} writes, and the buffer is zero again for the next.
     */
    @Test
    void nonZerosIntoAZeroBufferAreTheFilledBatchAndClearLeavesZeros() {
        MutableDataset<Label> data = Rings.of(50, 3L);
        List<Example<Label>> examples = ExampleRows.list(data);
        ExampleRows rows = ExampleRows.of(examples, data.getFeatureIDMap(), new SoftmaxHead(data.getOutputIDInfo()));
        int features = data.getFeatureIDMap().size();
        int[] order = {7, 3, 41, 0, 19, 19, 22};
        double[] filled = new double[4 * features];
        Arrays.fill(filled, 5.0);   // junk that fill must overwrite
        double[] filledLabels = new double[4];
        rows.fill(order, 2, 4, filled, filledLabels);
        double[] buffer = new double[4 * features];
        double[] labels = new double[4];
        rows.fillNonZeros(order, 2, 4, buffer, labels);
        assertArrayEquals(filled, buffer, 0.0);
        assertArrayEquals(filledLabels, labels, 0.0);
        rows.clear(order, 2, 4, buffer);
        assertArrayEquals(new double[4 * features], buffer, 0.0);
    }
}
