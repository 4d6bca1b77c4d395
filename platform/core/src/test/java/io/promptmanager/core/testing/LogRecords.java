package io.promptmanager.core.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every java.util.logging record of every logger, at every level, while open (PF4J's SLF4J
 * output included, through slf4j-jdk14). Close it to restore the levels.
 */
public final class LogRecords extends Handler implements AutoCloseable {
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger PLATFORM = Logger.getLogger("io.promptmanager");

    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<LogRecord> records = new ArrayList<>();
    private final Level rootLevel = ROOT.getLevel();
    private final Level platformLevel = PLATFORM.getLevel();
    private final Map<Handler, Level> consoleLevels = new HashMap<>();

    private LogRecords() {
        // the console keeps showing what it showed before; only this handler sees everything
        for (Handler handler : ROOT.getHandlers()) {
            consoleLevels.put(handler, handler.getLevel());
            if (rootLevel != null && handler.getLevel().intValue() < rootLevel.intValue()) {
                handler.setLevel(rootLevel);
            }
        }
        setLevel(Level.ALL);
        ROOT.setLevel(Level.ALL);
        PLATFORM.setLevel(Level.ALL);
        ROOT.addHandler(this);
    }

    public static LogRecords capture() {
        return new LogRecords();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    public synchronized List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Records at {@code level} or above. */
    public List<LogRecord> atLeast(Level level) {
        return records().stream().filter(r -> r.getLevel().intValue() >= level.intValue()).toList();
    }

    /** The formatted message of a record (parameters filled in). */
    public String message(LogRecord record) {
        return formatter.formatMessage(record);
    }

    /** Everything captured, as an operator's log file would show it (with stack traces). */
    public String text() {
        StringBuilder text = new StringBuilder();
        records().forEach(r -> text.append(formatter.format(r)));
        return text.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        ROOT.removeHandler(this);
        consoleLevels.forEach(Handler::setLevel);
        ROOT.setLevel(rootLevel);
        PLATFORM.setLevel(platformLevel);
    }
}
