package io.promptmanager.plugins.openaiwire;

import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The socket timeout of one exchange, set before every blocking read: the read timeout, or the
 * time left to the call's deadline when that is shorter. So a silent server fails a read at
 * whichever comes first, and a server that keeps trickling is stopped at the deadline by the check
 * between reads ({@link #beforeRead}) — with no timer or thread per request. One thread.
 */
final class ReadTimeouts {
    /** The context attribute {@link DeadlineRequestExecutor} finds it under. */
    static final String ATTRIBUTE = ReadTimeouts.class.getName();

    // In milliseconds, as socket timeouts are: the check before every read allocates nothing.
    private final long readTimeoutMillis;
    private final long deadlineMillis;
    private final Clock clock;
    private HttpClientConnection connection;
    private long socketTimeoutMillis = -1;
    private boolean deadlineFirst;

    ReadTimeouts(Duration readTimeout, Instant deadline, Clock clock) {
        this.readTimeoutMillis = readTimeout.toMillis();
        this.deadlineMillis = deadline.toEpochMilli();
        this.clock = clock;
    }

    Duration readTimeout() {
        return Duration.ofMillis(readTimeoutMillis);
    }

    /** True when the last wait was cut short by the deadline rather than the read timeout. */
    boolean deadlineFirst() {
        return deadlineFirst;
    }

    /** The time left before the deadline; zero or negative once it has passed. */
    Duration left() {
        return Duration.ofMillis(deadlineMillis - clock.millis());
    }

    /**
     * The connection the exchange runs on, as it is about to send the request.
     *
     * @return false when the deadline has already passed (nothing should be sent)
     */
    boolean bind(HttpClientConnection connection) throws IOException {
        this.connection = connection;
        this.socketTimeoutMillis = -1;
        return beforeRead();
    }

    /**
     * Bounds the next blocking read.
     *
     * @return false when the deadline has already passed (nothing should be read)
     */
    boolean beforeRead() throws IOException {
        return beforeRead(Long.MAX_VALUE);
    }

    /** Like {@link #beforeRead()}, waiting {@code mostMillis} at the most. */
    boolean beforeRead(long mostMillis) throws IOException {
        long left = deadlineMillis - clock.millis();
        deadlineFirst = left <= readTimeoutMillis;
        long wait = Math.min(deadlineFirst ? left : readTimeoutMillis, mostMillis);
        if (wait <= 0) {
            return false;
        }
        if (wait != socketTimeoutMillis && connection != null) {
            connection.setSocketTimeout(Timeout.ofMilliseconds(wait));
            socketTimeoutMillis = wait;
        }
        return true;
    }
}
