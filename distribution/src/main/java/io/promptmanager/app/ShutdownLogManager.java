package io.promptmanager.app;

import java.util.logging.LogManager;

/**
 * Keeps logging alive while the platform shuts down. The JDK's LogManager resets (closes every
 * handler) in its own shutdown hook, racing ours, so the messages of an orderly shutdown were
 * lost. Installed with {@code -Djava.util.logging.manager}; {@link #resetAfterShutdown()} runs
 * last.
 */
public final class ShutdownLogManager extends LogManager {
    private volatile boolean shuttingDown;

    @Override
    public void reset() {
        if (!shuttingDown) {
            super.reset();
        }
    }

    /** From now on the JDK's shutdown reset is ignored. */
    void holdUntilShutdownCompletes() {
        shuttingDown = true;
    }

    void resetAfterShutdown() {
        shuttingDown = false;
        super.reset();
    }

    /** The installed manager, if the launcher installed this one. */
    static java.util.Optional<ShutdownLogManager> installed() {
        return LogManager.getLogManager() instanceof ShutdownLogManager manager
                ? java.util.Optional.of(manager) : java.util.Optional.empty();
    }
}
