package dev.rein.runtime.optim;

import static dev.rein.runtime.optim.Fixtures.SHAPES;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.config.ConfigurationData;
import com.oracle.labs.mlrg.olcut.config.ConfigurationManager;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import dev.rein.runtime.tribuo.trainer.TribuoOnlyLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.Adam;
import org.tribuo.math.optimisers.RMSProp;

/**
 * The optimisers are OLCUT components like Tribuo's: configured from XML they equal the ones built in code
 * (provenance and behaviour), their provenance turns back into a configuration that builds them again, their
 * parameters and defaults are Tribuo's, {@code copy} keeps the settings and drops the state, {@code reset} starts
 * afresh, a bad value is refused with a sentence, and a model trained with them loads with Tribuo alone.
 */
class OptimiserConfigurationTest {
    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <config>
              <component name="adagrad" type="dev.rein.runtime.optim.ReinAdaGrad">
                <property name="initialLearningRate" value="0.5"/>
                <property name="epsilon" value="0.1"/>
                <property name="initialValue" value="0.2"/>
              </component>
              <component name="rmsprop" type="dev.rein.runtime.optim.ReinRMSProp">
                <property name="initialLearningRate" value="0.01"/>
                <property name="rho" value="0.8"/>
                <property name="epsilon" value="1e-6"/>
                <property name="decay" value="0.001"/>
              </component>
              <component name="adam" type="dev.rein.runtime.optim.ReinAdam">
                <property name="initialLearningRate" value="0.02"/>
                <property name="betaOne" value="0.85"/>
                <property name="betaTwo" value="0.995"/>
                <property name="epsilon" value="1e-7"/>
              </component>
              <component name="adamDefaults" type="dev.rein.runtime.optim.ReinAdam"/>
            </config>
            """;

    private static final Map<String, StochasticGradientOptimiser> IN_CODE = Map.of(
            "adagrad", new ReinAdaGrad(0.5, 0.1, 0.2),
            "rmsprop", new ReinRMSProp(0.01, 0.8, 1e-6, 0.001),
            "adam", new ReinAdam(0.02, 0.85, 0.995, 1e-7),
            "adamDefaults", new ReinAdam(0.001, 0.9, 0.999, 1e-8));

    private static Path write(Path dir, String xml) throws IOException {
        Path file = dir.resolve("optimisers.xml");
        Files.writeString(file, xml);
        return file;
    }

    @Test
    void configuredOptimisersEqualTheOnesBuiltInCode(@TempDir Path dir) throws IOException {
        ConfigurationManager cm = new ConfigurationManager(write(dir, XML).toString());
        for (Map.Entry<String, StochasticGradientOptimiser> e : IN_CODE.entrySet()) {
            var configured = (StochasticGradientOptimiser) cm.lookup(e.getKey());
            StochasticGradientOptimiser inCode = e.getValue();
            assertEquals(inCode.getProvenance(), configured.getProvenance(), e.getKey());
            assertEquals(inCode.toString(), configured.toString());
            assertArrayEquals(updates(inCode.copy()), updates(configured), 0.0, e.getKey());
        }
    }

    @Test
    void aProvenanceTurnsBackIntoTheOptimiser() {
        for (StochasticGradientOptimiser original : IN_CODE.values()) {
            ConfiguredObjectProvenance provenance = original.getProvenance();
            List<ConfigurationData> configuration = ProvenanceUtil.extractConfiguration(provenance);
            ConfigurationManager cm = new ConfigurationManager();
            cm.addConfiguration(configuration);
            var rebuilt = (StochasticGradientOptimiser) cm.lookup(configuration.get(0).getName());
            assertEquals(original.getClass(), rebuilt.getClass());
            assertEquals(provenance, rebuilt.getProvenance());
            assertArrayEquals(updates(original.copy()), updates(rebuilt), 0.0);
        }
    }

    /** Same property names as Tribuo's optimisers, and for AdaGrad and RMSProp the same defaults. */
    @Test
    void parametersAndDefaultsAreTribuos() {
        assertEquals(parameters(new AdaGrad(0.5)), parameters(new ReinAdaGrad(0.5)));
        assertEquals(parameters(new AdaGrad(0.5, 0.2, 0.3)), parameters(new ReinAdaGrad(0.5, 0.2, 0.3)));
        assertEquals(parameters(new RMSProp(0.01, 0.9)), parameters(new ReinRMSProp(0.01, 0.9)));
        assertEquals(parameters(new RMSProp(0.01, 0.8, 1e-5, 0.1)), parameters(new ReinRMSProp(0.01, 0.8, 1e-5, 0.1)));
        // Adam: Tribuo's names; the paper's ε = 1e-8 where Tribuo defaults to 1e-6.
        assertEquals(parameters(new Adam(0.001, 0.9, 0.999, 1e-8)), parameters(new ReinAdam()));
        assertEquals(parameters(new Adam(0.01, 1e-7)), parameters(new ReinAdam(0.01, 1e-7)));
        assertEquals(parameters(new Adam(0.01, 1e-8)), parameters(new ReinAdam(0.01)));
    }

    @Test
    void copyKeepsTheSettingsAndDropsTheState() {
        for (StochasticGradientOptimiser original : IN_CODE.values()) {
            StochasticGradientOptimiser trained = original.copy();
            trained.initialise(Fixtures.parameters(SHAPES));
            trained.step(Fixtures.dense(new SplittableRandom(3L), SHAPES), 1.0);
            StochasticGradientOptimiser copy = trained.copy();
            assertNotSame(trained, copy);
            assertEquals(original.getProvenance(), copy.getProvenance());
            assertEquals(0, ((PerCoordinateStep) copy).steps());
            assertThrows(IllegalStateException.class,
                    () -> copy.step(Fixtures.dense(new SplittableRandom(3L), SHAPES), 1.0), "not initialised");
            assertArrayEquals(updates(original.copy()), updates(copy), 0.0);
        }
        // Tribuo's AdaGrad.copy() forgets initialValue; Rein's keeps it.
        assertTrue(new ReinAdaGrad(0.5, 0.1, 0.2).copy().toString().contains("initialValue=0.2"));
    }

    @Test
    void resetStartsAfresh() {
        for (StochasticGradientOptimiser original : IN_CODE.values()) {
            StochasticGradientOptimiser reused = original.copy();
            double[] first = updates(reused);
            reused.reset();
            assertEquals(0, ((PerCoordinateStep) reused).steps());
            assertArrayEquals(first, updates(reused), 0.0, reused.toString());
        }
    }

    @Test
    void aBadValueIsRefusedWithASentence(@TempDir Path dir) throws IOException {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <config>
                  <component name="adam" type="dev.rein.runtime.optim.ReinAdam">
                    <property name="betaTwo" value="1.0"/>
                  </component>
                </config>
                """;
        ConfigurationManager cm = new ConfigurationManager(write(dir, xml).toString());
        RuntimeException e = assertThrows(RuntimeException.class, () -> cm.lookup("adam"));
        assertTrue(messages(e).contains("ReinAdam: betaTwo is 1.0; it must be at least 0 and below 1"), messages(e));

        assertEquals("[optim-setting-out-of-range] ReinAdaGrad: initialLearningRate is 0.0; it must be a finite number above 0",
                assertThrows(IllegalArgumentException.class, () -> new ReinAdaGrad(0.0)).getMessage());
        assertEquals("[optim-setting-out-of-range] ReinAdaGrad: epsilon is -1.0E-6; it must be a finite number of at least 0",
                assertThrows(IllegalArgumentException.class, () -> new ReinAdaGrad(0.1, -1e-6)).getMessage());
        assertEquals("[optim-setting-out-of-range] ReinRMSProp: rho is 1.5; it must be at least 0 and below 1",
                assertThrows(IllegalArgumentException.class, () -> new ReinRMSProp(0.1, 1.5)).getMessage());
        assertEquals("[optim-setting-out-of-range] ReinRMSProp: decay is NaN; it must be a finite number of at least 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new ReinRMSProp(0.1, 0.9, 1e-8, Double.NaN)).getMessage());
        assertEquals("[optim-setting-out-of-range] ReinAdam: initialLearningRate is Infinity; it must be a finite number above 0",
                assertThrows(IllegalArgumentException.class,
                        () -> new ReinAdam(Double.POSITIVE_INFINITY)).getMessage());
    }

    /**
     * A model Tribuo's trainer trains with a Rein optimiser records it in its provenance by class name and
     * settings, and still loads and predicts where only Tribuo is on the class path.
     */
    @Test
    void aModelTrainedWithAReinOptimiserLoadsWithTribuoAlone(@TempDir Path dir) throws Exception {
        var trainer = new LinearSGDTrainer(new LogMulticlass(), new ReinAdam(0.05), 5, -1, 1, 3L);
        LinearSGDModel model = trainer.train(TribuoTrainingParityTest.blobs(60, 6, 3, 4L));
        Provenance recorded = model.getProvenance().getTrainerProvenance().getConfiguredParameters().get("optimiser");
        assertEquals(new ReinAdam(0.05).getProvenance(), recorded);

        Path file = dir.resolve("model.tribuo");
        model.serializeToFile(file);
        String[] names = {"f0", "f1", "f4"};
        double[] values = {0.3, 1.7, -0.2};
        Prediction<Label> here = model.predict(new ArrayExample<>(new Label("UNKNOWN"), names, values));
        try (TribuoOnlyLoader tribuo = new TribuoOnlyLoader()) {
            assertThrows(ClassNotFoundException.class,
                    () -> tribuo.classLoader().loadClass(ReinAdam.class.getName()));
            TribuoOnlyLoader.LabelPrediction there = tribuo.predictLabel(file, names, values);
            assertEquals(here.getOutput().getLabel(), there.label());
            assertEquals(here.getOutput().getScore(), there.score(), 0.0);
        }
    }

    /** The updates of three steps from a fresh initialise: a fingerprint of an optimiser's behaviour. */
    private static double[] updates(StochasticGradientOptimiser optimiser) {
        optimiser.initialise(Fixtures.parameters(SHAPES));
        SplittableRandom random = new SplittableRandom(9L);
        double[] out = new double[0];
        for (int step = 0; step < 3; step++) {
            double[] u = Fixtures.flat(optimiser.step(Fixtures.sparse(random, SHAPES, 0.5), 0.8));
            double[] joined = java.util.Arrays.copyOf(out, out.length + u.length);
            System.arraycopy(u, 0, joined, out.length, u.length);
            out = joined;
        }
        return out;
    }

    private static Map<String, Provenance> parameters(StochasticGradientOptimiser optimiser) {
        return optimiser.getProvenance().getConfiguredParameters();
    }

    /** The messages of {@code e} and its causes: OLCUT may wrap what postConfig throws. */
    private static String messages(Throwable e) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            out.append(t.getMessage()).append(" | ");
        }
        return out.toString();
    }
}
