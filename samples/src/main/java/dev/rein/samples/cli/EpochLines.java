package dev.rein.samples.cli;

import dev.rein.runtime.tribuo.trainer.EpochListener;
import dev.rein.runtime.tribuo.trainer.EpochReport;
import java.io.PrintWriter;

/**
 * One line per epoch on standard error for {@code rein train --model mlp}: a bar of the epochs done, the mean
 * training loss, the stopping rule's validation metric when there is one, and the epoch's time.
 *
 * <pre>
 * epoch  3/10 [#########---------------------]  loss 0.4123  validation accuracy 0.8812  4.1 s
 * </pre>
 */
final class EpochLines implements EpochListener {
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private long last = System.nanoTime();

    EpochLines(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void epochEnded(EpochReport report) {
        long now = System.nanoTime();
        int filled = report.epoch() * WIDTH / report.maxEpochs();
        String digits = String.valueOf(report.maxEpochs());
        StringBuilder line = new StringBuilder(String.format("epoch %" + digits.length() + "d/%s [%s%s]  loss %.4f",
                report.epoch(), digits, "#".repeat(filled), "-".repeat(WIDTH - filled), report.trainingLoss()));
        report.validation().ifPresent(s -> line.append(String.format("  validation %s %.4f", s.metric(), s.value())));
        line.append(String.format("  %.1f s", (now - last) / 1e9));
        err.println(line);
        err.flush();
        last = now;
    }
}
