package io.promptmanager.plugins.openaiwire.testing;

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
 * A local OpenAI-style server (OpenRouter, an OpenAI-compatible server) on a random loopback port,
 * under an API prefix such as {@code /api/v1} or {@code /v1}: each path answers the replies queued
 * for it in order (the last one again once the queue is down to it); every request is recorded.
 * {@code GET /models} answers the given model list unless told otherwise; an unknown path answers
 * 404 with the given error body (the shape of the provider being faked).
 */
public final class FakeUpstream implements AutoCloseable {

    /** One answer. */
    @FunctionalInterface
    public interface Reply {
        void send(HttpExchange exchange, FakeUpstream fake) throws IOException;
    }

    /**
     * What a provider's fake differs in: the API prefix ({@code /api/v1}, {@code /v1}), the body of
     * the 404 an unknown path answers, and the class-path folder of its documented payloads (e.g.
     * {@code /openrouter/}), whose {@code models.json} {@code GET /models} answers.
     */
    public record Flavour(String api, String notFoundBody, String fixtureFolder) {
        /** A new fake of this flavour, started. */
        public FakeUpstream start() {
            return new FakeUpstream(api, notFoundBody, fixture("models.json"));
        }

        /** The documented payload {@code name} in the fixture folder. */
        public String fixture(String name) {
            return Fixtures.text(fixtureFolder + name);
        }
    }

    /** A request as received, and the client address of the TCP connection it came on. */
    public record Recorded(String method, String path, Headers headers, String body, InetSocketAddress client) {
        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    private final String api;
    private final String notFoundBody;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<String, Deque<Reply>> replies = new HashMap<>();
    private final List<Recorded> requests = new ArrayList<>();

    /**
     * @param api          the path prefix the API lives under, e.g. {@code /api/v1}
     * @param notFoundBody the JSON body of the 404 an unknown path answers
     * @param modelsBody   the JSON body {@code GET /models} answers
     */
    public FakeUpstream(String api, String notFoundBody, String modelsBody) {
        this.api = api;
        this.notFoundBody = notFoundBody;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        replies("/models", json(200, modelsBody));
        server.start();
    }

    /** The base URL to configure, e.g. {@code http://127.0.0.1:41234/api/v1}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + api);
    }

    /** Replaces the replies of {@code path} (relative to the API prefix). */
    public synchronized FakeUpstream replies(String path, Reply... answers) {
        replies.put(path, new ArrayDeque<>(List.of(answers)));
        return this;
    }

    /** The requests received on {@code path} (relative to the API prefix), oldest first. */
    public synchronized List<Recorded> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** How many TCP connections the requests received on {@code path} came on. */
    public synchronized long connections(String path) {
        return requests(path).stream().map(Recorded::client).distinct().count();
    }

    /** Every request received, oldest first. */
    public synchronized List<Recorded> requests() {
        return List.copyOf(requests);
    }

    public static Reply json(int status, String body, String... headerPairs) {
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
    public static Reply sse(String body) {
        return sse(List.of(body), Duration.ZERO, false);
    }

    /**
     * A 200 text/event-stream answer written in {@code parts}, flushed one by one with a pause
     * between them; when {@code hangAfter}, the connection then stays open without a byte more.
     */
    public static Reply sse(List<String> parts, Duration pause, boolean hangAfter) {
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
    public static Reply silence() {
        return (exchange, fake) -> fake.pause(Duration.ofMinutes(5));
    }

    /** Answers with raw bytes and a declared content type. */
    public static Reply raw(int status, String contentType, String body) {
        return (exchange, fake) -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        };
    }

    public static Reply redirect(int status, String location) {
        return (exchange, fake) -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        };
    }

    /** Drops the connection without any answer. */
    public static Reply hangUp() {
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
        path = path.startsWith(api) ? path.substring(api.length()) : path;
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Reply reply;
        synchronized (this) {
            requests.add(new Recorded(exchange.getRequestMethod(), path, exchange.getRequestHeaders(), body,
                    exchange.getRemoteAddress()));
            Deque<Reply> queue = replies.get(path);
            reply = queue == null ? null : queue.size() > 1 ? queue.poll() : queue.peek();
        }
        try {
            Objects.requireNonNullElse(reply, json(404, notFoundBody))
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
