package io.promptmanager.core.execution;

import io.promptmanager.core.common.PeriodicTask;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends provider calls that outlive their time: a call runs on its caller's own thread and is
 * {@linkplain #watch watched}; one {@link PeriodicTask} looks over the watched calls every
 * {@link #SCAN_INTERVAL} and interrupts the thread of any call past its time. A call that ends
 * in time costs an add to and a remove from a concurrent set — no thread, no timer, no hand-off.
 */
public final class DeadlineWatchdog implements AutoCloseable {
    static final Duration SCAN_INTERVAL = Duration.ofMillis(100);

    private final Set<Watch> watched = ConcurrentHashMap.newKeySet();
    private final PeriodicTask scanner;

    private DeadlineWatchdog() {
        this.scanner = PeriodicTask.start("pm-deadline-watchdog", SCAN_INTERVAL, this::scan);
    }

    /** Starts the scanning thread; {@link #close} stops it. */
    public static DeadlineWatchdog start() {
        return new DeadlineWatchdog();
    }

    /**
     * Watches the calling thread until {@link Watch#finish}: past {@code abandonAt} (real time)
     * the thread is interrupted once and {@code onAbandon} runs first.
     */
    Watch watch(Instant abandonAt, Runnable onAbandon) {
        long nanosLeft = Duration.between(Instant.now(), abandonAt).toNanos();
        Watch watch = new Watch(Thread.currentThread(), System.nanoTime() + nanosLeft, onAbandon);
        watched.add(watch);
        return watch;
    }

    @Override
    public void close() {
        scanner.close();
    }

    private void scan() {
        long now = System.nanoTime();
        for (Watch watch : watched) {
            watch.abandonIfOverdue(now);
        }
    }

    /** One watched call. */
    final class Watch {
        private final Thread thread;
        private final long abandonAtNanos;
        private final Runnable onAbandon;
        private boolean finished;
        private boolean abandoned;

        private Watch(Thread thread, long abandonAtNanos, Runnable onAbandon) {
            this.thread = thread;
            this.abandonAtNanos = abandonAtNanos;
            this.onAbandon = onAbandon;
        }

        /**
         * Ends the watch, on the watched thread. Returns false when the call was abandoned: the
         * interrupt it received is cleared here, so it does not leak into what the thread does next.
         */
        synchronized boolean finish() {
            watched.remove(this);
            finished = true;
            if (abandoned) {
                Thread.interrupted();
                return false;
            }
            return true;
        }

        // Under the same lock as finish(): an interrupt is never delivered after the watch ended.
        private synchronized void abandonIfOverdue(long nowNanos) {
            if (finished || abandoned || nowNanos - abandonAtNanos < 0) {
                return;
            }
            abandoned = true;
            watched.remove(this);
            try {
                onAbandon.run();
            } finally {
                thread.interrupt(); // whatever the callback did, the overdue call is ended
            }
        }
    }
}
