package io.promptmanager.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records everything logged through java.util.logging while open (messages and stack traces, as
 * an operator's log file would show them): INFO and above everywhere, everything from the
 * platform's own packages.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger PLATFORM = Logger.getLogger("io.promptmanager");

    private final SimpleFormatter formatter = new SimpleFormatter();
    private final List<String> lines = new ArrayList<>();
    private final Level rootLevel = ROOT.getLevel();
    private final Level platformLevel = PLATFORM.getLevel();

    private LogCapture() {
        setLevel(Level.ALL);
        ROOT.setLevel(Level.INFO);
        PLATFORM.setLevel(Level.ALL);
        ROOT.addHandler(this);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    @Override
    public synchronized void publish(LogRecord record) {
        lines.add(formatter.format(record));
    }

    /** Everything captured so far, one formatted record after the other. */
    public synchronized String text() {
        return String.join("", lines);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        ROOT.removeHandler(this);
        ROOT.setLevel(rootLevel);
        PLATFORM.setLevel(platformLevel);
    }
}
