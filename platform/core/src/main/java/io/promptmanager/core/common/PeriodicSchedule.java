package io.promptmanager.core.common;

import java.time.Duration;

/**
 * When a service's background task runs: not at all until {@link #start}, then every interval
 * (see {@link PeriodicTask}) until {@link #close}. Starting again while running, or closing
 * twice, does nothing. Thread-safe.
 */
public final class PeriodicSchedule implements AutoCloseable {
    private final String name;
    private final Runnable task;
    private PeriodicTask running;

    public PeriodicSchedule(String name, Runnable task) {
        this.name = name;
        this.task = task;
    }

    public synchronized void start(Duration interval) {
        if (running == null) {
            running = PeriodicTask.start(name, interval, task);
        }
    }

    /** Stops the runs; one in progress finishes first (outside this object's lock). */
    @Override
    public void close() {
        PeriodicTask started;
        synchronized (this) {
            started = running;
            running = null;
        }
        if (started != null) {
            started.close();
        }
    }
}
