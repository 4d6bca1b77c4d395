package io.promptmanager.app;

import com.sun.net.httpserver.HttpServer;
import io.promptmanager.stripe.testing.SignedEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform's webhook address while a proxy in front of it is down: every delivery is answered
 * 503, so Stripe keeps the event to retry it later. The test plays those retries with
 * {@link #failedDeliveries()}: the same bodies and signature headers Stripe sent.
 */
final class UnreachableEndpoint implements AutoCloseable {
    private static final List<String> STRIPE_HEADERS = List.of("Content-Type", "Cache-Control", "User-Agent", "Accept",
            "Stripe-Signature");

    private final HttpServer server;
    private final List<SignedEvent> failed = new ArrayList<>();

    UnreachableEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Map<String, String> headers = new LinkedHashMap<>();
                for (String name : STRIPE_HEADERS) {
                    String value = exchange.getRequestHeaders().getFirst(name);
                    if (value != null) {
                        headers.put(name, value);
                    }
                }
                SignedEvent event = BillingJourney.signedEvent(body, headers);
                synchronized (failed) {
                    failed.add(event);
                }
                exchange.sendResponseHeaders(503, -1);
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1/billing/webhooks/stripe");
    }

    /** What Stripe tried to deliver here, oldest first. */
    List<SignedEvent> failedDeliveries() {
        synchronized (failed) {
            return List.copyOf(failed);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
