package dev.rein.runtime.tribuo;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The messages a class's logger publishes while this is open, for tests of what a run says once.
 *
 * <pre>{@code
 * try (LogCapture log = LogCapture.of(ReplayEngine.class)) {
 *     ... train ...
 *     assertEquals(1, log.messages().size());
 * }
 * }</pre>
 */
final class LogCapture implements AutoCloseable {
    private final Logger logger;
    private final List<String> messages = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Logger logger) {
        this.logger = logger;
        logger.addHandler(handler);
    }

    static LogCapture of(Class<?> owner) {
        return new LogCapture(Logger.getLogger(owner.getName()));
    }

    List<String> messages() {
        return messages;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
