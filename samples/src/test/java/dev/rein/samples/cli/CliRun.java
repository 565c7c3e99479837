package dev.rein.samples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of {@code rein ...} inside the test JVM: exit code and both outputs. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ReinCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The last non-empty line of standard output. */
    String lastLine() {
        String[] lines = out.strip().split("\\R");
        return lines[lines.length - 1];
    }
}
