package dev.rein.samples.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Streaming accuracy agrees with Tribuo's evaluator, and scores what Tribuo refuses to predict. */
class AccuracyTest {
    private static MutableDataset<Label> blobs(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("blobs", factory), factory);
        String[] labels = {"a", "b", "c"};
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            data.add(new ArrayExample<>(new Label(labels[c]), new String[] {"x", "y"},
                    new double[] {c + random.nextGaussian(), (c == 2 ? 2 : 0) + random.nextGaussian()}));
        }
        return data;
    }

    @Test
    void agreesWithTribuosEvaluator() {
        MutableDataset<Label> train = blobs(300, 1L);
        MutableDataset<Label> test = blobs(200, 2L);
        LinearSGDModel model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 3, 1L).train(train);
        double tribuo = new LabelEvaluator().evaluate(model, test).accuracy();
        assertEquals(tribuo, Accuracy.of(model, test), 0.0);
        assertTrue(tribuo > 0.5 && tribuo < 1, "a model that is neither useless nor perfect: " + tribuo);
    }

    @Test
    void anExampleWithOnlyUnseenFeaturesIsScoredByTheBiases() {
        MutableDataset<Label> train = blobs(300, 1L);
        LinearSGDModel model = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1), 3, 1L).train(train);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> unseen = new MutableDataset<>(new SimpleDataSourceProvenance("u", factory), factory);
        unseen.add(new ArrayExample<>(new Label("a"), new String[] {"z"}, new double[] {3.0}));
        double accuracy = Accuracy.of(model, unseen);
        assertTrue(accuracy == 0.0 || accuracy == 1.0, "scored, not refused: " + accuracy);
    }
}
