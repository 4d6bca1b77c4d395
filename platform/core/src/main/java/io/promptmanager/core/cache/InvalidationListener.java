package io.promptmanager.core.cache;

import io.promptmanager.core.db.Database;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Delivers database change notifications to this node's caches: one dedicated connection LISTENs
 * on every registered channel and a daemon thread polls it, handing each notification to the
 * channel's {@link InvalidationTarget}. When the connection fails, every target is suspended
 * (reads go to the database) and the listener reconnects with exponential backoff; once
 * listening again every target resumes from empty, since notifications sent meanwhile were lost.
 * Notifications come from {@code pg_notify} in application code or in triggers, and are
 * delivered when the writing transaction commits, to every node (the writer's included).
 */
public final class InvalidationListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InvalidationListener.class.getName());
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int POLL_MILLIS = 250;
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** Opens a connection outside the pool (a pooled one would drop its LISTEN when recycled). */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final Map<String, InvalidationTarget> targets;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    /** @param targets by channel name (lower-case letters, digits and underscores) */
    public InvalidationListener(Connector connector, Map<String, ? extends InvalidationTarget> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("nothing to listen for");
        }
        targets.keySet().forEach(channel -> {
            if (!CHANNEL.matcher(channel).matches()) {
                throw new IllegalArgumentException("not a channel name: " + channel);
            }
        });
        this.connector = connector;
        this.targets = new LinkedHashMap<>(targets);
    }

    /** Starts listening on the database's dedicated connections; close the result to stop. */
    public static InvalidationListener start(Database database, Map<String, ? extends InvalidationTarget> targets) {
        return new InvalidationListener(database::openDedicatedConnection, targets).start();
    }

    /** Starts the background thread (once); returns at once, see {@link #awaitListening}. */
    public synchronized InvalidationListener start() {
        if (thread == null) {
            running = true;
            thread = Thread.ofPlatform().daemon().name("pm-cache-invalidation-listener").start(this::run);
        }
        return this;
    }

    /** Waits until the first LISTEN is in place; false when that took longer than {@code timeout}. */
    public boolean awaitListening(Duration timeout) throws InterruptedException {
        return firstListen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** True while notifications are being received; false while reconnecting. */
    public boolean isListening() {
        return listening;
    }

    @Override
    public void close() {
        Thread started;
        synchronized (this) {
            running = false;
            started = thread;
        }
        if (started != null) {
            started.interrupt(); // cuts a reconnect backoff short; a poll returns within POLL_MILLIS anyway
            try {
                started.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (running) {
            try (Connection connection = connector.open()) {
                listen(connection);
                backoff = FIRST_BACKOFF;
                poll(connection);
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    break;
                }
                // suspended before it says so: whoever sees isListening() false finds every cache bypassed
                targets.values().forEach(InvalidationTarget::suspend);
                listening = false;
                long retryMillis = backoff.toMillis();
                LOG.warning(() -> "Caches lost their database notifications (" + e.getClass().getSimpleName()
                        + "); retrying in " + retryMillis + " ms, reading from the database meanwhile");
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        listening = false;
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String channel : targets.keySet()) {
                statement.execute("LISTEN " + channel);
            }
        }
        // Anything announced before these LISTENs was not received: start over from the database.
        targets.values().forEach(InvalidationTarget::resume);
        listening = true;
        if (firstListen.getCount() == 0) {
            LOG.info("Caches receive database notifications again");
        }
        firstListen.countDown();
    }

    private void poll(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                for (PGNotification notification : notifications) {
                    deliver(notification);
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > HEARTBEAT.toNanos()) {
                // A silent network loss never fails a wait for notifications; a round trip does.
                if (!connection.isValid(2)) {
                    throw new SQLException("listener connection is no longer valid");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void deliver(PGNotification notification) {
        InvalidationTarget target = targets.get(notification.getName());
        if (target == null) {
            return;
        }
        try {
            target.onNotification(notification.getParameter());
        } catch (RuntimeException e) {
            // a target that cannot apply a change must not keep what it may have missed
            LOG.log(Level.WARNING, "Cache of channel " + notification.getName() + " failed on a notification", e);
            target.resume();
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
