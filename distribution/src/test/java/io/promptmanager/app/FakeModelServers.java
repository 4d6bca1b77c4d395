package io.promptmanager.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One loopback server faking two upstreams in their own wire formats: the example plugin's echo
 * service ({@code POST /echo}: {@code d:} lines then {@code u:} usage) and an OpenAI-compatible
 * server ({@code POST /v1/chat/completions}, OpenAI's documented answer).
 */
final class FakeModelServers implements AutoCloseable {
    static final String OPENAI_ANSWER = "Bonjour from the local model.";

    private final HttpServer server;
    private final List<String> echoed = new CopyOnWriteArrayList<>();

    FakeModelServers() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/echo", this::echo);
        server.createContext("/v1/chat/completions", this::chatCompletion);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What the echo service received, oldest first. */
    List<String> echoed() {
        return List.copyOf(echoed);
    }

    private void echo(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        echoed.add(text);
        send(exchange, "text/plain", "d:Echo: \nd:" + text + "\nu:5 3\n");
    }

    private void chatCompletion(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        send(exchange, "application/json", """
                {"id":"chatcmpl-dist","object":"chat.completion","created":1741569952,"model":"llama3.2",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":12,"completion_tokens":6,"total_tokens":18}}""".formatted(OPENAI_ANSWER));
    }

    private static void send(HttpExchange exchange, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
