package dev.rein.runtime.tribuo.trainer;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A program that has only Tribuo on its class path, simulated inside a test: a class loader over the Tribuo,
 * OLCUT and protobuf jars of the test's class path, under the platform class loader, so no Rein class is
 * reachable. Loads a saved model there and predicts with it through reflection.
 *
 * <pre>{@code
 * try (TribuoOnlyLoader tribuo = new TribuoOnlyLoader()) {
 *     TribuoOnlyLoader.LabelPrediction p = tribuo.predictLabel(modelFile, names, values);
 * }
 * }</pre>
 */
public final class TribuoOnlyLoader implements AutoCloseable {
    /** A predicted label and its score. */
    public record LabelPrediction(String label, double score) {
    }

    private final URLClassLoader loader;

    public TribuoOnlyLoader() {
        this.loader = new URLClassLoader(tribuoJars(), ClassLoader.getPlatformClassLoader());
    }

    /** The loader itself, e.g. to check that a Rein class is not found there. */
    public ClassLoader classLoader() {
        return loader;
    }

    /** Loads {@code file} with {@code org.tribuo.Model.deserializeFromFile} inside this loader. */
    public Object loadModel(Path file) throws ReflectiveOperationException {
        return loader.loadClass("org.tribuo.Model").getMethod("deserializeFromFile", Path.class).invoke(null, file);
    }

    /** Loads a classification model and predicts the example {@code names}/{@code values} with it. */
    public LabelPrediction predictLabel(Path file, String[] names, double[] values)
            throws ReflectiveOperationException {
        Object model = loadModel(file);
        Class<?> labelClass = loader.loadClass("org.tribuo.classification.Label");
        Object unknown = labelClass.getConstructor(String.class).newInstance("UNKNOWN");
        Constructor<?> exampleConstructor = loader.loadClass("org.tribuo.impl.ArrayExample")
                .getConstructor(loader.loadClass("org.tribuo.Output"), String[].class, double[].class);
        Object example = exampleConstructor.newInstance(unknown, names, values);
        Object prediction = loader.loadClass("org.tribuo.Model")
                .getMethod("predict", loader.loadClass("org.tribuo.Example")).invoke(model, example);
        Object label = prediction.getClass().getMethod("getOutput").invoke(prediction);
        return new LabelPrediction((String) labelClass.getMethod("getLabel").invoke(label),
                (double) labelClass.getMethod("getScore").invoke(label));
    }

    /** The run (instance) provenance entries of a model loaded here, by key, as text. */
    public static String runProvenance(Object loadedModel, String key) throws ReflectiveOperationException {
        Object provenance = loadedModel.getClass().getMethod("getProvenance").invoke(loadedModel);
        Object run = provenance.getClass().getMethod("getInstanceProvenance").invoke(provenance);
        Map<?, ?> map = (Map<?, ?>) run.getClass().getMethod("getMap").invoke(run);
        Object entry = map.get(key);
        if (entry == null) {
            return null;
        }
        Method getValue = entry.getClass().getMethod("getValue");
        return String.valueOf(getValue.invoke(entry));
    }

    @Override
    public void close() throws java.io.IOException {
        loader.close();
    }

    /** The Tribuo, OLCUT and protobuf jars of this JVM's class path; never Rein's classes. */
    private static URL[] tribuoJars() {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.endsWith(".jar") && !name.contains("rein") && (name.startsWith("tribuo-")
                    || name.startsWith("olcut-") || name.startsWith("protobuf-java"))) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalStateException("no Tribuo jars on the class path: "
                    + System.getProperty("java.class.path"));
        }
        return urls.toArray(new URL[0]);
    }
}
