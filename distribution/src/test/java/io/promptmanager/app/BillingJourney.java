package io.promptmanager.app;

import io.promptmanager.stripe.testing.FakeStripe;
import io.promptmanager.stripe.testing.SignedEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the billing journeys do with a running platform and the local Stripe it is configured
 * with: users who open a checkout, Stripe's events delivered over HTTP (now, late, held back or
 * signed long ago), and the platform's answers read as JSON.
 */
final class BillingJourney {
    static final String PASSWORD = "correct horse battery staple";
    private static final String WEBHOOKS = "/api/v1/billing/webhooks/stripe";
    private static final Duration SETTLE = Duration.ofSeconds(20);

    /** A user of the platform, with the API key they use. */
    record Buyer(UUID id, String email, ApiClient api, String sessionId) {
    }

    /** A subscriber whose checkout's events were delivered, and what Stripe holds for them. */
    record Paid(Buyer buyer, String subscriptionId, String customerId, String paymentIntent, long amountPaid,
                Instant periodStart, Instant periodEnd) {

        /** docs/billing.md: amount paid × unused time ÷ length of the paid period, to the second, rounded down. */
        long proratedRefundAt(Instant at) {
            long length = Duration.between(periodStart, periodEnd).toSeconds();
            long unused = Math.clamp(Duration.between(at, periodEnd).toSeconds(), 0, length);
            return amountPaid * unused / length;
        }
    }

    private final FakeStripe stripe;
    private final ShiftedClock stripeClock;
    private final int apiPort;
    private final ApiClient operator;
    private final ApiClient stripeSide;
    private final URI consoleUrl;
    private final URI webhookEndpoint;
    private final Queue<String> deliveredSignatures = new ConcurrentLinkedQueue<>();

    /** Points Stripe's webhook deliveries at the platform. */
    BillingJourney(FakeStripe stripe, ShiftedClock stripeClock, int apiPort, String operatorKey, URI consoleUrl) {
        this.stripe = stripe;
        this.stripeClock = stripeClock;
        this.apiPort = apiPort;
        this.operator = new ApiClient(apiPort, operatorKey);
        this.stripeSide = new ApiClient(apiPort, null);
        this.consoleUrl = consoleUrl;
        this.webhookEndpoint = URI.create("http://localhost:" + apiPort + WEBHOOKS);
        stripe.sendWebhooksTo(webhookEndpoint);
    }

    URI consoleUrl() {
        return consoleUrl;
    }

    /** Every Stripe-Signature this journey delivered itself. */
    List<String> deliveredSignatures() {
        return List.copyOf(deliveredSignatures);
    }

    // --- users ---------------------------------------------------------------------------------------

    /**
     * A FREE user with an open Checkout Session. A FREE user's API key answers PLAN_REQUIRED (they
     * start checkouts in the console), so an administrator grants PRO, issues the key that starts
     * the checkout through the API, and takes PRO back: from then on only Stripe's verified
     * webhooks can make the user PRO.
     */
    Buyer freeBuyerWithOpenCheckout(String interval) {
        String email = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        UUID id = UUID.fromString(created(operator.post("/api/v1/admin/users", """
                {"email":"%s","password":"%s","displayName":"Buyer","plan":"PRO"}""".formatted(email, PASSWORD)))
                .getString("id"));
        String key = created(operator.post("/api/v1/admin/users/" + id + "/api-keys", "{\"name\":\"billing\"}"))
                .getString("key");
        ApiClient api = new ApiClient(apiPort, key);
        JsonObject checkout = ok(api.post("/api/v1/billing/checkout", "{\"interval\":\"" + interval + "\"}"));
        String sessionId = checkout.getString("sessionId");
        assertThat(checkout.getString("url")).isEqualTo(stripe.apiBase() + "/c/pay/" + sessionId);
        assertThat(ok(operator.patch("/api/v1/admin/users/" + id, "{\"plan\":\"FREE\"}")).getString("plan"))
                .isEqualTo("FREE");
        return new Buyer(id, email, api, sessionId);
    }

    /** A FREE user who paid at Checkout {@code days} ago; the checkout's events arrive now and make them PRO. */
    Paid paidDaysAgo(String interval, int days) {
        Duration ago = Duration.ofDays(days);
        Buyer buyer = inThePast(ago, () -> freeBuyerWithOpenCheckout(interval));
        List<SignedEvent> events = happenedAgo(ago, () -> stripe.completeCheckout(buyer.sessionId()));
        deliverAll(events);
        assertThat(planOf(buyer)).isEqualTo("PRO");
        JsonObject subscription = objectOf(events, "customer.subscription.created");
        JsonObject invoice = objectOf(events, "invoice.paid");
        return new Paid(buyer, subscription.getString("id"), subscription.getString("customer"),
                stripe.paymentIntentOf(invoice.getString("id")), invoice.getJsonNumber("amount_paid").longValue(),
                periodStart(subscription), periodEnd(subscription));
    }

    String planOf(Buyer buyer) {
        return planOf(buyer.id());
    }

    String planOf(UUID userId) {
        return ok(operator.get("/api/v1/admin/users/" + userId)).getString("plan");
    }

    /** The id of the account signed up with {@code email}. */
    UUID userId(String email) {
        return ok(operator.get("/api/v1/admin/users?q=" + email)).getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(user -> user.getString("email").equals(email))
                .map(user -> UUID.fromString(user.getString("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + email));
    }

    void awaitPlan(Buyer buyer, String plan, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!planOf(buyer).equals(plan)) {
            assertThat(System.nanoTime()).as(buyer.email() + " turns " + plan + " within " + timeout)
                    .isLessThan(deadline);
            sleep(Duration.ofMillis(200));
        }
    }

    /** The actions of the user's own audit log, newest first. */
    List<String> auditActions(Buyer buyer) {
        return ok(buyer.api().get("/api/v1/audit?limit=100")).getJsonArray("items").stream()
                .map(entry -> entry.asJsonObject().getString("action")).toList();
    }

    // --- Stripe's side -------------------------------------------------------------------------------

    /** Runs {@code action} while Stripe cannot reach the platform: the events it causes are not delivered. */
    <T> T withheld(Supplier<T> action) {
        return deliveringTo(null, action);
    }

    /** Runs {@code action} while Stripe sends its events to {@code endpoint} (null: nowhere) instead of the platform. */
    <T> T deliveringTo(URI endpoint, Supplier<T> action) {
        stripe.sendWebhooksTo(endpoint);
        try {
            return action.get();
        } finally {
            stripe.sendWebhooksTo(webhookEndpoint);
        }
    }

    /**
     * Stripe's side of {@code scenario} happened {@code ago}; its events arrive now, signed now, as
     * Stripe signs each new delivery attempt.
     */
    List<SignedEvent> happenedAgo(Duration ago, Supplier<List<SignedEvent>> scenario) {
        List<SignedEvent> events = inThePast(ago, () -> withheld(scenario));
        return events.stream().map(event -> stripe.sign(event.body())).toList();
    }

    /** {@code event} signed as Stripe did {@code ago}. */
    SignedEvent signedAgo(SignedEvent event, Duration ago) {
        return inThePast(ago, () -> stripe.sign(event.body()));
    }

    /** Stripe's events caused by the platform's API calls since the last take: the one of {@code type} about the subscription. */
    List<SignedEvent> takeApiEvents(String type, String subscriptionId) {
        return List.of(stripe.takeApiEvents().stream()
                .filter(event -> event.type().equals(type) && object(event).getString("id").equals(subscriptionId))
                .reduce((one, another) -> {
                    throw new AssertionError("two " + type + " events for " + subscriptionId);
                })
                .orElseThrow(() -> new AssertionError("no " + type + " event for " + subscriptionId)));
    }

    /** Waits until Stripe delivered {@code events} on its own. */
    void awaitDelivered(List<SignedEvent> events) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        List<String> ids = events.stream().map(SignedEvent::id).toList();
        while (!stripe.deliveredEventIds().containsAll(ids)) {
            assertThat(System.nanoTime()).as("Stripe delivered " + ids).isLessThan(deadline);
            sleep(Duration.ofMillis(100));
        }
    }

    /** POSTs the event to the platform's webhook endpoint as Stripe does: raw body, Stripe's headers. */
    HttpResponse<String> deliver(SignedEvent event) {
        deliveredSignatures.add(event.signature());
        return stripeSide.post(WEBHOOKS, event.headers(), event.bodyBytes());
    }

    /** Delivers each event in order; the platform acknowledges each. */
    void deliverAll(List<SignedEvent> events) {
        for (SignedEvent event : events) {
            HttpResponse<String> response = deliver(event);
            assertThat(response.statusCode()).as(event.type() + ": " + response.body()).isEqualTo(200);
            assertThat(json(response.body()).getBoolean("received")).isTrue();
        }
    }

    private <T> T inThePast(Duration ago, Supplier<T> action) {
        stripeClock.setBack(ago);
        try {
            return action.get();
        } finally {
            stripeClock.setBack(Duration.ZERO);
        }
    }

    // --- reading answers -----------------------------------------------------------------------------

    /** A problem+json answer with {@code status} and {@code code}. */
    void assertRefused(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response.body()).getString("code")).isEqualTo(code);
    }

    static JsonObject ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    static JsonObject created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body());
    }

    static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** An ISO instant field, or null. */
    static Instant instant(JsonObject object, String name) {
        return object.isNull(name) ? null : Instant.parse(object.getString(name));
    }

    static SignedEvent eventOf(List<SignedEvent> events, String type) {
        return events.stream().filter(event -> event.type().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " among " + events));
    }

    /** The {@code data.object} of the event of {@code type}. */
    static JsonObject objectOf(List<SignedEvent> events, String type) {
        return object(eventOf(events, type));
    }

    /** An event as it was delivered: its raw body and Stripe's headers. */
    static SignedEvent signedEvent(String body, Map<String, String> headers) {
        JsonObject event = json(body);
        return new SignedEvent(event.getString("id"), event.getString("type"), body, Map.copyOf(headers));
    }

    private static JsonObject object(SignedEvent event) {
        return json(event.body()).getJsonObject("data").getJsonObject("object");
    }

    /** Since API version 2025-03-31.basil a subscription's period is on its item. */
    static Instant periodStart(JsonObject subscription) {
        return Instant.ofEpochSecond(item(subscription).getJsonNumber("current_period_start").longValue());
    }

    static Instant periodEnd(JsonObject subscription) {
        return Instant.ofEpochSecond(item(subscription).getJsonNumber("current_period_end").longValue());
    }

    private static JsonObject item(JsonObject subscription) {
        return subscription.getJsonObject("items").getJsonArray("data").getJsonObject(0);
    }

    /** The numbers of the invoices a billing overview lists. */
    static List<String> numbers(JsonObject overview) {
        return overview.getJsonArray("invoices").stream().map(JsonValue::asJsonObject)
                .map(invoice -> invoice.getString("number")).toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
