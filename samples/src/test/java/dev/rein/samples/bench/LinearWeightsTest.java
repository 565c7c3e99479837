package dev.rein.samples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rein.samples.data.DataFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.SGD;

class LinearWeightsTest {
    @TempDir
    Path dir;

    @Test
    void readsALiblinearModelWhoseFirstLabelIsNegative() throws IOException {
        Path model = dir.resolve("m.model");
        Files.writeString(model, "solver_type L2R_LR\nnr_class 2\nlabel -1 1\nnr_feature 3\nbias 10\nw\n"
                + "0.5 \n-0.25 \n0 \n0.03 \n");
        LinearWeights w = LinearWeights.fromLiblinear(model, "1");
        assertEquals(-0.5, w.weight(1), 0);
        assertEquals(0.25, w.weight(2), 0);
        assertEquals(0, w.weight(3), 0);
        assertEquals(-0.3, w.bias(), 1e-15);   // 10 · 0.03, negated
        assertEquals(2, w.nonZeros());
    }

    @Test
    void refusesAMulticlassLiblinearModel() throws IOException {
        Path model = dir.resolve("m.model");
        Files.writeString(model, "solver_type L2R_LR\nnr_class 3\nlabel 0 1 2\nnr_feature 1\nbias -1\nw\n1 2 3\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LinearWeights.fromLiblinear(model, "1"));
        assertEquals("'" + model + "' is a 3-class liblinear model; a binary objective needs a two-class one",
                e.getMessage());
    }

    @Test
    void weightsFileRoundTrip() {
        LinearWeights w = new LinearWeights(-1.5, new double[] {0, 0.25, 0, 3e-7, 0});
        Path file = dir.resolve("w.weights");
        w.write(file);
        LinearWeights back = LinearWeights.read(file);
        assertEquals(-1.5, back.bias(), 0);
        assertEquals(0.25, back.weight(2 - 1), 0);
        assertEquals(3e-7, back.weight(3), 0);
        assertEquals(2, back.nonZeros());
        assertEquals(w.squaredNorm(), back.squaredNorm(), 0);
    }

    @Test
    void tribuosTwoRowSoftmaxBecomesOneScoreThatPredictsTheSame() throws IOException {
        Path data = dir.resolve("d.libsvm");
        List<SparseRow> rows = new SparseSetGenerator(30, 4, 0.5, 0.1, 5L).generate(200, 0).train();
        LibSvmFiles.write(rows, data);
        MutableDataset<Label> dataset = new DataFiles("label").loadTraining(data);   // as the benchmark loads it
        LinearSGDModel model = new LinearSGDTrainer(new LogMulticlass(), SGD.getSimpleSGD(0.5), 5, -1, 1, 1L)
                .train(dataset);
        LinearWeights w = LinearWeights.fromTribuo(model, "1", "-1");
        int i = 0;
        for (Example<Label> example : dataset) {
            String predicted = model.predict(example).getOutput().getLabel();
            assertEquals(predicted, w.score(rows.get(i)) > 0 ? "1" : "-1", "row " + i);
            i++;
        }
    }
}
