package dev.rein.samples.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The benchmark drivers that {@code benchmarks/run.sh} calls; each writes JSON lines for
 * {@code benchmarks/report.py}.
 *
 * <pre>{@code
 * java -cp ... dev.rein.samples.bench.BenchCli fashion --dir /usr/share/datasets/fashion-mnist --limit 20000 \
 *      --out-prefix benchmarks/.cache/fashion-20000
 * java -cp ... dev.rein.samples.bench.BenchCli sparse --out-prefix benchmarks/.cache/sparse-100000
 * java -cp ... dev.rein.samples.bench.BenchCli train --task dense --train a.libsvm --test b.libsvm \
 *      --spec none --spec "l2(lambda=1e-4)" --reps 5 --out results.jsonl
 * java -cp ... dev.rein.samples.bench.BenchCli objective --train bin.libsvm --test bin-test.libsvm \
 *      --lambda 1e-4 --weights rein=rein.weights --weights sklearn=sk.weights --liblinear liblinear=l2.model
 * }</pre>
 *
 * <p>Bad input ends with one line on standard error and exit code 1.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark drivers: prepare data, time Rein's training, compute the binary objective.",
        subcommands = {FashionCommand.class, SparseCommand.class, TrainBenchCommand.class, ObjectiveCommand.class,
                ProductsCommand.class, NetworkBenchCommand.class,
                HelpCommand.class})
public final class BenchCli {
    private BenchCli() {
    }

    public static void main(String[] args) {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        Logger.getLogger("com.oracle.labs.mlrg.olcut").setLevel(Level.WARNING);
        Logger.getLogger("dev.ludovic.netlib").setLevel(Level.SEVERE);   // "VectorBLAS not loaded", every run
        CommandLine cli = new CommandLine(BenchCli.class);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("bench: error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            commandLine.getErr().flush();
            return 1;
        });
        System.exit(cli.execute(args));
    }

    /** Appends one JSON line to {@code file} (created with its folders if missing) and echoes it to {@code out}. */
    static void appendLine(Path file, String json, PrintWriter out) {
        out.println(json);
        out.flush();
        if (file == null) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, json + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to '" + file + "': " + e.getMessage(), e);
        }
    }
}
