package dev.rein.bench.dl4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.datasource.IDXDataSource;

/**
 * DL4J's multi-layer perceptron trained as {@code bench network} trains Rein's: an MNIST-format IDX folder read with
 * Tribuo's {@code IDXDataSource}, pixels scaled to [0, 1], hidden layers with ReLU (He initialization), softmax
 * cross-entropy (Xavier on the output layer), Adam, mini-batches shuffled every epoch. Prints one JSON line with the
 * seconds of every epoch, their median from epoch 2, and the train and test accuracy.
 *
 * <pre>
 * java -jar target/dl4j-mlp.jar --dir /usr/share/datasets/fashion-mnist --epochs 15 [--batch-norm] [--double]
 * </pre>
 *
 * <p>{@code --batch-norm} puts a {@code BatchNormalization} layer after each hidden layer's activation (as Rein's
 * {@code batch_norm} sits); {@code --double} trains in float64 (DL4J's default, and this program's, is float32).
 */
public final class Dl4jMlp {
    /** The pom's {@code dl4j.version}. */
    private static final String VERSION = "1.0.0-M2.1";

    private Dl4jMlp() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = null;
        int epochs = 15;
        int batch = 128;
        double rate = 0.001;
        long seed = 1;
        int[] hidden = {256, 128};
        boolean batchNorm = false;
        boolean dbl = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--epochs" -> epochs = Integer.parseInt(args[++i]);
                case "--batch" -> batch = Integer.parseInt(args[++i]);
                case "--learning-rate" -> rate = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--layers" -> hidden = java.util.Arrays.stream(args[++i].split(","))
                        .mapToInt(Integer::parseInt).toArray();
                case "--batch-norm" -> batchNorm = true;
                case "--double" -> dbl = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; valid: --dir D --epochs N --batch N --learning-rate R --seed S --layers A,B"
                        + " --batch-norm --double");
            }
        }
        if (dir == null) {
            throw new IllegalArgumentException("--dir is required");
        }
        DataType type = dbl ? DataType.DOUBLE : DataType.FLOAT;
        Nd4j.setDefaultDataTypes(type, type);
        DataSet train = read(dir, "train");
        DataSet test = read(dir, "t10k");
        int inputs = (int) train.getFeatures().size(1);
        int classes = (int) train.getLabels().size(1);

        NeuralNetConfiguration.ListBuilder layers = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(type)
                .updater(new Adam(rate))
                .list();
        int in = inputs;
        int index = 0;
        for (int units : hidden) {
            layers.layer(index++, new DenseLayer.Builder().nIn(in).nOut(units).activation(Activation.RELU)
                    .weightInit(WeightInit.RELU).build());
            if (batchNorm) {
                layers.layer(index++, new BatchNormalization.Builder().nOut(units).build());
            }
            in = units;
        }
        layers.layer(index, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(in).nOut(classes)
                .activation(Activation.SOFTMAX).weightInit(WeightInit.XAVIER).build());
        MultiLayerConfiguration conf = layers.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();

        Random random = new Random(seed);
        List<Double> seconds = new ArrayList<>();
        double fitting = 0;
        long begin = System.nanoTime();
        int n = (int) train.getFeatures().size(0);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long start = System.nanoTime();
            for (int i = n - 1; i > 0; i--) {   // Fisher-Yates, as Rein shuffles
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < n; from += batch) {
                int[] rows = java.util.Arrays.copyOfRange(order, from, Math.min(n, from + batch));
                DataSet b = new DataSet(Nd4j.pullRows(train.getFeatures(), 1, rows),
                        Nd4j.pullRows(train.getLabels(), 1, rows));
                long fit = System.nanoTime();
                net.fit(b);
                fitting += (System.nanoTime() - fit) / 1e9;
            }
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        double total = (System.nanoTime() - begin) / 1e9;
        List<Double> rest = new ArrayList<>(seconds.subList(Math.min(1, seconds.size() - 1), seconds.size()));
        Collections.sort(rest);
        int m = rest.size();
        double median = m % 2 == 1 ? rest.get(m / 2) : (rest.get(m / 2 - 1) + rest.get(m / 2)) / 2;
        double trainAccuracy = accuracy(net, train);
        double testAccuracy = accuracy(net, test);
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < seconds.size(); i++) {
            list.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", seconds.get(i)));
        }
        list.append(']');
        System.out.printf(Locale.ROOT, "{\"task\": \"network\", \"tool\": \"DL4J %s MultiLayerNetwork (nd4j-native,"
                + " %s%s)\", \"layers\": \"%s\", \"batch\": %d, \"epochs_run\": %d, \"first_epoch_seconds\": %.3f,"
                + " \"median_epoch_seconds\": %.3f, \"epoch_seconds\": \"%s\", \"train_seconds\": %.3f, \"fit_seconds\": %.3f,"
                + " \"train_accuracy\": %.4f, \"test_accuracy\": %.4f}%n",
                VERSION,
                type.name().toLowerCase(Locale.ROOT), batchNorm ? ", batch normalization" : "",
                java.util.Arrays.toString(hidden), batch, epochs, seconds.get(0), median, list, total, fitting, trainAccuracy,
                testAccuracy);
    }

    private static double accuracy(MultiLayerNetwork net, DataSet data) {
        INDArray predicted = net.output(data.getFeatures(), false).argMax(1);
        INDArray truth = data.getLabels().argMax(1);
        long right = 0;
        long n = truth.length();
        for (long i = 0; i < n; i++) {
            right += predicted.getLong(i) == truth.getLong(i) ? 1 : 0;
        }
        return (double) right / n;
    }

    /** The {@code prefix} pair of IDX files as features in [0, 1] and one-hot labels (class ids in label order). */
    private static DataSet read(Path dir, String prefix) throws IOException {
        IDXDataSource<Label> source = new IDXDataSource<>(find(dir, prefix + "-images-idx3-ubyte"),
                find(dir, prefix + "-labels-idx1-ubyte"), new LabelFactory());
        List<Example<Label>> examples = new ArrayList<>();
        source.forEach(examples::add);
        int n = examples.size();
        int features = 28 * 28;
        int classes = 10;
        float[][] x = new float[n][features];
        float[][] y = new float[n][classes];
        for (int e = 0; e < n; e++) {
            Example<Label> example = examples.get(e);
            for (Feature f : example) {
                x[e][Integer.parseInt(f.getName().replaceAll("\\D", ""))] = (float) (f.getValue() / 255.0);
            }
            y[e][Integer.parseInt(example.getOutput().getLabel())] = 1f;
        }
        return new DataSet(Nd4j.create(x).castTo(Nd4j.defaultFloatingPointType()),
                Nd4j.create(y).castTo(Nd4j.defaultFloatingPointType()));
    }

    private static Path find(Path dir, String name) {
        Path plain = dir.resolve(name);
        return Files.isRegularFile(plain) ? plain : dir.resolve(name + ".gz");
    }
}
