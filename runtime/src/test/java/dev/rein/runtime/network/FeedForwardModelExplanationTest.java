package dev.rein.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.spec.Regularization;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribuo.Excuse;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * {@code getTopFeatures} and {@code getExcuse} on networks whose weights are set by hand, so every number is known.
 */
class FeedForwardModelExplanationTest {
    private static final String[] NAMES = {"a", "b", "c"};

    private static MutableDataset<Label> domain() {
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("hand", factory), factory);
        data.add(new ArrayExample<>(new Label("p"), NAMES, new double[] {1, 1, 1}));
        data.add(new ArrayExample<>(new Label("q"), NAMES, new double[] {2, 2, 2}));
        return data;
    }

    /**
     * A model over features a, b, c and labels p, q with the given weights, written in the order a, b, c and p, q
     * (placed at whatever ids Tribuo's domains give them).
     */
    private static FeedForwardModel model(int[] hidden, double[][][] weights, double[][] biases) {
        MutableDataset<Label> data = domain();
        var features = data.getFeatureIDMap();
        var labels = data.getOutputIDInfo();
        double[][][] w = new double[weights.length][][];
        double[][] b = new double[biases.length][];
        for (int layer = 0; layer < weights.length; layer++) {
            boolean last = layer == weights.length - 1;
            w[layer] = new double[weights[layer].length][];
            b[layer] = new double[biases[layer].length];
            for (int r = 0; r < weights[layer].length; r++) {
                int row = last ? labels.getID(new Label(r == 0 ? "p" : "q")) : r;
                double[] in = weights[layer][r];
                w[layer][row] = new double[in.length];
                for (int c = 0; c < in.length; c++) {
                    w[layer][row][layer == 0 ? features.getID(NAMES[c]) : c] = in[c];
                }
                b[layer][row] = biases[layer][r];
            }
        }
        NetworkState state = new NetworkState(3, hidden, 2, Activation.RELU, w, b, new SavedLayer[0]);
        var trainer = new FeedForwardTrainer(hidden, Activation.RELU, new ReinAdam(0.01), Regularization.none(), 1,
                1, 1L);
        return new FeedForwardModel("hand", new ModelProvenance(FeedForwardModel.class.getName(),
                OffsetDateTime.now(), data.getProvenance(), trainer.getProvenance()), features, labels, state);
    }

    /** 3 inputs, 2 ReLU units, 2 labels; feature c feeds nothing. */
    private static FeedForwardModel network() {
        return model(new int[] {2},
                new double[][][] {{{1, 2, 0}, {-1, 0.5, 0}}, {{1, -1}, {0.5, 2}}},
                new double[][] {{0, 0}, {0.1, -0.1}});
    }

    private static ArrayExample<Label> example() {
        return new ArrayExample<>(new Label("p"), NAMES, new double[] {1, 1, 3});
    }

    private static void assertPairs(List<Pair<String, Double>> expected, List<Pair<String, Double>> actual) {
        assertEquals(expected.size(), actual.size(), actual.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).getA(), actual.get(i).getA(), actual.toString());
            assertEquals(expected.get(i).getB(), actual.get(i).getB(), 1e-12, actual.toString());
        }
    }

    @Test
    void theExcuseIsEachFeaturesShareOfEachScoreByRemovingIt() {
        // h = relu([1 + 2, -1 + 0.5]) = [3, 0]; scores p = 3 + 0.1 = 3.1, q = 1.5 - 0.1 = 1.4.
        // Without a: h = [2, 0.5], scores [1.6, 1.9]. Without b: h = [1, 0], scores [1.1, 0.4]. Without c: no change.
        Excuse<Label> why = network().getExcuse(example()).orElseThrow();
        assertPairs(List.of(new Pair<>("b", 2.0), new Pair<>("a", 1.5), new Pair<>("c", 0.0)), why.excuse("p"));
        assertPairs(List.of(new Pair<>("b", 1.0), new Pair<>("c", 0.0), new Pair<>("a", -0.5)), why.excuse("q"));
        assertEquals("p", why.getPrediction().getOutput().getLabel());
    }

    @Test
    void withoutHiddenLayersTheExcuseIsWeightTimesValueAsInTribuosLinearModels() {
        FeedForwardModel softmax = model(new int[0], new double[][][] {{{0.5, -2, 1}, {0.25, 1, -1}}},
                new double[][] {{0.3, -0.3}});
        Excuse<Label> why = softmax.getExcuse(example()).orElseThrow();
        assertPairs(List.of(new Pair<>("c", 3.0), new Pair<>("a", 0.5), new Pair<>("b", -2.0)), why.excuse("p"));
        assertPairs(List.of(new Pair<>("b", 1.0), new Pair<>("a", 0.25), new Pair<>("c", -3.0)), why.excuse("q"));
    }

    @Test
    void topFeaturesOfANetworkRankByTheirFirstLayerColumnsNorm() {
        Map<String, List<Pair<String, Double>>> top = network().getTopFeatures(-1);
        assertEquals(List.of(Model.ALL_OUTPUTS), List.copyOf(top.keySet()));
        assertPairs(List.of(new Pair<>("b", Math.sqrt(4.25)), new Pair<>("a", Math.sqrt(2)), new Pair<>("c", 0.0)),
                top.get(Model.ALL_OUTPUTS));
        assertPairs(List.of(new Pair<>("b", Math.sqrt(4.25))), network().getTopFeatures(1).get(Model.ALL_OUTPUTS));
    }

    @Test
    void topFeaturesWithoutHiddenLayersArePerLabelByAbsoluteWeightWithTheBias() {
        FeedForwardModel softmax = model(new int[0], new double[][][] {{{0.5, -2, 1}, {0.25, 1, -1}}},
                new double[][] {{0.3, -0.3}});
        Map<String, List<Pair<String, Double>>> top = softmax.getTopFeatures(2);
        assertPairs(List.of(new Pair<>("b", -2.0), new Pair<>("c", 1.0)), top.get("p"));
        assertPairs(List.of(new Pair<>("b", 1.0), new Pair<>("c", -1.0)), top.get("q"));
        assertPairs(List.of(new Pair<>("b", 1.0), new Pair<>("c", -1.0), new Pair<>(Model.BIAS_FEATURE, -0.3),
                new Pair<>("a", 0.25)), softmax.getTopFeatures(-1).get("q"));
    }
}
