package com.example.echo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.tck.ModelProviderContractTest;
import io.promptmanager.plugin.tck.Upstream;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

/** The platform's provider contract kit, run against a fake echo service. */
class EchoContractTest extends ModelProviderContractTest {

    @Override
    protected ModelProvider newProvider() {
        return new EchoModelProvider();
    }

    @Override
    protected Upstream startUpstream() {
        return new FakeEchoService();
    }

    @Override
    protected Set<String> requiredSettings() {
        return Set.of("base-url");
    }

    /** The echo service on a loopback port; each script answers every request that follows. */
    static final class FakeEchoService implements Upstream {
        private final CountDownLatch closed = new CountDownLatch(1);
        private final HttpServer server;
        private volatile int status = 200;
        private volatile String body = "u:0 0\n";
        private volatile Duration retryAfter;
        private volatile boolean hang;

        FakeEchoService() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/echo", this::answer);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }

        private void answer(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            if (hang) {
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            if (retryAfter != null) {
                exchange.getResponseHeaders().set("Retry-After", Long.toString(retryAfter.toSeconds()));
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        private void script(int status, String body, Duration retryAfter, boolean hang) {
            this.status = status;
            this.body = body;
            this.retryAfter = retryAfter;
            this.hang = hang;
        }

        @Override
        public Map<String, String> settings(String apiKey) {
            return Map.of("base-url", "http://127.0.0.1:" + server.getAddress().getPort(), "api-key", apiKey);
        }

        @Override
        public String model() {
            return "echo-1";
        }

        @Override
        public void completeWith(String text, long promptTokens, long completionTokens) {
            streamWith(List.of(text), promptTokens, completionTokens);
        }

        @Override
        public void streamWith(List<String> deltas, long promptTokens, long completionTokens) {
            StringBuilder lines = new StringBuilder();
            deltas.forEach(delta -> lines.append("d:").append(delta).append('\n'));
            script(200, lines.append("u:").append(promptTokens).append(' ').append(completionTokens).append('\n')
                    .toString(), null, false);
        }

        @Override
        public void failWith(int status, String message, Duration retryAfter) {
            script(status, message, retryAfter, false);
        }

        @Override
        public void hang() {
            script(200, "", null, true);
        }

        @Override
        public void sendGarbage() {
            script(200, "<html>502 Bad Gateway</html>\n", null, false);
        }

        @Override
        public void close() {
            closed.countDown();
            server.stop(0);
        }
    }
}
