package dev.rein.samples.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.classification.Label;

/**
 * An estimate, made before training allocates anything, of the memory a linear model and its training need, so that
 * a size that cannot work (a million features times ten thousand classes) is refused with the numbers instead of
 * ending in an {@code OutOfMemoryError} minutes later.
 *
 * <pre>{@code
 * ModelSize size = ModelSize.of(train, settings, false);
 * size.bytes();                     // 8 bytes x classes x (features + 1) x copies
 * size.check(Runtime.getRuntime()); // UserInputException when it does not fit in what -Xmx leaves
 * }</pre>
 *
 * <p>The copies of the weight matrix counted: the weights and the model built from them; the optimiser's own state
 * (none for SGD and Pegasos, one for AdaGrad and RMSProp, two for Adam, AdaGrad-RDA and AdaDelta); the gradients of a
 * mini-batch when the examples are dense (Tribuo keeps one matrix per example of the batch), else one; one for Rein's
 * bookkeeping when there is a regularization; two for a stopping rule (the best epoch's weights and the model that
 * scores an epoch). An estimate, on the safe side.
 *
 * @param classes  the labels of the training data
 * @param features the distinct features of the training data
 * @param copies   the copies of the weight matrix training holds at once
 * @param detail   what the copies are, in words
 */
public record ModelSize(int classes, int features, int copies, String detail) {
    private static final long BYTES_PER_WEIGHT = Double.BYTES;

    /** The estimate for training on {@code train} with {@code settings}. */
    public static ModelSize of(Dataset<Label> train, TrainingSettings settings, boolean stoppingRule) {
        int features = train.getFeatureIDMap().size();
        List<String> parts = new ArrayList<>(List.of("the weights", "the model"));
        int copies = 2;
        int state = optimiserState(settings.optimiser());
        if (state > 0) {
            copies += state;
            parts.add(settings.optimiser().cliName() + "'s state (" + state + ")");
        }
        int gradients = isDense(train, features) ? settings.batchSize() : 1;
        copies += gradients;
        parts.add(gradients == 1 ? "a gradient" : "the gradients of a mini-batch of dense examples (" + gradients
                + ")");
        copies += 1;
        parts.add("Rein's bookkeeping");
        if (stoppingRule) {
            copies += 2;
            parts.add("the best epoch's weights and a scoring model (2)");
        }
        return new ModelSize(train.getOutputIDInfo().size(), features, copies, String.join(", ", parts));
    }

    /** The weights of one copy: a row of {@code features + 1} (the bias) per class. */
    public long weights() {
        return (long) classes * (features + 1L);
    }

    /** The bytes all copies need. */
    public long bytes() {
        return weights() * copies * BYTES_PER_WEIGHT;
    }

    /** As {@link #check(long, long)} with this JVM's limit ({@code -Xmx}) and what it uses now. */
    public void check(Runtime runtime) {
        check(runtime.maxMemory(), runtime.totalMemory() - runtime.freeMemory());
    }

    /**
     * Refuses a model that does not fit in {@code maxMemory - usedMemory}.
     *
     * @throws UserInputException naming the size, the limit and what to do
     */
    public void check(long maxMemory, long usedMemory) {
        long available = maxMemory - usedMemory;
        if (bytes() <= available) {
            return;
        }
        long suggest = (long) Math.ceil((bytes() + usedMemory) * 1.25 / (1L << 30));
        throw new UserInputException(String.format(Locale.ROOT, "The model would not fit in memory: %,d classes x"
                + " %,d weights (%,d features and a bias) is %,d weights; training holds %d copies at once (%s), about"
                + " %s, but this JVM may use at most %s (its -Xmx limit), of which %s are left after loading the"
                + " data. Give Java more memory (e.g. java -Xmx%dg -jar rein-cli.jar ..., or"
                + " JDK_JAVA_OPTIONS=-Xmx%dg ./rein ...), or use fewer classes or features.", classes, features + 1L,
                features, weights(), copies, detail, bytesInWords(bytes()), bytesInWords(maxMemory),
                bytesInWords(Math.max(0, available)), suggest, suggest));
    }

    /** {@code 1536} as {@code "1.5 KB"}, in powers of 1024 as {@code -Xmx} counts. */
    static String bytesInWords(long bytes) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private static int optimiserState(OptimiserChoice choice) {
        switch (choice) {
            case ADAGRAD:
            case RMSPROP:
                return 1;
            case ADAM:
            case ADAGRAD_RDA:
            case ADADELTA:
                return 2;
            default:
                return 0;
        }
    }

    /** Whether the examples hold most features each, so that Tribuo's per-example gradients are dense matrices. */
    private static boolean isDense(Dataset<Label> train, int features) {
        long present = 0;
        for (Example<Label> example : train) {
            present += example.size();
        }
        return train.size() > 0 && present / (double) train.size() > features / 2.0;
    }
}
