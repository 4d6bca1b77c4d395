package io.promptmanager.plugins.openai;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local OpenAI-compatible server on a random loopback port, under {@code /v1}: each path answers the
 * replies queued for it in order (the last one again once the queue is down to it); every
 * request is recorded. {@code GET /models} answers the documented model list unless told otherwise.
 */
final class FakeOpenAi implements AutoCloseable {
    static final String API = "/v1";

    /** One answer. */
    @FunctionalInterface
    interface Reply {
        void send(HttpExchange exchange, FakeOpenAi fake) throws IOException;
    }

    /** A request as received. */
    record Recorded(String method, String path, Headers headers, String body) {
        String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, Deque<Reply>> replies = new HashMap<>();
    private final List<Recorded> requests = new ArrayList<>();

    FakeOpenAi() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        replies("/models", json(200, Fixtures.text("models.json")));
        server.start();
    }

    /** The base URL to configure, e.g. {@code http://127.0.0.1:41234/v1}. */
    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + API);
    }

    /** Replaces the replies of {@code path} (relative to /v1). */
    synchronized FakeOpenAi replies(String path, Reply... answers) {
        replies.put(path, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    /** The requests received on {@code path} (relative to /v1), oldest first. */
    synchronized List<Recorded> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Every request received, oldest first. */
    synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    static Reply json(int status, String body, String... headerPairs) {
        return (exchange, fake) -> {
            headers(exchange, headerPairs);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    /** A 200 text/event-stream answer, written in one go. */
    static Reply sse(String body) {
        return sse(List.of(body), Duration.ZERO, false);
    }

    /**
     * A 200 text/event-stream answer written in {@code parts}, flushed one by one with a pause
     * between them; when {@code hangAfter}, the connection then stays open without a byte more.
     */
    static Reply sse(List<String> parts, Duration pause, boolean hangAfter) {
        return (exchange, fake) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (String part : parts) {
                out.write(part.getBytes(StandardCharsets.UTF_8));
                out.flush();
                fake.pause(pause);
            }
            if (hangAfter) {
                fake.pause(Duration.ofMinutes(5));
            }
            out.close();
        };
    }

    /** Reads the request and never answers (until the fake is closed). */
    static Reply silence() {
        return (exchange, fake) -> fake.pause(Duration.ofMinutes(5));
    }

    /** Answers with raw bytes and a declared content type. */
    static Reply raw(int status, String contentType, String body) {
        return (exchange, fake) -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    static Reply redirect(int status, String location) {
        return (exchange, fake) -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        };
    }

    /** Drops the connection without any answer. */
    static Reply hangUp() {
        return (exchange, fake) -> {
            throw new IOException("connection dropped on purpose");
        };
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        path = path.startsWith(API) ? path.substring(API.length()) : path;
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Reply reply;
        synchronized (this) {
            requests.add(new Recorded(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body));
            Deque<Reply> queue = replies.get(path);
            reply = queue == null ? null : queue.size() > 1 ? queue.poll() : queue.peek();
        }
        try {
            Objects.requireNonNullElse(reply, json(404, "{\"error\":{\"message\":\"Not Found\",\"type\":\"invalid_request_error\",\"code\":null}}"))
                    .send(exchange, this);
        } finally {
            exchange.close();
        }
    }

    private void pause(Duration duration) {
        try {
            closing.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void headers(HttpExchange exchange, String... pairs) {
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            exchange.getResponseHeaders().set(pairs[i], pairs[i + 1]);
        }
    }
}
