package health.wearables.adapters.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records everything that reaches {@code java.util.logging} from the root logger down, while open: where
 * {@link System.Logger} goes by default, and where HAPI's SLF4J logging goes through slf4j-jdk14, as on Liberty.
 */
final class LogCapture extends Handler implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final List<LogRecord> records = new ArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();

    LogCapture() {
        setLevel(Level.ALL);
        root.addHandler(this);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (isLoggable(record)) {
            records.add(record);
        }
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
        root.removeHandler(this);
    }
}
