package dev.rein.samples.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar on standard error, drawn only when Rein runs on a terminal; when output goes to a
 * file or a pipe, {@link #forTerminal} returns a bar that prints nothing.
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.forTerminal(err, "training")) {
 *     for (int i = 0; i < n; i++) { ...; bar.update((i + 1) / (double) n); }
 * }
 * }</pre>
 */
class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final String label;
    private long lastDraw;
    private int lastPercent = -1;

    ProgressBar(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    /** A bar on {@code err} when the JVM has a console, otherwise a silent one. */
    static ProgressBar forTerminal(PrintWriter err, String label) {
        return System.console() != null ? new ProgressBar(err, label) : new Silent();
    }

    /** Shows {@code fraction} (0 to 1) done; redraws at most ten times a second. */
    void update(double fraction) {
        int percent = (int) Math.round(100 * Math.max(0, Math.min(1, fraction)));
        long now = System.nanoTime();
        if (percent == lastPercent || (now - lastDraw < REDRAW_NANOS && percent < 100)) {
            return;
        }
        lastDraw = now;
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + percent + "%");
        err.flush();
    }

    @Override
    public void close() {
        if (lastPercent >= 0) {
            err.print("\r" + " ".repeat(label.length() + WIDTH + 8) + "\r");
            err.flush();
        }
    }

    /** Prints nothing: output is not a terminal. */
    private static final class Silent extends ProgressBar {
        Silent() {
            super(null, "");
        }

        @Override
        void update(double fraction) {
        }

        @Override
        public void close() {
        }
    }
}
