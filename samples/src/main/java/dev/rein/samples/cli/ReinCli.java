package dev.rein.samples.cli;

import dev.rein.samples.train.UserInputException;
import java.io.PrintWriter;
import java.util.logging.Level;
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
 * rein demo
 * }</pre>
 *
 * <p>Bad input (a wrong spec, a missing or malformed data file, an unknown plugin) ends with a one-paragraph
 * message on standard error and exit code 1, with no stack trace unless {@code --verbose}; a wrong option ends
 * with picocli's usage message and exit code 2.
 */
@Command(name = "rein", mixinStandardHelpOptions = true, version = "rein 0.1.0",
        description = "Regularization plugins for Tribuo: list, describe and check them, train with them.",
        subcommands = {ListCommand.class, DescribeCommand.class, CheckCommand.class, TrainCommand.class,
                DemoCommand.class, HelpCommand.class})
public final class ReinCli {
    private ReinCli() {
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs {@code rein args...} writing to the given streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        quietTribuoLogging(verbose);
        CommandLine cli = new CommandLine(ReinCli.class);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + messageOf(e));
            if (verbose) {
                e.printStackTrace(commandLine.getErr());
            } else if (!isUserError(e)) {
                commandLine.getErr().println("(run again with --verbose for the stack trace)");
            }
            commandLine.getErr().flush();
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
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

    /** Tribuo logs every training run at INFO; the command line prints its own summary instead. */
    private static void quietTribuoLogging(boolean verbose) {
        Logger.getLogger("org.tribuo").setLevel(verbose ? Level.INFO : Level.WARNING);
        Logger.getLogger("com.oracle.labs.mlrg.olcut").setLevel(verbose ? Level.INFO : Level.WARNING);
    }
}
