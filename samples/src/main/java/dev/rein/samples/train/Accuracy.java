package dev.rein.samples.train;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * The share of examples a linear classifier labels right, one example at a time: its scores {@code W·x + b} and the
 * label of the highest. Tribuo's evaluator keeps every prediction with a score for every label and per-label
 * metrics, which with thousands of labels costs gigabytes after the training itself succeeded; this costs one row
 * of scores. An example none of whose features the model knows is scored by the biases alone (Tribuo refuses to
 * predict it).
 *
 * <pre>{@code
 * double trainAccuracy = Accuracy.of(model, trainedOn);   // 0.9275
 * double networkAccuracy = Accuracy.of(feedForwardModel, test);
 * }</pre>
 */
public final class Accuracy {
    private Accuracy() {
    }

    /** The share of {@code data} whose label has the highest score; NaN for no examples. */
    public static double of(LinearSGDModel model, Dataset<Label> data) {
        DenseMatrix w = model.getWeightsCopy();   // [labels x (features + 1)], the bias last
        ImmutableFeatureMap features = model.getFeatureIDMap();
        ImmutableOutputInfo<Label> labels = model.getOutputIDInfo();
        int outputs = w.getDimension1Size();
        int bias = w.getDimension2Size() - 1;
        double[] scores = new double[outputs];
        long correct = 0;
        long total = 0;
        for (Example<Label> example : data) {
            for (int o = 0; o < outputs; o++) {
                scores[o] = w.get(o, bias);
            }
            for (Feature f : example) {
                int id = features.getID(f.getName());
                if (id >= 0) {
                    for (int o = 0; o < outputs; o++) {
                        scores[o] += w.get(o, id) * f.getValue();
                    }
                }
            }
            int best = 0;
            for (int o = 1; o < outputs; o++) {
                if (scores[o] > scores[best]) {
                    best = o;
                }
            }
            correct += best == labels.getID(example.getOutput()) ? 1 : 0;
            total++;
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }

    /**
     * The share of {@code data} whose label {@code model} predicts: any model, one prediction at a time (a linear
     * model's scores as above).
     */
    public static double of(org.tribuo.Model<Label> model, Iterable<Example<Label>> data) {
        if (model instanceof LinearSGDModel linear && data instanceof Dataset<Label> dataset) {
            return of(linear, dataset);
        }
        long correct = 0;
        long total = 0;
        for (Example<Label> example : data) {
            correct += model.predict(example).getOutput().getLabel().equals(example.getOutput().getLabel()) ? 1 : 0;
            total++;
        }
        return total == 0 ? Double.NaN : (double) correct / total;
    }
}
