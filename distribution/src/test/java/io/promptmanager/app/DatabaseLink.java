package io.promptmanager.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The network between the platform and its PostgreSQL, which a test can break: a TCP relay that,
 * once armed, cuts the one connection on which the platform sends a given text (PostgreSQL's wire
 * protocol carries statement parameters as plain text when TLS is off). The platform then loses its
 * connection in the middle of a transaction, as it does when a network path or a database
 * failover drops it; the server rolls that transaction back.
 */
final class DatabaseLink implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress database;
    private final String jdbcUrl;
    private final AtomicReference<byte[]> cutOn = new AtomicReference<>();
    private final AtomicInteger cuts = new AtomicInteger();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();

    private DatabaseLink(String databaseUrl) throws IOException {
        URI address = URI.create(databaseUrl.substring("jdbc:".length()));
        this.database = new InetSocketAddress(address.getHost(), address.getPort() < 0 ? 5432 : address.getPort());
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        String query = address.getRawQuery();
        // TLS would hide the statements from the relay
        this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + address.getRawPath() + "?"
                + (query == null ? "" : query + "&") + "sslmode=disable";
        Thread.ofPlatform().daemon().name("database-link").start(this::accept);
    }

    /** A relay to the PostgreSQL of {@code databaseUrl} ({@code jdbc:postgresql://host:port/db?…}). */
    static DatabaseLink to(String databaseUrl) {
        try {
            return new DatabaseLink(databaseUrl);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL that reaches the database through this relay. */
    String jdbcUrl() {
        return jdbcUrl;
    }

    /** The next connection on which the platform sends {@code text} is cut before it reaches the database. */
    void cutTheConnectionThatSends(String text) {
        cutOn.set(text.getBytes(StandardCharsets.UTF_8));
    }

    /** How many connections were cut. */
    int cuts() {
        return cuts.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket platform = listener.accept();
                Socket server = new Socket(database.getAddress(), database.getPort());
                sockets.add(platform);
                sockets.add(server);
                Thread.ofPlatform().daemon().start(() -> relay(platform, server, true));
                Thread.ofPlatform().daemon().start(() -> relay(server, platform, false));
            } catch (IOException closed) {
                // the listener was closed, or the database refused: the platform sees a refused connection
            }
        }
    }

    private void relay(Socket from, Socket to, boolean watched) {
        byte[] buffer = new byte[16 * 1024];
        byte[] tail = new byte[0];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                byte[] marker = watched ? cutOn.get() : null;
                if (marker != null) {
                    byte[] window = concat(tail, buffer, read);
                    if (indexOf(window, marker) >= 0 && cutOn.compareAndSet(marker, null)) {
                        cuts.incrementAndGet();
                        break;
                    }
                    tail = Arrays.copyOfRange(window, Math.max(0, window.length - marker.length + 1), window.length);
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException closed) {
            // the other side went away
        } finally {
            close(from);
            close(to);
        }
    }

    private static byte[] concat(byte[] head, byte[] buffer, int length) {
        byte[] joined = Arrays.copyOf(head, head.length + length);
        System.arraycopy(buffer, 0, joined, head.length, length);
        return joined;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void close(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        sockets.forEach(this::close);
    }
}
