package dev.rein.samples.plot;

import dev.rein.samples.train.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * The folder {@code --plots DIR} names: checked (created if missing, and written to once) before any data is read or
 * any training starts, so that a folder that cannot take the pictures costs nothing; then each chart goes in as
 * {@code NAME.png} and {@code NAME.svg}.
 *
 * <pre>{@code
 * ChartFolder plots = ChartFolder.check(Path.of("plots"), "--plots");   // UserInputException if not writable
 * ...train...
 * plots.write(chart, "regularization-path");   // plots/regularization-path.png and .svg
 * }</pre>
 */
public final class ChartFolder {
    private final Path folder;

    private ChartFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * Creates {@code folder} if it is missing and checks that a file can be written in it.
     *
     * @param option the option that named it, for messages
     * @throws UserInputException naming the folder, why it cannot be written, and what to do
     */
    public static ChartFolder check(Path folder, String option) {
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new UserInputException(option + " '" + folder + "' is a file, not a folder; give a folder for the"
                    + " pictures (it is created if missing), e.g. " + option + " plots.");
        }
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".rein-plots-", ".probe");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new UserInputException(option + " '" + folder + "' cannot be written: " + reason(e) + ". Give a"
                    + " folder you may write to; nothing was trained.", e);
        }
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");   // a server has no screen; drawing needs none
        }
        return new ChartFolder(folder);
    }

    /** The folder. */
    public Path path() {
        return folder;
    }

    /**
     * Writes {@code chart} as {@code name.png} and {@code name.svg}; returns both paths.
     *
     * @throws UserInputException if a file cannot be written (a full disk, say)
     */
    public List<Path> write(Chart<?, ?> chart, String name) {
        Path png = folder.resolve(name + ".png");
        Path svg = folder.resolve(name + ".svg");
        try {
            BitmapEncoder.saveBitmapWithDPI(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG, 144);
            VectorGraphicsEncoder.saveVectorGraphic(chart, svg.toString(),
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UserInputException("Could not write the chart " + name + " into '" + folder + "': " + reason(e)
                    + ". The results above are complete; only the picture is missing.", e);
        }
        return new ArrayList<>(List.of(png, svg));
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + " "
                + e.getMessage();
    }
}
