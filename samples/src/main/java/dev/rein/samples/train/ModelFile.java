package dev.rein.samples.train;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.tribuo.Model;

/**
 * Where {@code rein train --save} writes the model, checked before training and written so that no file is ever
 * lost: never over an input file, and through a temporary file beside the target that is moved into place in one
 * step, so that a full disk or a crash leaves the old file as it was.
 *
 * <pre>{@code
 * ModelFile target = ModelFile.check(Path.of("model.tribuo"), Map.of("--data", Path.of("train.csv")));
 * ...train...
 * target.write(model);   // model.tribuo is the old file or the new one, never half of one
 * }</pre>
 */
public final class ModelFile {
    private final Path target;

    private ModelFile(Path target) {
        this.target = target;
    }

    /**
     * Checks that {@code target} can take a model: it is none of {@code inputs} (option to file), not a folder, and
     * its folder (or the nearest one that exists) is writable.
     *
     * @throws UserInputException naming the problem and what would be valid
     */
    public static ModelFile check(Path target, Map<String, Path> inputs) {
        for (Map.Entry<String, Path> input : inputs.entrySet()) {
            if (input.getValue() != null && sameFile(target, input.getValue())) {
                throw new UserInputException("--save '" + target + "' is the file given to " + input.getKey()
                        + "; saving there would replace the data with a model. Choose another path, e.g. --save"
                        + " model.tribuo.");
            }
        }
        if (Files.isDirectory(target)) {
            throw new UserInputException("--save '" + target + "' is a folder; give a file path inside it, e.g. --save "
                    + target.resolve("model.tribuo") + ".");
        }
        if (Files.exists(target) && !Files.isWritable(target)) {
            throw new UserInputException("--save '" + target + "' exists and cannot be written; give a path you may"
                    + " write to.");
        }
        Path folder = existingFolder(target);
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw new UserInputException("--save '" + target + "' cannot be written: "
                    + (folder == null || !Files.isDirectory(folder) ? "no folder on its path exists or '" + folder
                    + "' is a file" : "the folder '" + folder + "' is not writable") + ". Give a path in a folder you"
                    + " may write to.");
        }
        return new ModelFile(target);
    }

    /** The path the model goes to. */
    public Path path() {
        return target;
    }

    /**
     * Writes {@code model} to a temporary file beside the target, then moves it over the target atomically, in
     * Tribuo's protobuf format: {@code Model.deserializeFromFile} loads it (a linear model with Tribuo alone; Rein's
     * network model with {@code rein-runtime} on the class path, and a layer from a plugin jar once that jar's folder
     * is given, e.g. with the {@code rein.plugins} system property).
     *
     * @throws UserInputException if writing fails; the target is then unchanged and no temporary file is left
     */
    public void write(Model<?> model) {
        Path parent = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempFile(parent, "." + target.getFileName() + ".", ".part");
            model.serializeToFile(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // The message below says what failed; a leftover .part file is harmless.
                }
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new UserInputException("Could not save the model to '" + target + "': " + why + ". "
                    + (Files.exists(target) ? "The file there was left as it was." : "Nothing was written.")
                    + " The results above are from the training that finished.", e);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException e) {
            // Fall through to comparing the paths.
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** The folder {@code target} would be written into, or the nearest ancestor of it that exists. */
    private static Path existingFolder(Path target) {
        Path folder = target.toAbsolutePath().normalize().getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        return folder;
    }
}
