package io.promptmanager.stripe.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.promptmanager.stripe.testing.Endpoints.Call;
import io.promptmanager.stripe.testing.Endpoints.Reply;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stripe's HTTP layer in front of {@link Endpoints}: {@code Authorization: Bearer <secret key>}
 * (401 otherwise, naming the key only masked as Stripe does), {@code Idempotency-Key} on POST
 * (docs.stripe.com/api/idempotent_requests: the first result is saved and replayed with
 * {@code Idempotent-Replayed: true}; the same key with other parameters is a 400
 * {@code idempotency_error}; keys on GET and DELETE have no effect), a {@code Request-Id} on every
 * answer, injected {@link Failure}s, and a record of every request.
 */
final class StripeServer implements AutoCloseable {
    private record Saved(String signature, Reply reply) {
    }

    private record Armed(String method, String path, Failure failure) {
    }

    /** Thrown to make the JDK server close the connection without an answer. */
    private static final class Drop extends RuntimeException {
        Drop() {
            super("connection dropped on purpose", null, false, false);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final String secretKey;
    private final Map<String, Saved> idempotency = new HashMap<>();
    private final List<Armed> failures = new ArrayList<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private volatile Endpoints endpoints;

    StripeServer(String secretKey) {
        this.secretKey = secretKey;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the fake Stripe", e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
    }

    void start(Endpoints endpoints, HostedPages pages) {
        this.endpoints = endpoints;
        server.createContext("/c/pay/", pages);
        server.createContext("/p/session/", pages);
        server.start();
    }

    URI baseUri() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort());
    }

    void fail(String method, String path, Failure failure, int times) {
        synchronized (failures) {
            for (int i = 0; i < times; i++) {
                failures.add(new Armed(method, path, failure));
            }
        }
    }

    List<RecordedRequest> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            FormParams params = FormParams.parse(method.equals("POST") ? body : exchange.getRequestURI().getRawQuery());
            String key = method.equals("POST") ? exchange.getRequestHeaders().getFirst("Idempotency-Key") : null;
            Call call = new Call(method, path, params, "req_" + Ids.random(14), key);
            Outcome outcome = outcome(call, exchange.getRequestHeaders().getFirst("Authorization"));
            record(call, exchange.getRequestHeaders().getFirst("Stripe-Version"), outcome);
            if (outcome.reply() == null) {
                throw new Drop();
            }
            send(exchange, call, outcome);
        }
    }

    private record Outcome(Reply reply, boolean replayed, boolean shouldNotRetry) {
    }

    private Outcome outcome(Call call, String authorization) {
        ApiError unauthorized = authenticate(authorization);
        if (unauthorized != null) {
            return new Outcome(error(unauthorized, call), false, false);
        }
        Failure failure = armed(call);
        if (failure != null && failure.kind == Failure.Kind.DROP_BEFORE) {
            return new Outcome(null, false, false);
        }
        if (failure != null && failure.kind == Failure.Kind.ANSWER_BEFORE) {
            return new Outcome(error(failure.error, call), false, false);
        }
        Outcome outcome = call.idempotencyKey() == null ? new Outcome(execute(call, failure), false, false)
                : idempotent(call, failure);
        return failure != null && failure.kind == Failure.Kind.DROP_AFTER ? new Outcome(null, false, false) : outcome;
    }

    private Outcome idempotent(Call call, Failure failure) {
        String signature = call.method() + " " + call.path() + " " + call.params().canonical();
        synchronized (idempotency) {
            Saved saved = idempotency.get(call.idempotencyKey());
            if (saved != null) {
                if (!saved.signature().equals(signature)) {
                    return new Outcome(error(new ApiError(400, "idempotency_error", null, null, "Keys for idempotent "
                            + "requests can only be used with the same parameters they were first used with. Try "
                            + "using a key other than '" + call.idempotencyKey() + "' if you meant to execute a "
                            + "different request."), call), false, false);
                }
                return new Outcome(saved.reply(), true, saved.reply().status() >= 500);
            }
            Reply reply = execute(call, failure);
            // Parameter errors are found before the endpoint runs: Stripe saves nothing for them.
            if (reply.status() < 400 || reply.status() >= 500) {
                idempotency.put(call.idempotencyKey(), new Saved(signature, reply));
            }
            return new Outcome(reply, false, reply.status() >= 500);
        }
    }

    private Reply execute(Call call, Failure failure) {
        if (failure != null && failure.kind == Failure.Kind.ANSWER_SAVED) {
            return error(failure.error, call);
        }
        try {
            return endpoints.handle(call);
        } catch (ApiError e) {
            return error(e, call);
        }
    }

    private ApiError authenticate(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return new ApiError(401, "invalid_request_error", null, null, "You did not provide an API key. You need "
                    + "to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: "
                    + "Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we "
                    + "can help at https://support.stripe.com/.");
        }
        String key = authorization.substring("Bearer ".length());
        if (!key.equals(secretKey)) {
            return new ApiError(401, "invalid_request_error", "api_key_invalid", null,
                    "Invalid API Key provided: " + masked(key));
        }
        return null;
    }

    private Failure armed(Call call) {
        synchronized (failures) {
            for (Iterator<Armed> it = failures.iterator(); it.hasNext(); ) {
                Armed armed = it.next();
                if (armed.method().equals(call.method()) && call.path().startsWith(armed.path())) {
                    it.remove();
                    return armed.failure();
                }
            }
            return null;
        }
    }

    private static Reply error(ApiError error, Call call) {
        return new Reply(error.status, error.body(call.requestId()));
    }

    private static String masked(String key) {
        // As Stripe shows it: the prefix, stars, the last four characters.
        int prefix = key.indexOf('_', 3) + 1;
        if (key.length() < prefix + 8) {
            return "*".repeat(key.length());
        }
        return key.substring(0, prefix) + "*".repeat(key.length() - prefix - 4) + key.substring(key.length() - 4);
    }

    private void record(Call call, String version, Outcome outcome) {
        synchronized (requests) {
            requests.add(new RecordedRequest(call.method(), call.path(), call.params().values(), call.idempotencyKey(),
                    version, outcome.reply() == null ? 0 : outcome.reply().status(), outcome.replayed()));
        }
    }

    private static void send(HttpExchange exchange, Call call, Outcome outcome) throws IOException {
        byte[] bytes = outcome.reply().body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", call.requestId());
        exchange.getResponseHeaders().set("Stripe-Version", FakeStripe.API_VERSION);
        if (call.idempotencyKey() != null) {
            exchange.getResponseHeaders().set("Idempotency-Key", call.idempotencyKey());
        }
        if (outcome.replayed()) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        if (outcome.shouldNotRetry()) {
            // Stripe's advice with a saved 500: retrying the same key only replays it.
            exchange.getResponseHeaders().set("Stripe-Should-Retry", "false");
        }
        exchange.sendResponseHeaders(outcome.reply().status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
