package health.wearables.adapters.rest.out.provider;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records what reaches {@code java.util.logging} (where {@link System.Logger} goes by default) below a logger name,
 * at every level, while open.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger logger;
    private final Level previousLevel;
    private final List<LogRecord> records = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    private LogCapture(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
        this.previousLevel = logger.getLevel();
        setLevel(Level.ALL);
        logger.setLevel(Level.ALL);
        logger.addHandler(this);
    }

    static LogCapture of(Class<?> type) {
        return new LogCapture(type.getName());
    }

    /** Everything, from the root logger down: the JDK, Nimbus, us. */
    static LogCapture everything() {
        return new LogCapture("");
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    synchronized List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Each record as a log file would show it: message with parameters, and any stack trace. */
    synchronized List<String> lines() {
        return records.stream().map(formatter::format).toList();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previousLevel);
    }
}
