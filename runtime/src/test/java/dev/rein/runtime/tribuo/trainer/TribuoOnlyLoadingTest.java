package dev.rein.runtime.tribuo.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * A model trained with Rein (l2 and early stopping) is an ordinary Tribuo model: saved with
 * {@code Model.serializeToFile}, it loads and predicts in a class loader that holds only the Tribuo, OLCUT and
 * protobuf jars of the class path, under the platform class loader: no Rein class is reachable there.
 */
class TribuoOnlyLoadingTest {
    @Test
    void aSavedModelLoadsAndPredictsWithTribuoAlone(@TempDir Path dir) throws Exception {
        var trainer = new RegularizedLinearClassificationTrainer(new LogMulticlass(), new AdaGrad(0.5, 0.1),
                TestSpecs.of(TestSpecs.l2(0.01), TestSpecs.patience("loss", 2)), 30, 1, 3L);
        LinearSGDModel model = trainer.train(TestData.blobs(90, 5L));
        Path file = dir.resolve("model.tribuo");
        model.serializeToFile(file);
        String[] names = {"x0", "x1", "n0"};
        double[] values = {0.3, 1.7, -0.2};
        Prediction<Label> here = model.predict(new ArrayExample<>(new Label("UNKNOWN"), names, values));

        try (URLClassLoader tribuoOnly = new URLClassLoader(tribuoJars(), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class,
                    () -> tribuoOnly.loadClass(RegularizedLinearClassificationTrainer.class.getName()));
            Class<?> modelClass = tribuoOnly.loadClass("org.tribuo.Model");
            Object loaded = modelClass.getMethod("deserializeFromFile", Path.class).invoke(null, file);
            assertEquals(LinearSGDModel.class.getName(), loaded.getClass().getName());
            assertTrue(loaded.getClass().getClassLoader() == tribuoOnly, "loaded by the Tribuo-only loader");

            Class<?> labelClass = tribuoOnly.loadClass("org.tribuo.classification.Label");
            Object unknown = labelClass.getConstructor(String.class).newInstance("UNKNOWN");
            Class<?> outputClass = tribuoOnly.loadClass("org.tribuo.Output");
            Constructor<?> exampleConstructor = tribuoOnly.loadClass("org.tribuo.impl.ArrayExample")
                    .getConstructor(outputClass, String[].class, double[].class);
            Object example = exampleConstructor.newInstance(unknown, names, values);
            Object prediction = modelClass.getMethod("predict", tribuoOnly.loadClass("org.tribuo.Example"))
                    .invoke(loaded, example);
            Object label = prediction.getClass().getMethod("getOutput").invoke(prediction);
            assertEquals(here.getOutput().getLabel(), labelClass.getMethod("getLabel").invoke(label));
            assertEquals(here.getOutput().getScore(), (double) labelClass.getMethod("getScore").invoke(label), 0.0);

            Object provenance = modelClass.getMethod("getProvenance").invoke(loaded);
            Object run = provenance.getClass().getMethod("getInstanceProvenance").invoke(provenance);
            Map<?, ?> map = (Map<?, ?>) run.getClass().getMethod("getMap").invoke(run);
            TrainingOutcome outcome = TrainingOutcome.of(model).orElseThrow();
            assertEquals(String.valueOf(outcome.bestEpoch().getAsInt()), value(map.get(TrainingOutcome.BEST_EPOCH)));
            assertEquals(outcome.stopReason(), value(map.get(TrainingOutcome.STOP_REASON)));
            assertEquals("l2(lambda=0.01) + patience(metric=loss, patience=2)", value(map.get(TrainingOutcome.SPEC)));
        }
    }

    private static String value(Object primitiveProvenance) throws Exception {
        Method getValue = primitiveProvenance.getClass().getMethod("getValue");
        return String.valueOf(getValue.invoke(primitiveProvenance));
    }

    /** The Tribuo, OLCUT and protobuf jars of this test's class path; never Rein's classes. */
    private static URL[] tribuoJars() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && (name.startsWith("tribuo-") || name.startsWith("olcut-")
                    || name.startsWith("protobuf-java"))) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        assertFalse(urls.isEmpty());
        assertTrue(urls.stream().noneMatch(u -> u.toString().contains("rein")), urls.toString());
        return urls.toArray(new URL[0]);
    }
}
