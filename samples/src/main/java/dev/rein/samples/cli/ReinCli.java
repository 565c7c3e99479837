package dev.rein.samples.cli;

import dev.rein.samples.train.UserInputException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code rein} command: the entry point of the command line.
 *
 * <pre>{@code
 * rein list --plugins ./plugins
 * rein describe l2
 * rein check cauchy --plugins ./plugins
 * rein train --data train.libsvm --test test.libsvm --spec "l1(lambda=1e-5) + max_norm(c=3)" --json
 * rein sweep --data train.csv --spec "l1(lambda=1e-6..1e-1 log 12)" --folds 5
 * rein demo
 * }</pre>
 *
 * <p>Bad input (a wrong spec, a missing or malformed data file, an unknown plugin) ends with a one-paragraph
 * message on standard error and exit code 1, with no stack trace unless {@code --verbose}; so does a JVM error that
 * escapes (out of memory, {@link JvmErrors}). A wrong option ends with picocli's usage message and exit code 2.
 * Every subcommand prints its own help with {@code --help} ({@code rein train --help}). Tribuo's own log lines
 * (warnings included) appear only with {@code --verbose}.
 */
@Command(name = "rein", mixinStandardHelpOptions = true, version = "rein 0.1.0",
        description = "Regularization plugins for Tribuo: list, describe and check them, train with them.",
        subcommands = {ListCommand.class, DescribeCommand.class, CheckCommand.class, TrainCommand.class,
                DemoCommand.class, SweepCommand.class, CompareCommand.class, MergeCommand.class, HelpCommand.class})
public final class ReinCli {
    private ReinCli() {
    }

    /** Held so that the levels set on them outlive a garbage collection (the logging API keeps loggers weakly). */
    /** The runtime's loggers' parent: its warnings go to the command's error stream as lines (see WarningLines). */
    private static final Logger REIN = Logger.getLogger("dev.rein");
    private static final Logger[] QUIETED = {Logger.getLogger("org.tribuo"),
            Logger.getLogger("com.oracle.labs.mlrg.olcut"), Logger.getLogger("dev.ludovic.netlib")};

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs {@code rein args...} writing to the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        quietTribuoLogging(verbose);
        CommandLine cli = new CommandLine(ReinCli.class);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getOut().flush();
            commandLine.getErr().println("error: " + messageOf(e));
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            } else if (!isUserError(e)) {
                commandLine.getErr().println("(run again with --verbose for the stack trace)");
            }
            commandLine.getErr().flush();
            return 1;
        });
        int code;
        Handler warnings = new WarningLines(err);
        REIN.addHandler(warnings);
        REIN.setUseParentHandlers(false);
        try {
            code = cli.execute(args);
        } catch (Error e) {
            // picocli hands exceptions to the handler above; a JVM error passes it by.
            out.flush();
            err.println("error: " + JvmErrors.describe(e, Runtime.getRuntime().maxMemory()));
            if (verbose) {
                e.printStackTrace(err);
            }
            code = 1;
        } finally {
            REIN.removeHandler(warnings);
            REIN.setUseParentHandlers(true);
        }
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Rein's own warnings (a replayed catch-up, a penalty that is not reproducible, ...), logged by the runtime, as
     * the command line's other warnings are written: {@code warning: [tag] ...} on one line, not the logger's
     * two-line default with a timestamp and a class name.
     */
    private static final class WarningLines extends Handler {
        private final PrintWriter err;

        WarningLines(PrintWriter err) {
            this.err = err;
            setLevel(Level.WARNING);
        }

        @Override
        public void publish(LogRecord record) {
            if (isLoggable(record)) {
                err.println((record.getLevel().intValue() >= Level.SEVERE.intValue() ? "error: " : "warning: ")
                        + record.getMessage());
                err.flush();
            }
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            flush();
        }
    }

    /** Errors about the user's input, whose message says it all. */
    private static boolean isUserError(Throwable e) {
        return e instanceof UserInputException || e instanceof IllegalArgumentException;
    }

    private static String messageOf(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return isUserError(e) ? message : e.getClass().getSimpleName() + ": " + message;
    }

    /**
     * Tribuo logs every training run at INFO and some things it works around at WARNING; the command line prints its
     * own summary and warnings instead, so Tribuo's and OLCUT's own lines appear only with {@code --verbose}; so do
     * netlib's, which warns when it falls back from one BLAS to the next (its pure-Java vector BLAS needs
     * {@code --add-modules jdk.incubator.vector}).
     */
    private static void quietTribuoLogging(boolean verbose) {
        for (Logger logger : QUIETED) {
            logger.setLevel(verbose ? Level.INFO : Level.SEVERE);
        }
    }
}
