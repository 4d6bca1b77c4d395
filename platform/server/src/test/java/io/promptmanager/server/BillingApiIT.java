package io.promptmanager.server;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.BillingEvents;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.testing.MutableClock;
import io.promptmanager.core.testing.ScriptedBillingProvider;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.Role;
import io.promptmanager.core.user.User;
import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.server.support.Account;
import io.promptmanager.server.support.ApiClient;
import io.promptmanager.server.support.ApiResponse;
import io.promptmanager.server.support.LogCapture;
import io.promptmanager.server.support.RunningApi;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static io.promptmanager.plugin.billing.BillingEvent.Type.SUBSCRIPTION_CREATED;
import static io.promptmanager.plugin.billing.BillingEvent.Type.SUBSCRIPTION_DELETED;
import static io.promptmanager.plugin.billing.SubscriptionStatus.ACTIVE;
import static io.promptmanager.plugin.billing.SubscriptionStatus.CANCELED;
import static org.assertj.core.api.Assertions.assertThat;

class BillingApiIT {
    private static final String WEBHOOK = "/api/v1/billing/webhooks/stripe";
    private static MutableClock clock;
    private static ScriptedBillingProvider stripe;
    private static RunningApi api;

    @BeforeAll
    static void start() {
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        stripe = new ScriptedBillingProvider(clock);
        api = RunningApi.start(TestPlatform.start(TestPlatform.settings(clock), List.of(new FakeModelProvider()),
                List.of(), List.of(stripe)));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aProUserWithoutSubscriptionSeesThePlanAndThePrices() {
        JsonObject billing = api.as(api.accounts().pro()).get("/api/v1/billing").json();

        assertThat(billing.getString("plan")).isEqualTo("PRO");
        assertThat(billing.getBoolean("billingAvailable")).isTrue();
        assertThat(billing.getJsonObject("prices").toString())
                .isEqualTo("{\"month\":{\"amount\":700,\"currency\":\"usd\"},\"year\":{\"amount\":7000,\"currency\":\"usd\"}}");
        assertThat(billing.isNull("subscription")).isTrue();
        assertThat(billing.getJsonArray("invoices")).isEmpty();
        assertThat(billing.getJsonArray("refunds")).isEmpty();
    }

    @Test
    void checkoutAnswersTheProcessorsPageAndRefusesUnknownIntervalsAndFields() {
        ApiClient client = api.as(api.accounts().pro());
        int before = stripe.checkouts().size();

        ApiResponse started = client.post("/api/v1/billing/checkout", "{\"interval\": \"year\"}");
        ApiResponse weekly = client.post("/api/v1/billing/checkout", "{\"interval\": \"week\"}");
        ApiResponse extra = client.post("/api/v1/billing/checkout", "{\"interval\": \"month\", \"price\": 1}");
        ApiResponse empty = client.post("/api/v1/billing/checkout", null);

        assertThat(started.status()).isEqualTo(200);
        assertThat(started.json().getString("url")).startsWith("https://checkout.test/pay/cs_test_");
        assertThat(started.json().getString("sessionId")).isNotBlank();
        assertThat(stripe.checkouts()).hasSize(before + 1);
        assertProblem(weekly, 400, "VALIDATION_FAILED");
        assertThat(violationField(weekly)).isEqualTo("interval");
        assertThat(weekly.json().getString("detail")).contains("month, year");
        assertProblem(extra, 400, "VALIDATION_FAILED");
        assertThat(violationField(extra)).isEqualTo("price");
        assertProblem(empty, 400, "VALIDATION_FAILED");
    }

    @Test
    void aSignedWebhookWithoutApiKeyMakesAFreeUserProAndARepeatChangesNothing() {
        Account account = freeAccount();
        ApiClient user = api.as(account);
        assertProblem(user.get("/api/v1/billing"), 403, "PLAN_REQUIRED");
        BillingEvents events = new BillingEvents(account.id(), BillingInterval.MONTH, clock.instant());
        byte[] body = ScriptedBillingProvider.body(events.checkoutCompleted(clock.instant()),
                events.subscription(SUBSCRIPTION_CREATED, ACTIVE, clock.instant()), events.invoicePaid(700, clock.instant()));

        ApiResponse first = webhook(body, ScriptedBillingProvider.sign(body));
        ApiResponse again = webhook(body, ScriptedBillingProvider.sign(body));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getBoolean("received")).isTrue();
        assertThat(again.status()).isEqualTo(200);
        JsonObject billing = user.get("/api/v1/billing").json();
        assertThat(billing.getString("plan")).isEqualTo("PRO");
        assertThat(billing.getJsonObject("subscription").getString("status")).isEqualTo("active");
        assertThat(billing.getJsonObject("subscription").getString("interval")).isEqualTo("month");
        assertThat(billing.getJsonArray("invoices")).singleElement().satisfies(invoice -> {
            assertThat(invoice.asJsonObject().getJsonObject("amountPaid").getInt("amount")).isEqualTo(700);
            assertThat(invoice.asJsonObject().getString("hostedUrl")).startsWith("https://invoice.test/");
        });
        assertThat(api.core().auditLog().own(Actor.console(account.user()),
                new PageRequest(100, null)).items())
                .filteredOn(e -> e.action().equals("user.plan")).hasSize(1);
    }

    @Test
    void aWebhookWithABadSignatureIsRefusedAndNeitherItsBodyNorItsSignatureIsLogged() {
        Account account = freeAccount();
        BillingEvents events = new BillingEvents(account.id(), BillingInterval.MONTH, clock.instant());
        byte[] body = ScriptedBillingProvider.body(events.subscription(SUBSCRIPTION_CREATED, ACTIVE, clock.instant()));
        String forged = "v1=" + "ab".repeat(32);

        ApiResponse refused;
        ApiResponse unsigned;
        String logs;
        try (LogCapture capture = LogCapture.start()) {
            refused = webhook(body, forged);
            unsigned = api.client().send("POST", WEBHOOK, BodyPublishers.ofByteArray(body), "application/json");
            logs = capture.text();
        }

        assertProblem(refused, 400, "WEBHOOK_SIGNATURE_INVALID");
        assertProblem(unsigned, 400, "WEBHOOK_SIGNATURE_INVALID");
        assertThat(refused.body()).doesNotContain(forged).doesNotContain(events.subscriptionId());
        assertThat(logs).doesNotContain(forged).doesNotContain(events.subscriptionId())
                .doesNotContain(new String(body, StandardCharsets.UTF_8));
        assertThat(api.core().userService().find(account.id()).orElseThrow().plan()).isEqualTo(Plan.FREE);
    }

    @Test
    void aWebhookForAnotherProviderIsNotFoundAndAnOversizedOneIsRefusedBeforeBeingRead() {
        byte[] body = ScriptedBillingProvider.body(BillingEvents.other(clock.instant()));
        byte[] huge = new byte[256 * 1024 + 1];

        ApiResponse paypal = api.client().withHeader(ScriptedBillingProvider.SIGNATURE_HEADER,
                ScriptedBillingProvider.sign(body)).send("POST", "/api/v1/billing/webhooks/paypal",
                BodyPublishers.ofByteArray(body), "application/json");
        ApiResponse tooLarge = webhook(huge, ScriptedBillingProvider.sign(huge));
        ApiResponse tooLargeChunked = api.client().withHeader(ScriptedBillingProvider.SIGNATURE_HEADER,
                ScriptedBillingProvider.sign(huge)).send("POST", WEBHOOK,
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)), "application/json");
        ApiResponse justRight = webhook(body, ScriptedBillingProvider.sign(body));

        assertProblem(paypal, 404, "NOT_FOUND");
        assertProblem(tooLarge, 413, "PAYLOAD_TOO_LARGE");
        assertProblem(tooLargeChunked, 413, "PAYLOAD_TOO_LARGE");
        assertThat(justRight.status()).isEqualTo(200);
    }

    @Test
    void cancellationOptionsThenCancelNowRefundAndTheDeletionWebhookEndsPro() {
        Account account = freeAccount();
        BillingEvents events = subscribe(account, BillingInterval.YEAR, 7000);
        ApiClient user = api.as(account);
        clock.advance(Duration.ofDays(100));

        JsonObject options = user.get("/api/v1/billing/cancellation").json();
        ApiResponse later = user.post("/api/v1/billing/cancel", "{\"mode\": \"later\"}");
        ApiResponse cancelled = user.post("/api/v1/billing/cancel", "{\"mode\": \"now\"}");
        deliver(events.subscription(SUBSCRIPTION_DELETED, CANCELED, clock.instant()));

        long expected = 7000L * Duration.between(clock.instant(), events.subscription().currentPeriodEnd()).toSeconds()
                / Duration.between(events.subscription().currentPeriodStart(),
                events.subscription().currentPeriodEnd()).toSeconds();
        assertThat(options.getJsonObject("now").getJsonObject("refund").getInt("amount")).isEqualTo((int) expected);
        assertThat(options.getJsonObject("now").getString("invoiceNumber")).isEqualTo("TEST-1");
        assertThat(options.getJsonObject("periodEnd").getString("proUntil"))
                .isEqualTo(events.subscription().currentPeriodEnd().toString());
        assertProblem(later, 400, "VALIDATION_FAILED");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().getString("mode")).isEqualTo("now");
        assertThat(cancelled.json().getJsonObject("refunded").getInt("amount")).isEqualTo((int) expected);
        assertThat(cancelled.json().getJsonObject("subscription").getString("status")).isEqualTo("canceled");
        assertProblem(user.get("/api/v1/billing"), 403, "PLAN_REQUIRED");
        assertThat(api.core().billingService().overview(Actor.console(account.user()))
                .refunds()).singleElement().satisfies(r -> assertThat(r.amount().amount()).isEqualTo(expected));
    }

    @Test
    void cancellingAtPeriodEndKeepsProAndThePortalOpensOnceTheUserHasABillingAccount() {
        Account withoutAccount = api.accounts().pro();
        assertProblem(api.as(withoutAccount).post("/api/v1/billing/portal", null), 409, "NOT_SUBSCRIBED");
        Account account = freeAccount();
        subscribe(account, BillingInterval.MONTH, 700);
        ApiClient user = api.as(account);

        ApiResponse cancelled = user.post("/api/v1/billing/cancel", "{\"mode\": \"period_end\"}");
        ApiResponse portal = user.post("/api/v1/billing/portal", "{\"returnUrl\": \"https://app.example.com/back\"}");
        ApiResponse badReturn = user.post("/api/v1/billing/portal", "{\"returnUrl\": \"ftp://example.com\"}");

        assertThat(cancelled.json().getString("mode")).isEqualTo("period_end");
        assertThat(cancelled.json().getJsonObject("refunded").getInt("amount")).isZero();
        assertThat(cancelled.json().getJsonObject("subscription").getBoolean("cancelAtPeriodEnd")).isTrue();
        assertThat(user.get("/api/v1/billing").json().getString("plan")).isEqualTo("PRO");
        assertThat(portal.status()).isEqualTo(200);
        assertThat(portal.json().getString("url")).startsWith("https://billing.test/portal/cus_test_");
        assertProblem(badReturn, 400, "VALIDATION_FAILED");
        assertThat(violationField(badReturn)).isEqualTo("returnUrl");
    }

    @Test
    void anotherUserSeesNothingOfASubscriptionAndCannotCancelIt() {
        Account owner = freeAccount();
        subscribe(owner, BillingInterval.MONTH, 700);
        ApiClient intruder = api.as(api.accounts().pro());

        JsonObject seen = intruder.get("/api/v1/billing").json();
        ApiResponse options = intruder.get("/api/v1/billing/cancellation");
        ApiResponse cancel = intruder.post("/api/v1/billing/cancel", "{\"mode\": \"now\"}");

        assertThat(seen.isNull("subscription")).isTrue();
        assertThat(seen.getJsonArray("invoices")).isEmpty();
        assertProblem(options, 409, "NOT_SUBSCRIBED");
        assertProblem(cancel, 409, "NOT_SUBSCRIBED");
        JsonObject owned = api.as(owner).get("/api/v1/billing").json();
        assertThat(owned.getJsonObject("subscription").getString("status")).isEqualTo("active");
        assertThat(owned.getJsonObject("subscription").getBoolean("cancelAtPeriodEnd")).isFalse();
    }

    @Test
    void aKeyWithoutKeysManageReadsBillingButCannotBuyOrCancel() {
        User user = api.accounts().user(Plan.PRO, Role.USER);
        Account readOnly = api.accounts().keyFor(user, null, Set.of(Scope.PROMPTS_READ));

        assertThat(api.as(readOnly).get("/api/v1/billing").status()).isEqualTo(200);
        assertProblem(api.as(readOnly).post("/api/v1/billing/checkout", "{\"interval\": \"month\"}"), 403,
                "SCOPE_REQUIRED");
        assertProblem(api.as(readOnly).post("/api/v1/billing/cancel", "{\"mode\": \"now\"}"), 403, "SCOPE_REQUIRED");
    }

    @Test
    void withoutABillingPluginBillingIsUnavailableButTheRestWorks() {
        try (RunningApi bare = RunningApi.start()) {
            ApiClient pro = bare.as(bare.accounts().pro());

            assertThat(pro.get("/api/v1/billing").json().getBoolean("billingAvailable")).isFalse();
            ApiResponse checkout = pro.post("/api/v1/billing/checkout", "{\"interval\": \"month\"}");
            ApiResponse webhook = bare.client().send("POST", WEBHOOK, BodyPublishers.ofString("{}"), "application/json");

            assertProblem(checkout, 503, "BILLING_UNAVAILABLE");
            assertThat(checkout.json().getString("detail")).isEqualTo("Billing is not configured on this server");
            assertProblem(webhook, 503, "BILLING_UNAVAILABLE");
            assertThat(pro.get("/api/v1/me").status()).isEqualTo(200);
        }
    }

    private static Account freeAccount() {
        return api.accounts().keyFor(api.accounts().user(Plan.FREE, Role.USER), null, Set.of());
    }

    private static BillingEvents subscribe(Account account, BillingInterval interval, long price) {
        BillingEvents events = new BillingEvents(account.id(), interval, clock.instant());
        deliver(events.checkoutCompleted(clock.instant()), events.subscription(SUBSCRIPTION_CREATED, ACTIVE,
                clock.instant()), events.invoicePaid(price, clock.instant()));
        stripe.knows(events.subscription());
        return events;
    }

    private static void deliver(BillingEvent... events) {
        byte[] body = ScriptedBillingProvider.body(events);
        ApiResponse response = webhook(body, ScriptedBillingProvider.sign(body));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private static ApiResponse webhook(byte[] body, String signature) {
        // mixed case on purpose: header names reach the provider in lower case
        return api.client().withHeader("Test-Signature", signature)
                .send("POST", WEBHOOK, BodyPublishers.ofByteArray(body), "application/json");
    }

    private static void assertProblem(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }

    private static String violationField(ApiResponse response) {
        return response.json().getJsonArray("violations").getJsonObject(0).getString("field");
    }
}
