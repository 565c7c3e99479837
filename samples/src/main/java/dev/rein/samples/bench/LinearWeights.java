package dev.rein.samples.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.tribuo.Feature;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

/**
 * A binary linear classifier as plain numbers: {@code score(x) = w·x + bias}, positive class when the score is
 * positive. Rein's, scikit-learn's and liblinear's models are all read into this one form, so that
 * {@link BinaryObjective} measures them the same way. Immutable.
 *
 * <pre>{@code
 * LinearWeights rein = LinearWeights.fromTribuo(model, "1", "-1");          // w = w_1 - w_{-1}
 * LinearWeights sk = LinearWeights.read(Path.of("sklearn-l2.weights"));     // written by sklearn_bench.py
 * LinearWeights ll = LinearWeights.fromLiblinear(Path.of("l2.model"), "1");
 * }</pre>
 *
 * <p>The weights file format: a line {@code bias B}, then a line {@code INDEX WEIGHT} per non-zero weight,
 * indices 1-based as in the libsvm file.
 */
public final class LinearWeights {
    private final double bias;
    private final double[] weights;

    /**
     * @param bias           the intercept
     * @param weightsByIndex {@code weightsByIndex[j]} is feature {@code j}'s weight (libsvm index {@code j}); entry 0
     *                       is unused and must be 0
     */
    public LinearWeights(double bias, double[] weightsByIndex) {
        if (weightsByIndex.length > 0 && weightsByIndex[0] != 0) {
            throw new IllegalArgumentException("libsvm indices start at 1; weightsByIndex[0] must be 0, got "
                    + weightsByIndex[0]);
        }
        this.bias = bias;
        this.weights = weightsByIndex.clone();
    }

    public double bias() {
        return bias;
    }

    /** The weight of libsvm feature {@code index}, 0 beyond the known features. */
    public double weight(int index) {
        return index < weights.length ? weights[index] : 0;
    }

    /** {@code w·x + bias}. */
    public double score(SparseRow row) {
        return row.dot(weights) + bias;
    }

    /** {@code ‖w‖²}, the bias excluded. */
    public double squaredNorm() {
        double sum = 0;
        for (double w : weights) {
            sum += w * w;
        }
        return sum;
    }

    /** Weights that are not exactly zero, the bias excluded. */
    public long nonZeros() {
        return Arrays.stream(weights).filter(w -> w != 0).count();
    }

    /**
     * The binary view of a Tribuo linear classifier trained on two labels: {@code w = w_positive - w_negative}, and
     * the same for the biases; a two-row softmax predicts {@code positive} exactly when this score is positive.
     * Rein's libsvm reader ({@code dev.rein.samples.data.DataFiles}) names a feature by its index as written, so
     * feature {@code "42"} is libsvm index 42.
     *
     * @throws IllegalArgumentException if the model does not know both labels
     */
    public static LinearWeights fromTribuo(LinearSGDModel model, String positive, String negative) {
        int pos = labelId(model, positive);
        int neg = labelId(model, negative);
        DenseMatrix w = (DenseMatrix) model.getWeightsCopy();
        int featureCount = model.getFeatureIDMap().size();
        int maxIndex = 0;
        int[] indexOfId = new int[featureCount];
        for (int id = 0; id < featureCount; id++) {
            VariableInfo info = model.getFeatureIDMap().get(id);
            indexOfId[id] = Integer.parseInt(info.getName().trim());
            maxIndex = Math.max(maxIndex, indexOfId[id]);
        }
        double[] byIndex = new double[maxIndex + 1];
        for (int id = 0; id < featureCount; id++) {
            byIndex[indexOfId[id]] = w.get(pos, id) - w.get(neg, id);
        }
        double bias = w.get(pos, featureCount) - w.get(neg, featureCount);
        return new LinearWeights(bias, byIndex);
    }

    private static int labelId(LinearSGDModel model, String label) {
        int id = model.getOutputIDInfo().getID(new Label(label));
        if (id < 0) {
            throw new IllegalArgumentException("The model was not trained on label '" + label + "'; it knows "
                    + model.getOutputIDInfo().getDomain());
        }
        return id;
    }

    /**
     * Reads a two-class liblinear model file ({@code train -s 0 ...}). liblinear's weight vector scores its first
     * label ({@code label A B}); if that is not {@code positive} the vector is negated. With {@code bias B >= 0} the
     * last weight multiplies the constant feature {@code B}, so the intercept is {@code B · w_last}.
     *
     * @throws IllegalArgumentException if the file is not a two-class liblinear model or has no such label
     */
    public static LinearWeights fromLiblinear(Path modelFile, String positive) {
        try (BufferedReader in = Files.newBufferedReader(modelFile, StandardCharsets.US_ASCII)) {
            String[] labels = null;
            int features = -1;
            double biasFeature = -1;
            String line;
            while ((line = in.readLine()) != null && !line.trim().equals("w")) {
                String[] parts = line.trim().split("\\s+");
                switch (parts[0]) {
                    case "nr_class":
                        if (!parts[1].equals("2")) {
                            throw new IllegalArgumentException("'" + modelFile + "' is a " + parts[1] + "-class"
                                    + " liblinear model; a binary objective needs a two-class one");
                        }
                        break;
                    case "label":
                        labels = Arrays.copyOfRange(parts, 1, parts.length);
                        break;
                    case "nr_feature":
                        features = Integer.parseInt(parts[1]);
                        break;
                    case "bias":
                        biasFeature = Double.parseDouble(parts[1]);
                        break;
                    default:
                        break;
                }
            }
            if (line == null || labels == null || features < 0) {
                throw new IllegalArgumentException("'" + modelFile + "' is not a liblinear model file: it needs"
                        + " 'label', 'nr_feature' and 'w' lines");
            }
            double sign;
            if (labels[0].equals(positive)) {
                sign = 1;
            } else if (labels.length > 1 && labels[1].equals(positive)) {
                sign = -1;
            } else {
                throw new IllegalArgumentException("'" + modelFile + "' has labels " + String.join(" ", labels)
                        + ", not '" + positive + "'");
            }
            double[] byIndex = new double[features + 1];
            for (int j = 1; j <= features; j++) {
                byIndex[j] = sign * Double.parseDouble(nextValue(in, modelFile));
            }
            double bias = biasFeature >= 0 ? sign * biasFeature * Double.parseDouble(nextValue(in, modelFile)) : 0;
            return new LinearWeights(bias, byIndex);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read '" + modelFile + "': " + e.getMessage(), e);
        }
    }

    private static String nextValue(BufferedReader in, Path file) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IllegalArgumentException("'" + file + "' ends before its 'nr_feature' weights; the file is"
                    + " truncated");
        }
        return line.trim();
    }

    /**
     * Reads the weights file format (see the class comment).
     *
     * @throws IllegalArgumentException naming the file and line of a malformed entry
     */
    public static LinearWeights read(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            String first = in.readLine();
            if (first == null || !first.startsWith("bias ")) {
                throw new IllegalArgumentException("'" + file + "' line 1 must be 'bias VALUE', got '" + first + "'");
            }
            double bias = Double.parseDouble(first.substring(5).trim());
            double[] byIndex = new double[16];
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                String[] parts = line.trim().split("\\s+");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("'" + file + "' line " + number + " must be 'INDEX WEIGHT',"
                            + " got '" + line + "'");
                }
                int index = Integer.parseInt(parts[0]);
                if (index < 1) {
                    throw new IllegalArgumentException("'" + file + "' line " + number + ": indices are 1-based,"
                            + " got " + index);
                }
                if (index >= byIndex.length) {
                    byIndex = Arrays.copyOf(byIndex, Math.max(index + 1, byIndex.length * 2));
                }
                byIndex[index] = Double.parseDouble(parts[1]);
            }
            return new LinearWeights(bias, byIndex);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read '" + file + "': " + e.getMessage(), e);
        }
    }

    /** Writes the weights file format (non-zero weights only). */
    public void write(Path file) {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write("bias " + bias + "\n");
            for (int j = 1; j < weights.length; j++) {
                if (weights[j] != 0) {
                    out.write(j + " " + weights[j] + "\n");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write '" + file + "': " + e.getMessage(), e);
        }
    }
}
