package dev.rein.runtime.network;

import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.rein.api.hook.ParameterBlock;
import dev.rein.api.hook.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;

/**
 * What the two network models ({@link FeedForwardModel}, {@link FeedForwardRegressionModel}) share beyond the
 * network: reading an example into the input, the parameter blocks, the top features and the excuse, each computed
 * on the output units and reported through the model's {@link NetworkHead} (per label, or per regression dimension
 * in the target's units).
 *
 * <pre>{@code
 * int used = NetworkExplanations.fillInput(net, featureMap, example);   // row 0 of net.input(1)
 * var top = NetworkExplanations.topFeatures(state, featureMap, head, 5);
 * }</pre>
 */
final class NetworkExplanations {
    private NetworkExplanations() {
    }

    /**
     * Writes {@code example} into row 0 of the network's input (features the map lacks are ignored) and returns how
     * many features it used.
     *
     * @throws IllegalArgumentException if it used none (tagged {@code network-no-features})
     */
    static int fillInput(FeedForwardNetwork net, ImmutableFeatureMap featureMap, Example<?> example) {
        double[] x = net.input(1);
        Arrays.fill(x, 0, net.inputs(), 0.0);
        int used = 0;
        for (Feature f : example) {
            int id = featureMap.getID(f.getName());
            if (id >= 0) {
                x[id] = f.getValue();
                used++;
            }
        }
        if (used == 0) {
            throw new IllegalArgumentException(NetworkMessages.noFeatures(featureMap.size()).toString());
        }
        return used;
    }

    /** Copies of the dense layers' weights and biases as blocks, {@code layer1.weights} to the output layer. */
    static List<ParameterBlock> parameterBlocks(NetworkState state) {
        List<ParameterBlock> out = new ArrayList<>();
        for (int i = 0; i < state.weights().length; i++) {
            double[][] w = state.weights()[i];
            int columns = w.length == 0 ? 0 : w[0].length;
            double[] flat = new double[w.length * columns];
            for (int r = 0; r < w.length; r++) {
                System.arraycopy(w[r], 0, flat, r * columns, columns);
            }
            out.add(new ParameterBlock("layer" + (i + 1) + ".weights", Role.WEIGHT, w.length, columns, flat));
            double[] b = state.biases()[i].clone();
            out.add(new ParameterBlock("layer" + (i + 1) + ".bias", Role.BIAS, b.length, 1, b));
        }
        return out;
    }

    /** The layer plugins as canonical spec terms with their places. */
    static List<String> layers(NetworkState state) {
        List<String> out = new ArrayList<>();
        for (SavedLayer l : state.layers()) {
            out.add(l.term() + " after hidden layer " + l.position());
        }
        return out;
    }

    /**
     * Without hidden layers, per output unit (by {@link NetworkHead#outputName}) the features by the absolute value of
     * their weight, in the prediction's units ({@code σ_k · w}), and the bias ({@code μ_k + σ_k · b}) as
     * {@link Model#BIAS_FEATURE}; with hidden layers, under {@link Model#ALL_OUTPUTS}, each feature by the L2 norm of
     * its column of the first weight matrix. {@code n} per list, all when negative.
     */
    static Map<String, List<Pair<String, Double>>> topFeatures(NetworkState state, ImmutableFeatureMap featureMap,
            NetworkHead<?> head, int n) {
        double[][] first = state.weights()[0];
        Map<String, List<Pair<String, Double>>> out = new LinkedHashMap<>();
        if (state.hidden().length == 0) {
            for (int k = 0; k < first.length; k++) {
                double scale = head.outputScale(k);
                double shift = head.outputShift(k);
                List<Pair<String, Double>> unit = new ArrayList<>();
                for (int f = 0; f < state.inputs(); f++) {
                    unit.add(new Pair<>(featureMap.get(f).getName(), scale * first[k][f]));
                }
                double b = scale * state.biases()[0][k];
                unit.add(new Pair<>(Model.BIAS_FEATURE, shift == 0 ? b : shift + b));
                out.put(head.outputName(k), top(unit, n, true));
            }
            return out;
        }
        List<Pair<String, Double>> all = new ArrayList<>();
        for (int f = 0; f < state.inputs(); f++) {
            double squares = 0;
            for (double[] row : first) {
                squares += row[f] * row[f];
            }
            all.add(new Pair<>(featureMap.get(f).getName(), Math.sqrt(squares)));
        }
        out.put(Model.ALL_OUTPUTS, top(all, n, false));
        return out;
    }

    /** The {@code n} largest (by absolute value if asked), largest first; ties keep feature order. */
    private static List<Pair<String, Double>> top(List<Pair<String, Double>> all, int n, boolean absolute) {
        all.sort(Comparator.comparingDouble((Pair<String, Double> p) -> absolute ? Math.abs(p.getB()) : p.getB())
                .reversed());
        return new ArrayList<>(n < 0 ? all : all.subList(0, Math.min(n, all.size())));
    }

    /**
     * Per output unit (by {@link NetworkHead#outputName}), each of the example's features with how much the unit's
     * value falls when the feature is taken out of the example (set to zero), times {@link NetworkHead#outputScale}
     * (so a regression dimension's change is in its own units), largest first. One batch in prediction mode: the
     * example, then the example without feature {@code i} in row {@code i + 1}.
     */
    static Map<String, List<Pair<String, Double>>> excuse(FeedForwardNetwork net, ImmutableFeatureMap featureMap,
            Example<?> example, NetworkHead<?> head) {
        List<Feature> present = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (Feature f : example) {
            int id = featureMap.getID(f.getName());
            if (id >= 0) {
                present.add(f);
                ids.add(id);
            }
        }
        int inputs = net.inputs();
        int outputs = net.outputs();
        int rows = present.size() + 1;
        double[] x = net.input(rows);
        Arrays.fill(x, 0, rows * inputs, 0.0);
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < present.size(); i++) {
                if (r != i + 1) {
                    x[r * inputs + ids.get(i)] = present.get(i).getValue();
                }
            }
        }
        double[] scores = new double[rows * outputs];
        net.scores(rows, scores);
        Map<String, List<Pair<String, Double>>> weights = new LinkedHashMap<>();
        for (int k = 0; k < outputs; k++) {
            double scale = head.outputScale(k);
            List<Pair<String, Double>> unit = new ArrayList<>();
            for (int i = 0; i < present.size(); i++) {
                unit.add(new Pair<>(present.get(i).getName(), scale * (scores[k] - scores[(i + 1) * outputs + k])));
            }
            unit.sort(Comparator.comparingDouble((Pair<String, Double> p) -> p.getB()).reversed());
            weights.put(head.outputName(k), unit);
        }
        return weights;
    }
}
