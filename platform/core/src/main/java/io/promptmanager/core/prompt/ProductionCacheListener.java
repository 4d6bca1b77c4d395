package io.promptmanager.core.prompt;

import io.promptmanager.core.db.Database;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Applies other nodes' PRODUCTION changes to this node's {@link ProductionCache}: one dedicated
 * connection LISTENs on {@link ProductionCache#CHANNEL} and a daemon thread polls it. When the
 * connection fails, the cache is bypassed (every read goes to the database) and the listener
 * reconnects with exponential backoff; once listening again it starts from an empty cache, since
 * notifications sent meanwhile were lost.
 */
public final class ProductionCacheListener implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ProductionCacheListener.class.getName());
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
    private final ProductionCache cache;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public ProductionCacheListener(Connector connector, ProductionCache cache) {
        this.connector = connector;
        this.cache = cache;
    }

    /** Starts listening on the database's dedicated connections; close the result to stop. */
    public static ProductionCacheListener start(Database database, ProductionCache cache) {
        return new ProductionCacheListener(database::openDedicatedConnection, cache).start();
    }

    /** Starts the background thread (once); returns at once, see {@link #awaitListening}. */
    public synchronized ProductionCacheListener start() {
        if (thread == null) {
            running = true;
            thread = Thread.ofPlatform().daemon().name("pm-production-cache-listener").start(this::run);
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
                listening = false;
                cache.suspend();
                long retryMillis = backoff.toMillis();
                LOG.warning(() -> "Production cache lost its database notifications ("
                        + e.getClass().getSimpleName() + "); retrying in " + retryMillis
                        + " ms, reading from the database meanwhile");
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        listening = false;
    }

    private void listen(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + ProductionCache.CHANNEL);
        }
        // Anything announced before this LISTEN was not received: start over from the database.
        cache.resume();
        listening = true;
        if (firstListen.getCount() == 0) {
            LOG.info("Production cache receives database notifications again");
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
                    cache.onNotification(notification.getParameter());
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

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
