package dev.rein.runtime.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.util.Pair;
import dev.rein.runtime.ReinMessage;
import dev.rein.runtime.network.protos.FeedForwardModelProto;
import dev.rein.runtime.optim.ReinAdam;
import dev.rein.runtime.spec.Regularization;
import dev.rein.runtime.tribuo.TestTerms;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

/**
 * {@link FeedForwardRegressionTrainer} against known answers: the normal equations and closed-form ridge for a
 * network without hidden layers, finite differences of the squared error, a nonlinear target, the protobuf format,
 * and several dimensions of very different scales.
 *
 * <p>Tolerances. With one mini-batch of all the data and plain SGD, training is gradient descent on
 * {@code mean ½(ŷ − t)² + (λ/2)‖w‖²}, whose Hessian here has eigenvalues between about 0.9 and 1.5 (features uniform
 * on [-2, 2], plus λ): at a step of 0.5 the error shrinks by at least 0.55 an epoch, so 300 epochs reach the closed
 * form to rounding. {@code 1e-9} leaves room for that and for the standardization's rounding. Ridge and least squares
 * differ here by over 0.05 in some weight, far more than the tolerance, so a penalty scaled wrongly (by the batch size,
 * by σ or σ²) cannot pass.
 */
class FeedForwardRegressionTrainerTest {
    private static final double[] W = {1.5, -2.0, 0.5, 3.0};
    private static final double B = 4.0;

    @TempDir
    Path dir;

    /** Full-batch gradient descent at step 0.5, no hidden layers. */
    private static FeedForwardRegressionTrainer gradientDescent(Regularization reg, int n, boolean standardize) {
        return new FeedForwardRegressionTrainer(new int[0], Activation.RELU, SGD.getSimpleSGD(0.5), reg, 300, n, 1L)
                .withStandardizedTargets(standardize);
    }

    /**
     * The linear model a network without hidden layers is, in the data's units: for output unit {@code k}, the
     * weights in feature order {@code x0, x1, ...} followed by the intercept.
     */
    private static double[] linearWeights(FeedForwardRegressionModel model, int k) {
        NetworkState s = model.state();
        double scale = model.targetScales()[k];
        int d = s.inputs();
        double[] out = new double[d + 1];
        for (int j = 0; j < d; j++) {
            out[j] = scale * s.weights()[0][k][model.getFeatureIDMap().getID("x" + j)];
        }
        out[d] = model.targetMeans()[k] + scale * s.biases()[0][k];
        return out;
    }

    private static double maxDifference(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    @Test
    void withoutHiddenLayersTheSquaredErrorReachesTheNormalEquationsSolution() {
        RegressionData data = RegressionData.linear(200, 7L, W, B, 0.5);
        double[] leastSquares = data.ridge(0, 0.0);
        for (boolean standardize : new boolean[] {true, false}) {
            FeedForwardRegressionModel model = gradientDescent(Regularization.none(), 200, standardize)
                    .train(data.dataset);
            assertArrayEquals(leastSquares, linearWeights(model, 0), 1e-9, "standardize=" + standardize);
            for (int i = 0; i < 20; i++) {
                double expected = leastSquares[W.length];
                for (int j = 0; j < W.length; j++) {
                    expected += leastSquares[j] * data.x[i][j];
                }
                double predicted = model.predict(data.dataset.getExample(i)).getOutput().getValues()[0];
                assertEquals(expected, predicted, 1e-9);
            }
        }
        // Standardizing did something: the targets' spread is far from 1.
        FeedForwardRegressionModel standardized = gradientDescent(Regularization.none(), 200, true)
                .train(data.dataset);
        assertTrue(standardized.targetScales()[0] > 3, "σ = " + standardized.targetScales()[0]);
        assertTrue(Math.abs(standardized.targetMeans()[0] - B) < 0.5, "μ = " + standardized.targetMeans()[0]);
    }

    @Test
    void l2ReachesClosedFormRidgeWithTheSameLambdaWhetherOrNotTheTargetsAreStandardized() {
        double lambda = 0.1;
        RegressionData data = RegressionData.linear(200, 8L, W, B, 0.5);
        double[] ridge = data.ridge(0, lambda);
        assertTrue(maxDifference(ridge, data.ridge(0, 0.0)) > 0.05, "the penalty must matter");
        for (boolean standardize : new boolean[] {true, false}) {
            FeedForwardRegressionModel model = gradientDescent(TestTerms.of(TestTerms.l2(lambda)), 200, standardize)
                    .train(data.dataset);
            // The objective is mean ½(ŷ − y)² + (λ/2)‖w‖², per step and per example as the classifier's: no factor
            // of the batch size. Standardized, it is the same objective divided by σ², so the same minimiser.
            assertArrayEquals(ridge, linearWeights(model, 0), 1e-9, "standardize=" + standardize);
        }
    }

    @Test
    void theSquaredErrorIsHalfTheSumOfSquaresAndItsGradientIsTheResidualOverTheBatch() {
        SquaredErrorHead head = new SquaredErrorHead(new String[] {"a", "b"}, new double[2], new double[] {1, 1});
        double[] outputs = {1, 2, 3, 4};
        double[] targets = {0, 2, 3, 6};
        double[] gradient = new double[4];
        assertEquals(0.5 * (1 + 4), head.loss(outputs, targets, gradient, 2), 0.0);
        assertArrayEquals(new double[] {0.5, 0, 0, -1}, gradient, 0.0);
    }

    @Test
    void squaredErrorGradientsThroughHiddenLayersMatchFiniteDifferences() {
        for (Activation a : Activation.values()) {
            var worst = NetworkGradientCheck.runSquaredError(Regularization.none(), new int[] {5, 4}, a, 11L);
            assertTrue(worst.relativeError() < 1e-6, a + ": " + worst);
            assertEquals(4 * 5 + 5 + 5 * 4 + 4 + 4 * 3 + 3, worst.checked());
        }
        var linear = NetworkGradientCheck.runSquaredError(Regularization.none(), new int[0], Activation.RELU, 2L);
        assertTrue(linear.relativeError() < 1e-6, linear.toString());
    }

    @Test
    void aHiddenLayerLearnsANonlinearTargetThatALinearModelCannot() {
        RegressionData.Targets target = (f, random) -> new double[] {Math.sin(f[0]) + f[1] * f[1]};
        RegressionData train = RegressionData.of(1000, 2, 2.0, 1L, new String[] {"y"}, target);
        RegressionData test = RegressionData.of(500, 2, 2.0, 2L, new String[] {"y"}, target);
        double network = RegressionData.rmse(new FeedForwardRegressionTrainer(new int[] {32}, Activation.TANH,
                new ReinAdam(0.01), Regularization.none(), 150, 32, 1L).train(train.dataset), test.dataset, "y");
        double linear = RegressionData.rmse(new FeedForwardRegressionTrainer(new int[0], Activation.TANH,
                new ReinAdam(0.01), Regularization.none(), 150, 32, 1L).train(train.dataset), test.dataset, "y");
        // The target's spread is about 1.3 and a linear fit leaves about 1.2 of it (the x1² part is orthogonal to
        // every linear function on a symmetric interval).
        assertTrue(linear > 1.0, "linear RMSE " + linear);
        assertTrue(network < 0.1, "network RMSE " + network);
    }

    private static FeedForwardRegressionModel smallNetwork(RegressionData data) {
        return new FeedForwardRegressionTrainer(new int[] {6, 3}, Activation.TANH, new ReinAdam(0.02),
                TestTerms.of(TestTerms.l2(1e-3)), 20, 16, 3L).train(data.dataset);
    }

    private static RegressionData twoDimensions(int n, long seed) {
        // "zeta" sorts after "alpha": the natural order of the names differs from the order they are given in.
        return RegressionData.of(n, 3, 2.0, seed, new String[] {"zeta", "alpha"}, (f, random) -> new double[] {
            5000 + 1000 * (f[0] - 2 * f[1]), 0.001 * (f[2] + 0.5 * f[0])});
    }

    private static void assertBitIdentical(Model<Regressor> expected, Model<Regressor> actual,
            MutableDataset<Regressor> data) {
        for (Example<Regressor> e : data) {
            Regressor a = expected.predict(e).getOutput();
            Regressor b = actual.predict(e).getOutput();
            assertArrayEquals(a.getNames(), b.getNames());
            for (int d = 0; d < a.size(); d++) {
                assertEquals(Double.doubleToRawLongBits(a.getValues()[d]), Double.doubleToRawLongBits(b.getValues()[d]));
            }
        }
    }

    @Test
    void savesInTribuosProtobufFormatAndLoadsPredictingBitForBitTheSame() throws Exception {
        RegressionData data = twoDimensions(200, 4L);
        FeedForwardRegressionModel model = smallNetwork(data);
        Path file = dir.resolve("regression.tribuo");
        model.serializeToFile(file);

        FeedForwardRegressionModel loaded = assertInstanceOf(FeedForwardRegressionModel.class,
                Model.deserializeFromFile(file));
        assertBitIdentical(model, loaded, data.dataset);
        assertEquals(model.getProvenance(), loaded.getProvenance());
        assertEquals("3-6-3-2", loaded.shape());
        assertEquals(model.dimensions(), loaded.dimensions());
        assertArrayEquals(model.targetMeans(), loaded.targetMeans(), 0.0);
        assertArrayEquals(model.targetScales(), loaded.targetScales(), 0.0);
        assertArrayEquals(model.serialize().toByteArray(), loaded.serialize().toByteArray());

        ModelProto proto = model.serialize();
        assertEquals(FeedForwardRegressionModel.class.getName(), proto.getClassName());
        FeedForwardModelProto data2 = proto.getSerializedData().unpack(FeedForwardModelProto.class);
        assertEquals(model.dimensions(), data2.getRegression().getDimensionList());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(model);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertBitIdentical(model, (FeedForwardRegressionModel) in.readObject(), data.dataset);
        }
    }

    @Test
    void aClassifierFileHasNoRegressionFieldAndNeitherKindLoadsAsTheOther() throws Exception {
        FeedForwardModel classifier = new FeedForwardTrainer(new int[] {4}, Activation.RELU, new ReinAdam(0.02),
                Regularization.none(), 2, 16, 1L).train(Rings.of(100, 1L));
        ModelProto labels = classifier.serialize();
        // What a classifier writes is what it wrote before regression existed: no field 3.
        assertFalse(labels.getSerializedData().unpack(FeedForwardModelProto.class).hasRegression());

        ModelProto asRegression = labels.toBuilder().setClassName(FeedForwardRegressionModel.class.getName()).build();
        var e = assertThrows(IllegalStateException.class, () -> Model.deserialize(asRegression));
        assertEquals("network-invalid-proto", ReinMessage.tagOf(e.getCause().getCause()).orElseThrow());
        assertTrue(e.getCause().getCause().getMessage().contains("classification network"));

        ModelProto values = smallNetwork(twoDimensions(50, 1L)).serialize();
        ModelProto asClassifier = values.toBuilder().setClassName(FeedForwardModel.class.getName()).build();
        e = assertThrows(IllegalStateException.class, () -> Model.deserialize(asClassifier));
        assertTrue(e.getCause().getCause().getMessage().contains("regression network"));
    }

    @Test
    void dimensionsOfVeryDifferentScalesComeOutByNameInTheirOwnUnits() {
        RegressionData data = twoDimensions(200, 5L);
        RegressionData test = twoDimensions(50, 6L);
        FeedForwardRegressionModel model = gradientDescent(Regularization.none(), 200, true).train(data.dataset);
        // Output units follow the output domain's ids; Tribuo gives ids in the names' natural order.
        assertEquals(List.of(SquaredErrorHead.dimensionNames(data.dataset.getOutputIDInfo())), model.dimensions());
        int zeta = model.dimensions().indexOf("zeta");
        int alpha = model.dimensions().indexOf("alpha");
        assertTrue(model.targetScales()[zeta] > 1000 && model.targetScales()[alpha] < 0.01,
                java.util.Arrays.toString(model.targetScales()));
        for (int i = 0; i < test.x.length; i++) {
            Regressor p = model.predict(test.dataset.getExample(i)).getOutput();
            assertArrayEquals(new String[] {"alpha", "zeta"}, p.getNames());
            // Noise-free linear targets: least squares is exact, each dimension to its own relative precision.
            assertEquals(test.y[i][0], p.getDimension("zeta").orElseThrow().getValue(), 1e-9 * 5000);
            assertEquals(test.y[i][1], p.getDimension("alpha").orElseThrow().getValue(), 1e-9 * 0.001);
        }
        assertArrayEquals(new double[] {1000, -2000, 0, 5000}, linearWeights(model, zeta), 1e-6);
        assertArrayEquals(new double[] {0.0005, 0, 0.001, 0}, linearWeights(model, alpha), 1e-12);
    }

    @Test
    void topFeaturesAndExcusesOfALinearNetworkArePerDimensionInItsUnits() {
        RegressionData data = twoDimensions(200, 5L);
        FeedForwardRegressionModel model = gradientDescent(Regularization.none(), 200, true).train(data.dataset);
        // zeta = 5000 + 1000·x0 − 2000·x1, alpha = 0.0005·x0 + 0.001·x2: by absolute value, the intercept first.
        Map<String, List<Pair<String, Double>>> top = model.getTopFeatures(3);
        assertEquals(List.of(Model.BIAS_FEATURE, "x1", "x0"), top.get("zeta").stream().map(Pair::getA).toList());
        assertEquals(5000, top.get("zeta").get(0).getB(), 1e-6);
        assertEquals(-2000, top.get("zeta").get(1).getB(), 1e-6);
        assertEquals(List.of("x2", "x0"), model.getTopFeatures(2).get("alpha").stream().map(Pair::getA).toList());
        assertEquals(0.001, model.getTopFeatures(2).get("alpha").get(0).getB(), 1e-12);

        // Removing a feature of a linear model lowers each dimension by σ·w·value, in the dimension's units.
        var example = new ArrayExample<>(new Regressor(new String[] {"zeta", "alpha"}, new double[] {0, 0}),
                new String[] {"x0", "x1", "x2"}, new double[] {1, 1, 2});
        var why = model.getExcuse(example).orElseThrow();
        assertEquals(List.of("x0", "x2", "x1"), why.excuse("zeta").stream().map(Pair::getA).toList());
        assertEquals(1000, why.excuse("zeta").get(0).getB(), 1e-6);
        assertEquals(0, why.excuse("zeta").get(1).getB(), 1e-6);
        assertEquals(-2000, why.excuse("zeta").get(2).getB(), 1e-6);
        assertEquals(0.002, why.excuse("alpha").get(0).getB(), 1e-12);
    }

    @Test
    void aTargetWithoutOneOfTheTrainingDimensionsIsRefusedByName() {
        // Tribuo's datasets refuse such an example already; a separate validation dataset may still lack one.
        RegressionData data = twoDimensions(20, 5L);
        SquaredErrorHead head = SquaredErrorHead.fit(data.dataset.getOutputIDInfo(),
                ExampleRows.list(data.dataset), true);
        var e = assertThrows(IllegalArgumentException.class, () -> head.encode(new Regressor("zeta", 1.0),
                new double[2], 0));
        assertEquals("network-missing-dimension", ReinMessage.tagOf(e).orElseThrow(), e.getMessage());
        assertTrue(e.getMessage().contains("'alpha'"), e.getMessage());
    }

    @Test
    void aTargetThatIsNotFiniteIsRefusedNamingTheExampleWhetherOrNotTargetsAreStandardized() {
        RegressionData data = twoDimensions(20, 5L);
        java.util.List<org.tribuo.Example<Regressor>> rows = new java.util.ArrayList<>(ExampleRows.list(data.dataset));
        rows.set(3, new org.tribuo.impl.ArrayExample<>(new Regressor(new String[] {"zeta", "alpha"},
                new double[] {1.0, Double.NaN})));
        for (boolean standardize : new boolean[] {true, false}) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> SquaredErrorHead.fit(data.dataset.getOutputIDInfo(), rows, standardize));
            assertEquals("network-target-not-finite", ReinMessage.tagOf(e).orElseThrow(), e.getMessage());
            assertTrue(e.getMessage().contains("Training example 3") && e.getMessage().contains("alpha = NaN"),
                    e.getMessage());
        }
    }

    @Test
    void targetsNearTheTopOfTheDoubleRangeAreStandardizedWithoutOverflow() {
        // found by a user: squares of deviations near 1e160 overflowed, the scale fell back to 1 and training diverged
        java.util.List<org.tribuo.Example<Regressor>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(new org.tribuo.impl.ArrayExample<>(new Regressor("y", 1e160 * (1 + i))));
        }
        var info = new org.tribuo.regression.RegressionFactory().generateInfo();
        rows.forEach(e -> info.observe(e.getOutput()));
        SquaredErrorHead head = SquaredErrorHead.fit(info.generateImmutableOutputInfo(), rows, true);
        assertEquals(2.5e160, head.means()[0], 1e146);
        assertEquals(Math.sqrt(1.25) * 1e160, head.scales()[0], 1e146, "the population standard deviation");
    }

    @Test
    void settingsOutOfRangeNameTheRegressionTrainer() {
        var e = assertThrows(IllegalArgumentException.class, () -> new FeedForwardRegressionTrainer(new int[] {4},
                Activation.RELU, new ReinAdam(), Regularization.none(), 0, 16, 1L));
        assertEquals("[network-setting] FeedForwardRegressionTrainer: epochs is 0; it must be at least 1",
                e.getMessage());
    }

    @Test
    void aConfiguredTrainerTrainsWhatOneBuiltInCodeTrainsAndRecordsItsSettings() throws Exception {
        Path file = dir.resolve("regression.xml");
        java.nio.file.Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="adam" type="dev.rein.runtime.optim.ReinAdam">
                    <property name="initialLearningRate" value="0.01"/>
                  </component>
                  <component name="mlp" type="dev.rein.runtime.network.FeedForwardRegressionTrainer">
                    <propertylist name="hiddenLayers"><item>5</item></propertylist>
                    <property name="activation" value="TANH"/>
                    <property name="optimiser" value="adam"/>
                    <property name="epochs" value="3"/>
                    <property name="minibatchSize" value="16"/>
                    <property name="seed" value="5"/>
                    <property name="standardizeTargets" value="false"/>
                  </component>
                </config>
                """);
        RegressionData data = twoDimensions(100, 9L);
        var configured = (FeedForwardRegressionTrainer) new com.oracle.labs.mlrg.olcut.config.ConfigurationManager(
                file.toString()).lookup("mlp");
        assertFalse(configured.standardizesTargets());
        FeedForwardRegressionModel model = configured.train(data.dataset);
        FeedForwardRegressionModel inCode = new FeedForwardRegressionTrainer(new int[] {5}, Activation.TANH,
                new ReinAdam(0.01), Regularization.none(), 3, 16, 5L).withStandardizedTargets(false)
                .train(data.dataset);
        assertBitIdentical(inCode, model, data.dataset);
        assertArrayEquals(new double[] {1, 1}, model.targetScales(), 0.0);
        var parameters = model.getProvenance().getTrainerProvenance().getConfiguredParameters();
        assertEquals(new com.oracle.labs.mlrg.olcut.provenance.primitives.BooleanProvenance("standardizeTargets",
                false), parameters.get("standardizeTargets"));
    }
}
