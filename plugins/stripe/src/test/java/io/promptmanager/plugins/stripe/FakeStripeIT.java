package io.promptmanager.plugins.stripe;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.stripe.model.Event;
import com.stripe.model.Invoice;
import com.stripe.net.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.PortalRequest;
import io.promptmanager.stripe.testing.FakeStripe;
import io.promptmanager.stripe.testing.SignedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fake itself, spoken to over raw HTTP: Stripe's authentication, idempotency and error shapes,
 * objects with every field of Stripe's own examples, and webhooks stripe-java accepts as Stripe's.
 */
class FakeStripeIT {
    private final FakeStripe fake = FakeStripe.start();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        http.close();
        fake.close();
    }

    @Test
    void refusesRequestsWithoutTheSecretKeyAsStripeDoes() throws Exception {
        HttpResponse<String> none = send("GET", "/v1/subscriptions/sub_1", null, null, null);
        HttpResponse<String> wrong = send("GET", "/v1/subscriptions/sub_1", null, null,
                "sk_test_0000000000000000000000000000wxyz");

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(error(none).get("message").getAsString()).startsWith("You did not provide an API key.");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(error(wrong).get("message").getAsString())
                .isEqualTo("Invalid API Key provided: sk_test_****************************wxyz");
        assertThat(error(wrong).get("type").getAsString()).isEqualTo("invalid_request_error");
    }

    @Test
    void answersErrorsInStripesShapeWithARequestId() throws Exception {
        HttpResponse<String> missing = send("GET", "/v1/subscriptions/sub_nope", null, null, fake.secretKey());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Request-Id")).hasValueSatisfying(id -> assertThat(id)
                .startsWith("req_"));
        assertThat(new TreeSet<>(error(missing).keySet()))
                .containsExactly("code", "doc_url", "message", "param", "request_log_url", "type");
        assertThat(error(missing).get("code").getAsString()).isEqualTo("resource_missing");
        assertThat(error(missing).get("message").getAsString()).isEqualTo("No such subscription: 'sub_nope'");
    }

    @Test
    void refusesUnknownParametersAndUrls() throws Exception {
        HttpResponse<String> unknownParam = send("POST", "/v1/refunds", "payment_intent=pi_1&amout=100", "k",
                fake.secretKey());
        HttpResponse<String> unknownUrl = send("GET", "/v1/charges", null, null, fake.secretKey());

        assertThat(unknownParam.statusCode()).isEqualTo(400);
        assertThat(error(unknownParam).get("code").getAsString()).isEqualTo("parameter_unknown");
        assertThat(error(unknownParam).get("param").getAsString()).isEqualTo("amout");
        assertThat(unknownUrl.statusCode()).isEqualTo(404);
        assertThat(error(unknownUrl).get("message").getAsString()).startsWith("Unrecognized request URL (GET: /v1/charges)");
    }

    @Test
    void replaysTheFirstResultOfAnIdempotencyKeyAndRefusesItWithOtherParameters() throws Exception {
        String form = "mode=subscription&line_items%5B0%5D%5Bprice%5D=" + fake.monthlyPrice()
                + "&line_items%5B0%5D%5Bquantity%5D=1&customer_email=a%40example.com&success_url=https%3A%2F%2Fx.io";

        HttpResponse<String> first = send("POST", "/v1/checkout/sessions", form, "key-1", fake.secretKey());
        HttpResponse<String> replay = send("POST", "/v1/checkout/sessions", form, "key-1", fake.secretKey());
        HttpResponse<String> misuse = send("POST", "/v1/checkout/sessions", form.replace("a%40", "b%40"), "key-1",
                fake.secretKey());
        HttpResponse<String> fresh = send("POST", "/v1/checkout/sessions", form, "key-2", fake.secretKey());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(misuse.statusCode()).isEqualTo(400);
        assertThat(error(misuse).get("type").getAsString()).isEqualTo("idempotency_error");
        assertThat(json(fresh).get("id").getAsString()).isNotEqualTo(json(first).get("id").getAsString());
    }

    @Test
    void keysOnDeleteHaveNoEffectAndAProratedCancellationCreditsTheCustomer() throws Exception {
        String subscription = subscribe();
        String customer = fake.customerOf(subscription);

        HttpResponse<String> cancel = send("DELETE", "/v1/subscriptions/" + subscription + "?prorate=true", null,
                "del-1", fake.secretKey());
        HttpResponse<String> again = send("DELETE", "/v1/subscriptions/" + subscription + "?prorate=true", null,
                "del-1", fake.secretKey());

        assertThat(json(cancel).get("status").getAsString()).isEqualTo("canceled");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(fake.customerBalance(customer)).isNegative().isGreaterThanOrEqualTo(-FakeStripe.MONTHLY_AMOUNT);
    }

    @Test
    void objectsCarryEveryFieldOfStripesOwnExamples() throws Exception {
        String subscription = subscribe();
        JsonObject subscriptionJson = json(send("GET", "/v1/subscriptions/" + subscription, null, null,
                fake.secretKey()));
        String invoice = fake.latestInvoice(subscription);
        JsonObject payments = json(send("GET", "/v1/invoice_payments?invoice=" + invoice, null, null,
                fake.secretKey()));
        JsonObject refund = json(send("POST", "/v1/refunds", "payment_intent=" + fake.paymentIntentOf(invoice)
                + "&amount=1", "r-1", fake.secretKey()));
        JsonObject portal = json(send("POST", "/v1/billing_portal/sessions", "customer="
                + fake.customerOf(subscription) + "&return_url=https%3A%2F%2Fx.io", "p-1", fake.secretKey()));
        JsonObject session = json(send("POST", "/v1/checkout/sessions", "mode=subscription&line_items%5B0%5D%5Bprice%5D="
                + fake.monthlyPrice() + "&line_items%5B0%5D%5Bquantity%5D=1&success_url=https%3A%2F%2Fx.io", "c-1",
                fake.secretKey()));
        JsonObject invoiceJson = json(fake.renew(subscription).getFirst().body()).getAsJsonObject("data")
                .getAsJsonObject("object");

        assertHasFieldsOf(subscriptionJson, "stripe-openapi/subscription.json",
                // Fields for features the fake does not sell: managed payments, billing schedules.
                Set.of("managed_payments", "billing_schedules"));
        assertHasFieldsOf(first(subscriptionJson.getAsJsonObject("items")),
                first(StripeExamples.object("stripe-openapi/subscription.json").getAsJsonObject("items")), Set.of());
        assertHasFieldsOf(invoiceJson, "stripe-openapi/invoice.json",
                // Removed in 2025-03-31.basil (stripe-java 33.3.0's Invoice has no such field); a stale null there.
                Set.of("subscription"));
        assertHasFieldsOf(first(invoiceJson.getAsJsonObject("lines")),
                first(StripeExamples.object("stripe-openapi/invoice.json").getAsJsonObject("lines")), Set.of());
        assertHasFieldsOf(first(payments), "stripe-docs/invoice-payments-list.json", Set.of());
        assertHasFieldsOf(first(payments), "stripe-openapi/invoice_payment.json", Set.of());
        assertHasFieldsOf(refund, "stripe-openapi/refund.json", Set.of("customer", "customer_account",
                "payment_method"));
        assertHasFieldsOf(portal, "stripe-openapi/billing_portal.session.json", Set.of());
        assertHasFieldsOf(session, "stripe-openapi/checkout.session.json", Set.of("managed_payments",
                "integration_identifier"));
    }

    @Test
    void signsWebhooksSoStripeJavaAcceptsThemAndReadsTheirObjectsAtItsPinnedVersion() throws Exception {
        String subscription = subscribe();

        for (SignedEvent event : fake.renew(subscription)) {
            Event parsed = Webhook.constructEvent(event.body(), event.signature(), fake.webhookSecret());
            assertThat(parsed.getId()).isEqualTo(event.id());
            assertThat(parsed.getDataObjectDeserializer().getObject()).as("same API version as stripe-java's")
                    .isPresent();
        }
        SignedEvent paid = fake.renew(subscription).getFirst();
        Invoice invoice = (Invoice) Webhook.constructEvent(paid.body(), paid.signature(), fake.webhookSecret())
                .getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(invoice.getParent().getSubscriptionDetails().getSubscription()).isEqualTo(subscription);
    }

    @Test
    void itsHostedCheckoutPagePaysAndReturnsToTheSuccessUrlAndItsPortalLinksBack() throws Exception {
        JsonObject session = json(send("POST", "/v1/checkout/sessions", "mode=subscription&line_items%5B0%5D%5Bprice%5D="
                + fake.monthlyPrice() + "&line_items%5B0%5D%5Bquantity%5D=1&customer_email=a%40example.com"
                + "&success_url=https%3A%2F%2Fpm.example.com%2Fdone%3Fsession%3D%7BCHECKOUT_SESSION_ID%7D", "c-1",
                fake.secretKey()));
        URI page = URI.create(session.get("url").getAsString());

        HttpResponse<String> shown = http.send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> paid = http.send(HttpRequest.newBuilder(page).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> again = http.send(HttpRequest.newBuilder(page).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(shown.body()).contains("id=\"pay\"");
        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location"))
                .contains("https://pm.example.com/done?session=" + session.get("id").getAsString());
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(send("GET", "/v1/invoice_payments?status=paid", null, null, fake.secretKey()))
                .getAsJsonArray("data")).hasSize(1);
    }

    @Test
    void itsHostedPortalLinksBackToTheReturnUrl() throws Exception {
        StripeBillingProvider provider = StripeProviders.started(fake);
        String customer = fake.customerOf(subscribe());
        URI portal = provider.openPortal(new PortalRequest(customer, URI.create("https://pm.example.com/me"))).url();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(portal).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"https://pm.example.com/me\"");
    }

    @Test
    void postsEventsToTheWebhookEndpointAsStripeDoes() throws Exception {
        List<Map<String, String>> received = new CopyOnWriteArrayList<>();
        HttpServer endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/api/v1/billing/webhooks/stripe", exchange -> {
            received.add(Map.of("signature", exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                    "type", exchange.getRequestHeaders().getFirst("Content-Type"),
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        endpoint.start();
        try {
            String subscription = subscribe();
            fake.sendWebhooksTo(URI.create("http://127.0.0.1:" + endpoint.getAddress().getPort()
                    + "/api/v1/billing/webhooks/stripe"));

            // a scenario's events arrive before it returns, in order
            List<SignedEvent> events = fake.renew(subscription);
            assertThat(received).extracting(r -> r.get("body"))
                    .containsExactlyElementsOf(events.stream().map(SignedEvent::body).toList());
            // an API call's event arrives soon after its answer
            StripeProviders.started(fake).cancelAtPeriodEnd(subscription, "end-1");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (fake.deliveredEventIds().size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(received).hasSize(3);
            assertThat(json(received.get(2).get("body")).get("type").getAsString())
                    .isEqualTo("customer.subscription.updated");
            for (Map<String, String> delivery : received) {
                assertThat(delivery.get("type")).isEqualTo("application/json; charset=utf-8");
                Webhook.constructEvent(delivery.get("body"), delivery.get("signature"), fake.webhookSecret());
            }
            assertThat(fake.deliveredEventIds()).containsExactlyElementsOf(received.stream()
                    .map(r -> json(r.get("body")).get("id").getAsString()).toList());
        } finally {
            endpoint.stop(0);
        }
    }

    private String subscribe() {
        StripeBillingProvider provider = StripeProviders.started(fake);
        return StripeProviders.subscribe(provider, fake, "user-1", BillingInterval.MONTH).get(1).subscription().id();
    }

    private static void assertHasFieldsOf(JsonObject actual, String exampleResource, Set<String> absent) {
        assertHasFieldsOf(actual, exampleResource.endsWith("list.json")
                ? first(StripeExamples.object(exampleResource)) : StripeExamples.object(exampleResource), absent);
    }

    private static void assertHasFieldsOf(JsonObject actual, JsonObject example, Set<String> absent) {
        Set<String> expected = new TreeSet<>(example.keySet());
        expected.removeAll(absent);
        assertThat(actual.keySet()).as("fields of %s", example.get("object")).containsAll(expected);
    }

    private static JsonObject first(JsonObject list) {
        return list.getAsJsonArray("data").get(0).getAsJsonObject();
    }

    private HttpResponse<String> send(String method, String pathAndQuery, String form, String idempotencyKey,
                                      String key) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(fake.apiBase() + pathAndQuery))
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form));
        if (form != null) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body());
    }

    private static JsonObject json(String body) {
        return JsonParser.parseString(body).getAsJsonObject();
    }

    private static JsonObject error(HttpResponse<String> response) {
        return json(response.body()).getAsJsonObject("error");
    }
}
