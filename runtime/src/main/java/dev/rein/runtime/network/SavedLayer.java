package dev.rein.runtime.network;

import dev.rein.api.hook.NamedArray;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * A layer plugin as a model file keeps it: the spec term that made it (canonical, every parameter written out),
 * the hidden layer it follows, its arrays by name, and the jar it came from. Loading binds the term again against
 * the plugins at hand, so a layer from a plugin jar loads when that jar's folder is given.
 *
 * <pre>{@code
 * SavedLayer.of("batch_norm(momentum=0.99, epsilon=0.001)", 1, List.of(gamma, beta, runningMean, runningVariance),
 *         null);   // a built-in: no jar
 * }</pre>
 *
 * @param term     the canonical spec term, e.g. {@code "dropout(p=0.2)"}
 * @param position the hidden layer (from 1) the layer follows
 * @param names    the arrays' names
 * @param arrays   the arrays, copies, in the order of {@code names}
 * @param origin   the file name of the plugin jar the layer came from, or {@code null} (built in, class path, or a
 *                 model saved before origins were kept); only used to word the error when the plugin is missing
 */
record SavedLayer(String term, int position, String[] names, double[][] arrays, String origin)
        implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static SavedLayer of(String term, int position, List<NamedArray> arrays, String origin) {
        String[] names = new String[arrays.size()];
        double[][] values = new double[arrays.size()][];
        for (int i = 0; i < names.length; i++) {
            names[i] = arrays.get(i).name();
            values[i] = arrays.get(i).values().clone();
        }
        return new SavedLayer(term, position, names, values, origin);
    }

    /** The saved array called {@code name}, or null. */
    double[] array(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return arrays[i];
            }
        }
        return null;
    }
}
