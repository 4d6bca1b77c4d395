package io.promptmanager.app;

import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.stripe.testing.FakeStripe;
import io.promptmanager.stripe.testing.SignedEvent;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.promptmanager.app.BillingJourney.instant;
import static io.promptmanager.app.BillingJourney.json;
import static io.promptmanager.app.BillingJourney.objectOf;
import static io.promptmanager.app.BillingJourney.eventOf;
import static io.promptmanager.app.BillingJourney.ok;
import static io.promptmanager.app.InstalledDistribution.env;
import static io.promptmanager.app.InstalledDistribution.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 on the packaged product: PRO bought, renewed, lost and cancelled through Stripe. The
 * bundled Stripe plugin is configured the operator's way (environment variables) against a local
 * Stripe ({@link FakeStripe}, Stripe's wire format), whose webhook events, signed as Stripe signs
 * them, are POSTed over HTTP to the running platform's keyless endpoint; one journey goes through
 * the console in a real browser. One platform for the class, on its own database reached through a
 * {@link DatabaseLink}, which one test breaks in the middle of an event.
 */
class BillingEndToEndIT {
    private static final Duration START = Duration.ofSeconds(120);
    private static final Duration GRACE = Duration.ofSeconds(8);
    private static final Duration SWEEP = Duration.ofSeconds(1);

    private static FakeStripe stripe;
    private static DatabaseLink database;
    private static RunningProcess platform;
    private static BillingJourney journey;

    @BeforeAll
    static void start() throws Exception {
        InstalledDistribution distribution = InstalledDistribution.unzip();
        ShiftedClock clock = new ShiftedClock();
        stripe = FakeStripe.start(clock);
        database = DatabaseLink.to(TestDatabase.freshSettings().url());
        int apiPort = freePort();
        int consolePort = freePort();
        String consoleUrl = "http://localhost:" + consolePort;
        String operatorKey = "operator-" + UUID.randomUUID() + UUID.randomUUID();
        platform = distribution.launch(env("PM_DATA_DIR", Files.createTempDirectory("pm-data"),
                "PM_DB_URL", database.jdbcUrl(), "PM_API_PORT", apiPort, "PM_CONSOLE_PORT", consolePort,
                "PM_ADMIN_API_KEY", operatorKey, "PM_CONSOLE_PUBLIC_URL", consoleUrl,
                "STRIPE_SECRET_KEY", stripe.secretKey(), "STRIPE_WEBHOOK_SECRET", stripe.webhookSecret(),
                "PM_STRIPE_PRICE_MONTHLY", stripe.monthlyPrice(), "PM_STRIPE_PRICE_YEARLY", stripe.yearlyPrice(),
                "PM_STRIPE_API_BASE", stripe.apiBase(), "PM_BILLING_GRACE_PERIOD", GRACE,
                "JAVA_OPTS", "-Dbilling.grace-sweep-interval=" + SWEEP));
        platform.awaitOutput("Prompt Manager is running", START);
        journey = new BillingJourney(stripe, clock, apiPort, operatorKey, URI.create(consoleUrl));
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (platform != null && journey != null) {
                platform.stop(Duration.ofSeconds(60));
                String logs = platform.stdout() + platform.stderr();
                // kept for whoever reads a failure of this class
                Files.writeString(Files.createDirectories(Path.of("target")).resolve("BillingEndToEndIT-platform.log"),
                        logs);
                assertThat(logs).doesNotContain(stripe.secretKey()).doesNotContain(stripe.webhookSecret());
                journey.deliveredSignatures().forEach(signature -> assertThat(logs).doesNotContain(signature));
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
            if (stripe != null) {
                stripe.close();
            }
            if (database != null) {
                database.close();
            }
        }
    }

    @Test
    void aUserTurnsProThroughVerifiedWebhooksRenewsFallsPastDueAndTurnsFreeWhenTheGracePeriodEnds() {
        // given a FREE user with an open checkout for the monthly price
        BillingJourney.Buyer buyer = journey.freeBuyerWithOpenCheckout("month");
        assertThat(stripe.requests("POST", "/v1/checkout/sessions").getLast().params())
                .containsEntry("mode", "subscription")
                .containsEntry("line_items[0][price]", stripe.monthlyPrice())
                .containsEntry("client_reference_id", buyer.id().toString())
                .containsEntry("subscription_data[metadata][user_id]", buyer.id().toString())
                .containsEntry("customer_email", buyer.email())
                .containsEntry("success_url", journey.consoleUrl() + "/billing/return?session_id={CHECKOUT_SESSION_ID}");
        journey.assertRefused(buyer.api().get("/api/v1/billing"), 403, "PLAN_REQUIRED");

        // when the customer pays and Stripe delivers the checkout's events to the platform
        List<SignedEvent> paid = stripe.completeCheckout(buyer.sessionId());

        // then
        JsonObject subscription = objectOf(paid, "customer.subscription.created");
        JsonObject firstInvoice = objectOf(paid, "invoice.paid");
        String subscriptionId = subscription.getString("id");
        assertThat(journey.planOf(buyer)).isEqualTo("PRO");
        JsonObject overview = ok(buyer.api().get("/api/v1/billing"));
        assertThat(overview.getString("plan")).isEqualTo("PRO");
        assertThat(overview.getBoolean("hasBillingAccount")).isTrue();
        JsonObject shown = overview.getJsonObject("subscription");
        assertThat(shown.getString("interval")).isEqualTo("month");
        assertThat(shown.getString("status")).isEqualTo("active");
        assertThat(instant(shown, "currentPeriodStart")).isEqualTo(BillingJourney.periodStart(subscription));
        assertThat(instant(shown, "currentPeriodEnd")).isEqualTo(BillingJourney.periodEnd(subscription));
        assertThat(overview.getJsonArray("invoices")).hasSize(1);
        JsonObject invoice = overview.getJsonArray("invoices").getJsonObject(0);
        assertThat(invoice.getString("number")).isEqualTo(firstInvoice.getString("number"));
        assertThat(invoice.getString("status")).isEqualTo("paid");
        assertThat(invoice.getJsonObject("amountPaid").getJsonNumber("amount").longValue())
                .isEqualTo(FakeStripe.MONTHLY_AMOUNT);
        assertThat(invoice.getJsonObject("amountPaid").getString("currency")).isEqualTo("usd");
        assertThat(invoice.getString("hostedUrl")).isEqualTo(firstInvoice.getString("hosted_invoice_url"));

        // when the period renews
        List<SignedEvent> renewal = stripe.renew(subscriptionId);

        // then the new period and its invoice are shown
        JsonObject renewed = ok(buyer.api().get("/api/v1/billing"));
        JsonObject moved = objectOf(renewal, "customer.subscription.updated");
        assertThat(instant(renewed.getJsonObject("subscription"), "currentPeriodStart"))
                .isEqualTo(BillingJourney.periodEnd(subscription))
                .isEqualTo(BillingJourney.periodStart(moved));
        assertThat(instant(renewed.getJsonObject("subscription"), "currentPeriodEnd"))
                .isEqualTo(BillingJourney.periodEnd(moved));
        assertThat(BillingJourney.numbers(renewed)).containsExactlyInAnyOrder(firstInvoice.getString("number"),
                objectOf(renewal, "invoice.paid").getString("number"));

        // when the next renewal's payment fails
        List<SignedEvent> failure = stripe.failRenewal(subscriptionId);

        // then the subscription is past due and the user keeps PRO during the grace period
        Instant failedAt = Instant.ofEpochSecond(json(eventOf(failure, "invoice.payment_failed").body())
                .getJsonNumber("created").longValue());
        JsonObject pastDue = ok(buyer.api().get("/api/v1/billing"));
        assertThat(pastDue.getString("plan")).isEqualTo("PRO");
        assertThat(pastDue.getJsonObject("subscription").getString("status")).isEqualTo("past_due");
        Instant graceEnds = instant(pastDue.getJsonObject("subscription"), "graceEndsAt");
        assertThat(graceEnds).isEqualTo(failedAt.plus(GRACE));
        assertThat(pastDue.getJsonArray("invoices")).hasSize(3)
                .anySatisfy(open -> assertThat(open.asJsonObject().getString("status")).isEqualTo("open"));

        // when the grace period ends without a successful retry
        journey.awaitPlan(buyer, "FREE", GRACE.plus(Duration.ofSeconds(15)));

        // then the user is FREE, not earlier than the grace allowed, and their API key is kept but refused
        assertThat(Instant.now()).isAfterOrEqualTo(graceEnds);
        journey.assertRefused(buyer.api().get("/api/v1/billing"), 403, "PLAN_REQUIRED");

        // when a retry of the payment succeeds after all
        stripe.recoverPayment(subscriptionId);

        // then the same key works again
        assertThat(journey.planOf(buyer)).isEqualTo("PRO");
        assertThat(ok(buyer.api().get("/api/v1/billing")).getJsonObject("subscription").getString("status"))
                .isEqualTo("active");
    }

    @Test
    void aUserWhoSignedUpInTheConsoleUpgradesOnStripesCheckoutPageAndIsProOnceTheWebhookArrives() {
        String email = "console-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        try (ConsoleBrowser browser = new ConsoleBrowser(URI.create(journey.consoleUrl() + "/"));
             UnreachableEndpoint unreachable = new UnreachableEndpoint()) {
            // given a user who signed up in the console: FREE, no API access
            browser.open("signup");
            browser.type("#email input", email);
            browser.type("#display-name input", "Console buyer");
            browser.type("#password input", BillingJourney.PASSWORD);
            browser.click("sign-up");
            browser.awaitVisible("#user-name");
            browser.open("billing");
            browser.awaitText("billing-plan", "Free");

            // when they upgrade monthly and pay on Stripe's page, while Stripe cannot reach the platform
            journey.deliveringTo(unreachable.uri(), () -> {
                browser.click("upgrade-monthly");
                String checkoutPage = browser.awaitAddress(stripe.apiBase() + "/c/pay/cs_");
                browser.click("pay");
                return browser.awaitAddress(journey.consoleUrl() + "/billing/return?session_id="
                        + checkoutPage.substring(checkoutPage.lastIndexOf('/') + 1));
            });

            // then they are back in the console, told to wait, and still FREE: coming back proves nothing
            browser.awaitText("billing-return-status", "waiting for the payment processor");
            UUID id = journey.userId(email);
            assertThat(journey.planOf(id)).isEqualTo("FREE");
            List<SignedEvent> failed = unreachable.failedDeliveries();
            assertThat(failed).extracting(SignedEvent::type).containsExactly("checkout.session.completed",
                    "customer.subscription.created", "invoice.paid");
            assertThat(objectOf(failed, "checkout.session.completed").getString("client_reference_id"))
                    .isEqualTo(id.toString());

            // when Stripe's retries reach the platform
            journey.deliverAll(failed);

            // then the waiting page sees PRO and opens the billing page
            browser.awaitText("billing-plan", "Pro");
            browser.awaitVisible("#billing-subscription");
            assertThat(journey.planOf(id)).isEqualTo("PRO");
            browser.screenshot("billing-upgrade");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"month", "year"})
    void cancellingNowRefundsTheUnusedPartRoundedDownToTheCentAndTheDeletionWebhookTurnsTheUserFree(String interval) {
        // given a subscription paid two days ago, whose events reach the platform now
        long price = interval.equals("month") ? FakeStripe.MONTHLY_AMOUNT : FakeStripe.YEARLY_AMOUNT;
        BillingJourney.Paid paid = journey.paidDaysAgo(interval, 2);
        assertThat(paid.amountPaid()).isEqualTo(price);
        BillingJourney.Buyer buyer = paid.buyer();

        // when the user looks at what cancelling now would refund
        JsonObject quote = ok(buyer.api().get("/api/v1/billing/cancellation"));

        // then it is the documented proration at the moment of the quote
        JsonObject now = quote.getJsonObject("now");
        Instant quotedAt = instant(now, "quotedAt");
        assertThat(now.getJsonObject("refund").getJsonNumber("amount").longValue())
                .isEqualTo(paid.proratedRefundAt(quotedAt))
                .isLessThan(price);
        assertThat(now.getJsonObject("amountPaid").getJsonNumber("amount").longValue()).isEqualTo(price);
        assertThat(instant(now, "periodStart")).isEqualTo(paid.periodStart());
        assertThat(instant(now, "periodEnd")).isEqualTo(paid.periodEnd());
        assertThat(instant(quote.getJsonObject("periodEnd"), "proUntil")).isEqualTo(paid.periodEnd());

        // when they cancel now (Stripe's deletion event held back to look between the two)
        Instant before = Instant.now();
        HttpResponse<String> cancelled = journey.withheld(
                () -> buyer.api().post("/api/v1/billing/cancel", "{\"mode\":\"now\"}"));
        Instant after = Instant.now();

        // then Stripe cancelled without crediting the customer's balance and refunded once, the prorated amount
        JsonObject result = ok(cancelled);
        long refunded = result.getJsonObject("refunded").getJsonNumber("amount").longValue();
        assertThat(refunded).isBetween(paid.proratedRefundAt(after), paid.proratedRefundAt(before));
        assertThat(stripe.requests("DELETE", "/v1/subscriptions/" + paid.subscriptionId())).singleElement()
                .satisfies(deletion -> assertThat(deletion.params())
                        .containsEntry("prorate", "false").containsEntry("invoice_now", "false"));
        assertThat(stripe.customerBalance(paid.customerId())).isZero();
        assertThat(stripe.refunds()).filteredOn(r -> r.paymentIntent().equals(paid.paymentIntent()))
                .singleElement().satisfies(refund -> {
                    assertThat(refund.amount()).isEqualTo(refunded);
                    assertThat(refund.currency()).isEqualTo("usd");
                });
        assertThat(stripe.subscriptionStatus(paid.subscriptionId())).isEqualTo("canceled");
        // only the webhook changes the plan
        JsonObject waiting = ok(buyer.api().get("/api/v1/billing"));
        assertThat(waiting.getString("plan")).isEqualTo("PRO");
        assertThat(waiting.getJsonArray("refunds")).singleElement().satisfies(shown -> assertThat(
                shown.asJsonObject().getJsonObject("amount").getJsonNumber("amount").longValue()).isEqualTo(refunded));

        // when Stripe's customer.subscription.deleted arrives
        journey.deliverAll(journey.takeApiEvents("customer.subscription.deleted", paid.subscriptionId()));

        // then
        assertThat(journey.planOf(buyer)).isEqualTo("FREE");
        journey.assertRefused(buyer.api().get("/api/v1/billing"), 403, "PLAN_REQUIRED");
    }

    @Test
    void cancellingAtPeriodEndKeepsProUntilThenRefundsNothing() {
        // given
        BillingJourney.Paid paid = journey.paidDaysAgo("month", 0);
        BillingJourney.Buyer buyer = paid.buyer();

        // when
        JsonObject result = ok(buyer.api().post("/api/v1/billing/cancel", "{\"mode\":\"period_end\"}"));

        // then
        assertThat(result.getString("mode")).isEqualTo("period_end");
        assertThat(result.getJsonObject("refunded").getJsonNumber("amount").longValue()).isZero();
        assertThat(stripe.requests("POST", "/v1/subscriptions/" + paid.subscriptionId())).singleElement()
                .satisfies(update -> assertThat(update.params()).containsEntry("cancel_at_period_end", "true"));
        assertThat(stripe.requests("DELETE", "/v1/subscriptions/" + paid.subscriptionId())).isEmpty();
        journey.awaitDelivered(journey.takeApiEvents("customer.subscription.updated", paid.subscriptionId()));
        JsonObject overview = ok(buyer.api().get("/api/v1/billing"));
        assertThat(overview.getString("plan")).isEqualTo("PRO");
        JsonObject subscription = overview.getJsonObject("subscription");
        assertThat(subscription.getString("status")).isEqualTo("active");
        assertThat(subscription.getBoolean("cancelAtPeriodEnd")).isTrue();
        assertThat(instant(subscription, "cancelAt")).isEqualTo(paid.periodEnd());
        assertThat(overview.getJsonArray("refunds")).isEmpty();
        assertThat(stripe.refunds()).noneMatch(r -> r.paymentIntent().equals(paid.paymentIntent()));
        assertThat(stripe.customerBalance(paid.customerId())).isZero();

        // when the period ends
        stripe.expire(paid.subscriptionId());

        // then
        assertThat(journey.planOf(buyer)).isEqualTo("FREE");
    }

    @Test
    void refusesTamperedForeignAndStaleSignaturesAndAppliesEachEventOnceHoweverOftenItArrives() throws Exception {
        // given the events of a paid checkout, not yet delivered
        BillingJourney.Buyer buyer = journey.freeBuyerWithOpenCheckout("month");
        List<SignedEvent> paid = journey.withheld(() -> stripe.completeCheckout(buyer.sessionId()));
        SignedEvent created = eventOf(paid, "customer.subscription.created");
        String tamperedBody = created.body().replace("\"cancel_at_period_end\": false", "\"cancel_at_period_end\": true");
        assertThat(tamperedBody).isNotEqualTo(created.body());

        // when the subscription's event arrives tampered, signed by another account, or signed too long ago
        HttpResponse<String> tampered = journey.deliver(
                new SignedEvent(created.id(), created.type(), tamperedBody, created.headers()));
        HttpResponse<String> foreign;
        try (FakeStripe otherAccount = FakeStripe.start()) {
            foreign = journey.deliver(otherAccount.sign(created.body()));
        }
        HttpResponse<String> stale = journey.deliver(journey.signedAgo(created, Duration.ofSeconds(301)));

        // then each is refused and nothing changed
        for (HttpResponse<String> refused : List.of(tampered, foreign, stale)) {
            journey.assertRefused(refused, 400, "WEBHOOK_SIGNATURE_INVALID");
            assertThat(refused.body()).doesNotContain(stripe.webhookSecret()).doesNotContain("v1=");
        }
        assertThat(journey.planOf(buyer)).isEqualTo("FREE");

        // when the genuine events arrive, twice
        journey.deliverAll(paid);
        journey.deliverAll(paid);

        // then they were applied once: the refused deliveries left no trace under the events' ids
        assertThat(journey.planOf(buyer)).isEqualTo("PRO");
        JsonObject overview = ok(buyer.api().get("/api/v1/billing"));
        assertThat(overview.getJsonArray("invoices")).hasSize(1);
        assertThat(overview.getJsonObject("subscription").getBoolean("cancelAtPeriodEnd")).isFalse();
        assertThat(journey.auditActions(buyer)).containsOnlyOnce("billing.subscription");

        // when a renewal's events arrive six times each, all at once
        String subscriptionId = objectOf(paid, "customer.subscription.created").getString("id");
        List<SignedEvent> renewal = journey.withheld(() -> stripe.renew(subscriptionId));
        try (ExecutorService stripeRetries = Executors.newFixedThreadPool(12)) {
            List<Callable<HttpResponse<String>>> deliveries = new ArrayList<>();
            for (SignedEvent event : renewal) {
                for (int attempt = 0; attempt < 6; attempt++) {
                    deliveries.add(() -> journey.deliver(event));
                }
            }
            for (Future<HttpResponse<String>> delivery : stripeRetries.invokeAll(deliveries)) {
                assertThat(delivery.get().statusCode()).as(delivery.get().body()).isEqualTo(200);
            }
        }

        // then once
        assertThat(ok(buyer.api().get("/api/v1/billing")).getJsonArray("invoices")).hasSize(2);
        assertThat(journey.auditActions(buyer)).filteredOn("billing.subscription"::equals).hasSize(2);
    }

    @Test
    void aSubscriptionUpdateArrivingAfterTheDeletionDoesNotBringProBack() {
        // given a PRO subscriber whose renewal a minute ago was not delivered yet
        BillingJourney.Paid paid = journey.paidDaysAgo("month", 0);
        List<SignedEvent> renewal = journey.happenedAgo(Duration.ofMinutes(1),
                () -> stripe.renew(paid.subscriptionId()));
        List<SignedEvent> deletion = journey.withheld(() -> stripe.deleteSubscription(paid.subscriptionId()));

        // when the deletion arrives first, then the older update saying "active"
        journey.deliverAll(deletion);
        assertThat(journey.planOf(paid.buyer())).isEqualTo("FREE");
        journey.deliverAll(List.of(eventOf(renewal, "customer.subscription.updated")));

        // then
        assertThat(journey.planOf(paid.buyer())).isEqualTo("FREE");
        journey.assertRefused(paid.buyer().api().get("/api/v1/billing"), 403, "PLAN_REQUIRED");
    }

    @Test
    void anEventWhoseProcessingLostTheDatabaseIsAppliedOnceByStripesRetry() {
        // given a subscriber whose first invoice's event is still to come
        BillingJourney.Buyer buyer = journey.freeBuyerWithOpenCheckout("month");
        List<SignedEvent> paid = journey.withheld(() -> stripe.completeCheckout(buyer.sessionId()));
        SignedEvent invoicePaid = eventOf(paid, "invoice.paid");
        journey.deliverAll(paid.stream().filter(event -> event != invoicePaid).toList());
        assertThat(journey.planOf(buyer)).isEqualTo("PRO");

        // when the platform's database connection drops while it writes that invoice
        database.cutTheConnectionThatSends(objectOf(paid, "invoice.paid").getString("id"));
        int cutsBefore = database.cuts();
        HttpResponse<String> failed = journey.deliver(invoicePaid);

        // then Stripe is told to retry, and nothing of the event was kept
        assertThat(database.cuts()).isEqualTo(cutsBefore + 1);
        journey.assertRefused(failed, 500, "INTERNAL_ERROR");
        assertThat(json(failed.body()).getString("errorId")).isNotBlank();
        assertThat(ok(buyer.api().get("/api/v1/billing")).getJsonArray("invoices")).isEmpty();

        // when Stripe retries, signing anew, and once more
        journey.deliverAll(List.of(stripe.sign(invoicePaid.body())));
        journey.deliverAll(List.of(stripe.sign(invoicePaid.body())));

        // then the invoice is there once
        JsonObject overview = ok(buyer.api().get("/api/v1/billing"));
        assertThat(BillingJourney.numbers(overview)).containsExactly(objectOf(paid, "invoice.paid").getString("number"));
    }
}
