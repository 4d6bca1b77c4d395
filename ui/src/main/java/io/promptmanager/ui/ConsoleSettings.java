package io.promptmanager.ui;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the console listens ({@code console.*} in the configuration).
 *
 * @param host                 interface to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port                 TCP port; 0 picks a free one (see {@link ConsoleServer#port()})
 * @param shutdownGrace        how long {@link ConsoleServer#close()} lets in-flight requests finish
 * @param sessionTimeout       idle time after which a browser session ends
 * @param trustForwardedHeaders honour {@code Forwarded}/{@code X-Forwarded-*} headers (client address,
 *                             scheme); only behind a reverse proxy that sets them
 */
public record ConsoleSettings(String host, int port, Duration shutdownGrace, Duration sessionTimeout,
                              boolean trustForwardedHeaders) {
    public static final int DEFAULT_PORT = 8081;

    public ConsoleSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("console.host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("console.port must be between 0 and 65535, not " + port);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("console.shutdown-grace must not be negative");
        }
        if (sessionTimeout.toSeconds() < 60) {
            throw new IllegalArgumentException("console.session-timeout must be at least one minute");
        }
    }

    /** All interfaces, port 8081, 5 s grace, 30 min sessions, no proxy headers. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings("0.0.0.0", DEFAULT_PORT, Duration.ofSeconds(5), Duration.ofMinutes(30), false);
    }

    /** The defaults on the loopback interface and a random free port: for tests. */
    public static ConsoleSettings loopbackRandomPort() {
        return new ConsoleSettings("127.0.0.1", 0, Duration.ofSeconds(1), Duration.ofMinutes(30), false);
    }

    public ConsoleSettings withPort(int newPort) {
        return new ConsoleSettings(host, newPort, shutdownGrace, sessionTimeout, trustForwardedHeaders);
    }
}
