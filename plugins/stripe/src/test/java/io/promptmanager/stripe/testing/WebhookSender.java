package io.promptmanager.stripe.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * POSTs events to the webhook endpoint as Stripe does: the raw body with {@code Content-Type:
 * application/json; charset=utf-8}, {@code Stripe-Signature} and Stripe's user agent, one at a time
 * in the order they were produced. Stripe counts any 2xx as delivered.
 */
final class WebhookSender implements AutoCloseable {
    /** One delivery attempt: the event and the endpoint's status (0 when it could not be reached). */
    record Delivery(String eventId, String type, int status) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService queue = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fake-stripe-webhooks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Delivery> deliveries = new ArrayList<>();
    private volatile URI endpoint;

    void endpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    boolean enabled() {
        return endpoint != null;
    }

    /** Queues the events behind earlier ones; the future completes when they were all attempted. */
    Future<List<Integer>> sendLater(List<SignedEvent> events) {
        return queue.submit(() -> events.stream().map(this::send).toList());
    }

    /** Delivers now (after anything already queued) and returns each status. */
    List<Integer> sendNow(List<SignedEvent> events) {
        try {
            return sendLater(events).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    private int send(SignedEvent event) {
        URI target = endpoint;
        int status = 0;
        if (target != null) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(event.bodyBytes()));
            event.headers().forEach(request::header);
            try {
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (deliveries) {
            deliveries.add(new Delivery(event.id(), event.type(), status));
        }
        return status;
    }

    @Override
    public void close() {
        queue.shutdownNow();
        http.close();
    }
}
