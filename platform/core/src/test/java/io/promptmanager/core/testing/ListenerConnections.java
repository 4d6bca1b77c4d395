package io.promptmanager.core.testing;

import io.promptmanager.core.cache.InvalidationListener;
import io.promptmanager.core.db.Database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dedicated connections of an {@link InvalidationListener} under test: remembers their
 * backends so a test can cut the current one, and (when gated) lets the listener reconnect only
 * when the test allows it.
 */
public final class ListenerConnections implements InvalidationListener.Connector {
    private final Database database;
    private final Semaphore reconnectGate;
    private final AtomicInteger opened = new AtomicInteger();
    private final List<Integer> backends = new CopyOnWriteArrayList<>();

    private ListenerConnections(Database database, Semaphore reconnectGate) {
        this.database = database;
        this.reconnectGate = reconnectGate;
    }

    /** Connections opened whenever the listener asks. */
    public static ListenerConnections open(Database database) {
        return new ListenerConnections(database, null);
    }

    /** The first connection at once; each later one only after {@link #allowReconnect()}. */
    public static ListenerConnections gated(Database database) {
        return new ListenerConnections(database, new Semaphore(0));
    }

    @Override
    public Connection open() throws SQLException {
        if (opened.getAndIncrement() > 0 && reconnectGate != null) {
            try {
                reconnectGate.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted");
            }
        }
        Connection connection = database.openDedicatedConnection();
        try (Statement statement = connection.createStatement();
             ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            backends.add(pid.getInt(1));
        }
        return connection;
    }

    /** Ends the current connection's backend, as a network loss or a database restart would. */
    public void cutCurrent() {
        database.dbClient().execute().get("SELECT pg_terminate_backend(?) AS done", backends.getLast());
    }

    public void allowReconnect() {
        reconnectGate.release();
    }
}
