package io.promptmanager.core.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A background task run every interval on its own daemon thread, from one interval after it
 * starts until it is closed. A run that throws is logged and the next one goes ahead as planned;
 * closing lets a run in progress finish (up to {@link #STOP_TIMEOUT}).
 */
public final class PeriodicTask implements AutoCloseable {
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(PeriodicTask.class.getName());

    private final String name;
    private final ScheduledExecutorService scheduler;

    private PeriodicTask(String name, Duration interval, Runnable task) {
        this.name = name;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name).factory());
        scheduler.scheduleWithFixedDelay(() -> runLogged(task), interval.toNanos(), interval.toNanos(),
                TimeUnit.NANOSECONDS);
    }

    /** Starts running {@code task} every {@code interval} on a thread named {@code name}. */
    public static PeriodicTask start(String name, Duration interval, Runnable task) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval of " + name + " must be positive");
        }
        return new PeriodicTask(name, interval, task);
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    // An exception escaping would cancel every later run.
    private void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, name + " failed; it runs again at its next interval", e);
        }
    }
}
