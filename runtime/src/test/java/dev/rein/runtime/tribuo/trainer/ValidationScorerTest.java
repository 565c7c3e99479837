package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rein.api.hook.EpochScore;
import dev.rein.runtime.ReinMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.LinearParameters;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.baseline.DummyRegressionTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/** Each validation metric against a hand-computed value, from constant predictors and zero weights. */
class ValidationScorerTest {
    private static MutableDataset<Regressor> targets(double... ys) {
        RegressionFactory factory = new RegressionFactory();
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance("t", factory), factory);
        for (double y : ys) {
            data.add(new ArrayExample<>(new Regressor("y", y), new String[] {"x"}, new double[] {1}));
        }
        return data;
    }

    private static MutableDataset<Label> labels(String... names) {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("l", factory), factory);
        for (String name : names) {
            data.add(new ArrayExample<>(new Label(name), new String[] {"x"}, new double[] {1}));
        }
        return data;
    }

    private static <T extends org.tribuo.Output<T>> List<Example<T>> list(MutableDataset<T> data) {
        List<Example<T>> out = new ArrayList<>();
        data.forEach(out::add);
        return out;
    }

    private static double regression(ValidationMetric metric, MutableDataset<Regressor> data) {
        Model<Regressor> constantTwo = DummyRegressionTrainer.createConstantTrainer(2.0).train(data);
        var scorer = new ValidationScorer<Regressor, org.tribuo.math.la.DenseVector, LinearParameters>(metric,
                PredictionTask.REGRESSION, list(data), new SquaredLoss(),
                r -> org.tribuo.math.la.DenseVector.createDenseVector(r.getValues()), data.getFeatureIDMap(), true);
        EpochScore score = scorer.score(3, new LinearParameters(2, 1), p -> constantTwo);
        assertEquals(3, score.epoch());
        assertEquals(metric.metricName(), score.metric());
        assertEquals(metric.higherIsBetter(), score.higherIsBetter());
        return score.value();
    }

    @Test
    void regressionMetricsOfAConstantPredictor() {
        // Targets 1, 2, 4 against the constant 2: errors -1, 0, 2; the mean is 7/3.
        MutableDataset<Regressor> data = targets(1, 2, 4);
        assertEquals(Math.sqrt(5.0 / 3), regression(ValidationMetric.RMSE, data), 1e-15);
        assertEquals(1.0, regression(ValidationMetric.MAE, data), 1e-15);
        // 1 - SSres/SStot = 1 - 5 / (16/9 + 1/9 + 25/9) = -1/14
        assertEquals(-1.0 / 14, regression(ValidationMetric.R2, data), 1e-15);
        assertEquals(1.0, regression(ValidationMetric.R2, targets(2, 2)), 0.0);   // constant targets, perfect fit
    }

    @Test
    void accuracyOfAConstantClassifier() {
        MutableDataset<Label> data = labels("A", "A", "B");
        Model<Label> alwaysA = DummyClassifierTrainer.createConstantTrainer("A").train(data);
        var scorer = new ValidationScorer<Label, Integer, LinearParameters>(ValidationMetric.ACCURACY,
                PredictionTask.CLASSIFICATION, list(data), new LogMulticlass(),
                l -> data.getOutputIDInfo().getID(l), data.getFeatureIDMap(), true);
        assertEquals(2.0 / 3, scorer.score(1, new LinearParameters(2, 2), p -> alwaysA).value(), 1e-15);
    }

    @Test
    void lossIsTheObjectivesLossWeightedOverExamples() {
        // Zero weights give each of the two labels probability 1/2: log loss log 2 for every example.
        MutableDataset<Label> data = labels("A", "B", "B");
        var scorer = new ValidationScorer<Label, Integer, LinearParameters>(ValidationMetric.LOSS,
                PredictionTask.CLASSIFICATION, list(data), new LogMulticlass(),
                l -> data.getOutputIDInfo().getID(l), data.getFeatureIDMap(), true);
        assertEquals(Math.log(2), scorer.score(1, new LinearParameters(2, 2), p -> null).value(), 1e-15);

        // Squared loss ½(y - 0)² of targets 1, 2, 4 with example weights 1, 1, 2: (0.5 + 2 + 2·8) / 4.
        MutableDataset<Regressor> targets = targets(1, 2, 4);
        List<Example<Regressor>> examples = list(targets);
        examples.get(2).setWeight(2f);
        var squared = new ValidationScorer<Regressor, org.tribuo.math.la.DenseVector, LinearParameters>(
                ValidationMetric.LOSS, PredictionTask.REGRESSION, examples, new SquaredLoss(),
                r -> org.tribuo.math.la.DenseVector.createDenseVector(r.getValues()), targets.getFeatureIDMap(), true);
        assertEquals(18.5 / 4, squared.score(1, new LinearParameters(2, 1), p -> null).value(), 1e-15);
    }

    @Test
    void anExampleWithNoKnownFeatureIsRefused() {
        MutableDataset<Label> data = labels("A", "B");
        List<Example<Label>> examples = list(data);
        examples.add(new ArrayExample<>(new Label("A"), new String[] {"unseen"}, new double[] {1}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ValidationScorer<Label, Integer, LinearParameters>(ValidationMetric.ACCURACY,
                        PredictionTask.CLASSIFICATION, examples, new LogMulticlass(),
                        l -> data.getOutputIDInfo().getID(l), data.getFeatureIDMap(), true));
        assertEquals(Optional.of("trainer-validation-unscorable"), ReinMessage.tagOf(e));
        assertTrue(e.getMessage().contains("Validation example 3 of 3"), e.getMessage());
    }
}
