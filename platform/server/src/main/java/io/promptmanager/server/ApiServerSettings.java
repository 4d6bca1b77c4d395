package io.promptmanager.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the API listener is run.
 *
 * @param host                where to listen, e.g. {@code 0.0.0.0}
 * @param port                TCP port; 0 picks a free one (see {@link ApiServer#port()})
 * @param maxPayloadSize      largest request body accepted, in bytes; larger ones get 413
 * @param shutdownGracePeriod how long in-flight requests may take to finish at shutdown
 */
public record ApiServerSettings(String host, int port, long maxPayloadSize, Duration shutdownGracePeriod) {
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_PAYLOAD_SIZE = 1024 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_GRACE_PERIOD = Duration.ofSeconds(10);

    public ApiServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(shutdownGracePeriod, "shutdownGracePeriod");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("api.port must be between 0 and 65535, was " + port);
        }
        if (maxPayloadSize <= 0) {
            throw new IllegalArgumentException("api.max-payload-size must be positive, was " + maxPayloadSize);
        }
        if (shutdownGracePeriod.isNegative()) {
            throw new IllegalArgumentException("api.shutdown-grace-period must not be negative");
        }
    }

    /** All interfaces, port 8080, 1 MiB bodies, 10 s to finish in-flight requests. */
    public static ApiServerSettings defaults() {
        return new ApiServerSettings("0.0.0.0", DEFAULT_PORT, DEFAULT_MAX_PAYLOAD_SIZE, DEFAULT_SHUTDOWN_GRACE_PERIOD);
    }

    /** Loopback on a free port, for tests and tools. */
    public static ApiServerSettings loopbackOnFreePort() {
        return new ApiServerSettings("127.0.0.1", 0, DEFAULT_MAX_PAYLOAD_SIZE, DEFAULT_SHUTDOWN_GRACE_PERIOD);
    }

    public ApiServerSettings withPort(int newPort) {
        return new ApiServerSettings(host, newPort, maxPayloadSize, shutdownGracePeriod);
    }

    public ApiServerSettings withMaxPayloadSize(long bytes) {
        return new ApiServerSettings(host, port, bytes, shutdownGracePeriod);
    }

    public ApiServerSettings withShutdownGracePeriod(Duration period) {
        return new ApiServerSettings(host, port, maxPayloadSize, period);
    }
}
