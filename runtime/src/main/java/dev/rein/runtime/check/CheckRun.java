package dev.rein.runtime.check;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs the checks of one {@link PluginChecker#check} call, each on a thread of its own with a time limit, so that a
 * plugin that never returns (an endless loop in its gradient) fails that check instead of hanging the checker. Once
 * a check has run out of time, the plugin is taken to be stuck and the checks after it are failed without being
 * started.
 *
 * <pre>{@code
 * CheckRun run = new CheckRun(Duration.ofSeconds(10));
 * run.guard("gradient matches finite differences", this::gradient);
 * // FAIL  [check-gradient] gradient matches finite differences: did not return within 10 s; ...
 * }</pre>
 *
 * <p>Java cannot stop a thread that does not listen: a stuck check keeps its thread (a daemon, named after the
 * check, interrupted once) until the JVM ends. A plugin's exception fails its check (as the check's own guard
 * would); a JVM error other than a stack overflow is rethrown.
 */
final class CheckRun {
    private final Duration limit;
    private String stuckIn;

    /** @param limit how long each check may take */
    CheckRun(Duration limit) {
        this.limit = limit;
    }

    /** Runs {@code check} within the time limit; an exception the plugin throws fails the check. */
    CheckResult guard(String name, Supplier<CheckResult> check) {
        if (stuckIn != null) {
            return CheckResult.fail(name, CheckMessages.notStarted(stuckIn));
        }
        FutureTask<CheckResult> task = new FutureTask<>(() -> PluginChecker.guard(name, check));
        Thread thread = new Thread(task, "rein-check: " + name);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(limit.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            stuckIn = name;
            thread.interrupt();
            return CheckResult.fail(name, CheckMessages.timedOut(limit));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.interrupt();
            return CheckResult.fail(name, CheckMessages.interrupted());
        } catch (ExecutionException e) {
            // PluginChecker.guard catches what a plugin throws; what is left is a JVM error.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Whether a check ran out of time, so that the plugin is taken to be stuck. */
    boolean stuck() {
        return stuckIn != null;
    }
}
