package io.promptmanager.core.billing;

import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.BillingEvents;
import io.promptmanager.core.testing.LogRecords;
import io.promptmanager.core.testing.ScriptedBillingProvider;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserChanges;
import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.SubscriptionSnapshot;
import io.promptmanager.plugin.billing.WebhookRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;

import static io.promptmanager.plugin.billing.BillingEvent.Type.SUBSCRIPTION_CREATED;
import static io.promptmanager.plugin.billing.BillingEvent.Type.SUBSCRIPTION_DELETED;
import static io.promptmanager.plugin.billing.BillingEvent.Type.SUBSCRIPTION_UPDATED;
import static io.promptmanager.plugin.billing.SubscriptionStatus.ACTIVE;
import static io.promptmanager.plugin.billing.SubscriptionStatus.CANCELED;
import static io.promptmanager.plugin.billing.SubscriptionStatus.INCOMPLETE;
import static io.promptmanager.plugin.billing.SubscriptionStatus.INCOMPLETE_EXPIRED;
import static io.promptmanager.plugin.billing.SubscriptionStatus.PAST_DUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verified webhooks are the only way plans change: applied once, in order, atomically. */
class BillingWebhooksIT {
    private BillingFixture f;

    @BeforeEach
    void start() {
        f = new BillingFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aPaidSubscriptionMakesTheUserProThroughRenewalAndAFailedPaymentUntilTheGracePeriodEnds() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = new BillingEvents(user.id(), BillingInterval.MONTH, f.now());

        f.deliver(stripe.checkoutCompleted(f.now()));
        assertThat(f.plan(user)).as("a checkout alone grants nothing").isEqualTo(Plan.FREE);
        f.deliver(stripe.subscription(SUBSCRIPTION_CREATED, ACTIVE, f.now()), stripe.invoicePaid(700, f.now()));
        assertThat(f.plan(user)).isEqualTo(Plan.PRO);

        f.advance(Duration.ofDays(31));
        stripe.renew();
        f.deliver(stripe.invoicePaid(700, f.now()), stripe.subscription(SUBSCRIPTION_UPDATED, ACTIVE, f.now()));
        assertThat(f.plan(user)).isEqualTo(Plan.PRO);

        f.advance(Duration.ofDays(31));
        stripe.renew();
        Instant failed = f.now();
        f.deliver(stripe.invoicePaymentFailed(700, failed), stripe.subscription(SUBSCRIPTION_UPDATED, PAST_DUE, failed));
        f.advance(Duration.ofDays(7).minusMinutes(1));
        int earlySweep = f.core.graceSweep().runOnce();
        Plan withinGrace = f.plan(user);
        f.advance(Duration.ofMinutes(1));
        int sweep = f.core.graceSweep().runOnce();

        assertThat(earlySweep).isZero();
        assertThat(withinGrace).isEqualTo(Plan.PRO);
        assertThat(sweep).isEqualTo(1);
        assertThat(f.plan(user)).isEqualTo(Plan.FREE);
        assertThat(f.core.graceSweep().runOnce()).as("a second sweep changes nothing").isZero();
        BillingOverview overview = f.core.billingService().overview(f.actor(user));
        assertThat(overview.subscription().status()).isEqualTo(PAST_DUE);
        assertThat(overview.subscription().pastDueSince()).isEqualTo(failed);
        assertThat(overview.subscription().graceEndsAt()).isEqualTo(failed.plus(Duration.ofDays(7)));
        assertThat(overview.invoices()).extracting(Invoice::status).containsExactly("open", "paid", "paid");
        assertThat(f.auditActions(user)).filteredOn("user.plan"::equals).hasSize(2);
        assertThat(f.audit(user)).filteredOn(e -> e.action().equals("user.plan"))
                .allSatisfy(e -> assertThat(e.actorUserId()).as("the platform acted").isNull());
    }

    @Test
    void aPaymentRecoveredWithinTheGracePeriodKeepsProAndEndsThePastDueState() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = subscribed(user);
        f.advance(Duration.ofDays(31));
        stripe.renew();
        f.deliver(stripe.invoicePaymentFailed(700, f.now()), stripe.subscription(SUBSCRIPTION_UPDATED, PAST_DUE, f.now()));

        f.advance(Duration.ofDays(3));
        f.deliver(stripe.invoicePaidAgain(2, 700, f.now()), stripe.subscription(SUBSCRIPTION_UPDATED, ACTIVE, f.now()));
        f.advance(Duration.ofDays(10));

        assertThat(f.core.graceSweep().runOnce()).isZero();
        assertThat(f.plan(user)).isEqualTo(Plan.PRO);
        BillingOverview overview = f.core.billingService().overview(f.actor(user));
        assertThat(overview.subscription().pastDueSince()).isNull();
        assertThat(overview.invoices()).extracting(Invoice::status).containsExactly("paid", "paid");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = new BillingEvents(user.id(), BillingInterval.YEAR, f.now());
        WebhookRequest webhook = f.provider.webhook(stripe.subscription(SUBSCRIPTION_CREATED, ACTIVE, f.now()));

        BillingWebhooks.Receipt first = f.core.billingWebhooks().receive("stripe", webhook);
        f.core.userService().update(admin(), user.id(), new UserChanges(Plan.FREE, null, null));
        BillingWebhooks.Receipt second = f.core.billingWebhooks().receive("stripe", webhook);

        assertThat(first.count(EventOutcome.APPLIED)).isEqualTo(1);
        assertThat(second.count(EventOutcome.DUPLICATE)).isEqualTo(1);
        assertThat(f.plan(user)).as("the duplicate did not grant PRO again").isEqualTo(Plan.FREE);
        assertThat(f.count("SELECT count(*) FROM billing_events")).isEqualTo(1);
    }

    @Test
    void twoDeliveriesOfOneEventAtTheSameMomentApplyItOnce() throws Exception {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = new BillingEvents(user.id(), BillingInterval.MONTH, f.now());
        WebhookRequest webhook = f.provider.webhook(stripe.subscription(SUBSCRIPTION_CREATED, ACTIVE, f.now()));
        // the first delivery holds its transaction open after recording the event id, so the
        // second really arrives while the first is in flight
        sql("""
                CREATE FUNCTION slow_event() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(0.5); RETURN NEW; END $$
                LANGUAGE plpgsql""");
        sql("CREATE TRIGGER slow_event AFTER INSERT ON billing_events FOR EACH ROW EXECUTE FUNCTION slow_event()");
        CountDownLatch go = new CountDownLatch(1);

        CompletableFuture<BillingWebhooks.Receipt> one = deliverAfter(go, webhook);
        CompletableFuture<BillingWebhooks.Receipt> two = deliverAfter(go, webhook);
        go.countDown();
        List<BillingWebhooks.Receipt> receipts = List.of(one.get(), two.get());

        assertThat(receipts.stream().mapToInt(r -> r.count(EventOutcome.APPLIED)).sum()).isEqualTo(1);
        assertThat(receipts.stream().mapToInt(r -> r.count(EventOutcome.DUPLICATE)).sum()).isEqualTo(1);
        assertThat(f.plan(user)).isEqualTo(Plan.PRO);
        assertThat(f.auditActions(user)).filteredOn("user.plan"::equals).hasSize(1);
        assertThat(f.auditActions(user)).filteredOn("billing.subscription"::equals).hasSize(1);
        assertThat(f.count("SELECT count(*) FROM billing_subscriptions")).isEqualTo(1);
    }

    @Test
    void aSubscriptionEndingWhileAnotherStartsLeavesTheUserPro() throws Exception {
        User user = f.newUser(Plan.FREE);
        BillingEvents ending = subscribed(user);
        BillingEvents starting = new BillingEvents(user.id(), BillingInterval.YEAR, f.now());
        WebhookRequest started = f.provider.webhook(starting.subscription(SUBSCRIPTION_CREATED, ACTIVE, f.now()));
        WebhookRequest ended = f.provider.webhook(ending.subscription(SUBSCRIPTION_DELETED, CANCELED, f.now()));
        // the new subscription's transaction stays open at its very end, its state not yet visible
        sql("""
                CREATE FUNCTION slow_audit() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(1); RETURN NEW; END $$
                LANGUAGE plpgsql""");
        sql("CREATE TRIGGER slow_audit AFTER INSERT ON audit_log FOR EACH ROW WHEN (NEW.object_id = '"
                + starting.subscriptionId() + "') EXECUTE FUNCTION slow_audit()");

        CompletableFuture<BillingWebhooks.Receipt> start = deliverAfter(new CountDownLatch(0), started);
        Thread.sleep(300);
        f.core.billingWebhooks().receive("stripe", ended);
        start.get();

        assertThat(f.plan(user)).isEqualTo(Plan.PRO);
    }

    @Test
    void anUpdateOlderThanTheDeletionArrivingAfterItLeavesTheUserFree() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = subscribed(user);
        f.advance(Duration.ofMinutes(5));
        BillingEvent olderUpdate = stripe.subscriptionEvent(SUBSCRIPTION_UPDATED, f.now());
        f.advance(Duration.ofMinutes(5));
        BillingEvent deletion = stripe.subscription(SUBSCRIPTION_DELETED, CANCELED, f.now());

        f.deliver(deletion);
        BillingWebhooks.Receipt late = f.deliver(olderUpdate);

        assertThat(late.count(EventOutcome.STALE)).isEqualTo(1);
        assertThat(f.plan(user)).isEqualTo(Plan.FREE);
        assertThat(f.core.billingService().overview(f.actor(user)).subscription().status()).isEqualTo(CANCELED);
    }

    @Test
    void aCancelledSubscriptionNeverBecomesActiveAgainEvenFromAnEventOfTheSameSecond() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = subscribed(user);
        f.advance(Duration.ofMinutes(1));
        Instant second = f.now();
        BillingEvent update = stripe.subscriptionEvent(SUBSCRIPTION_UPDATED, second);
        BillingEvent deletion = stripe.subscription(SUBSCRIPTION_DELETED, CANCELED, second);

        BillingWebhooks.Receipt receipt = f.deliver(deletion, update);

        assertThat(receipt.count(EventOutcome.APPLIED)).isEqualTo(1);
        assertThat(receipt.count(EventOutcome.STALE)).isEqualTo(1);
        assertThat(f.plan(user)).isEqualTo(Plan.FREE);
    }

    @Test
    void eventsOfTheSameSecondApplyInTheOrderTheyArrive() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = subscribed(user);
        Instant second = f.now();
        BillingEvent pastDue = stripe.subscription(SUBSCRIPTION_UPDATED, PAST_DUE, second);
        BillingEvent active = stripe.subscription(SUBSCRIPTION_UPDATED, ACTIVE, second);

        f.deliver(pastDue, active);

        assertThat(f.core.billingService().overview(f.actor(user)).subscription().status()).isEqualTo(ACTIVE);
    }

    @Test
    void aFailureInTheMiddleOfAnEventRollsItBackAndTheProcessorsRetryAppliesIt() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = new BillingEvents(user.id(), BillingInterval.MONTH, f.now());
        WebhookRequest webhook = f.provider.webhook(stripe.subscription(SUBSCRIPTION_CREATED, ACTIVE, f.now()));
        sql("""
                CREATE FUNCTION refuse_subscription() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'disk full (simulated)'; END $$ LANGUAGE plpgsql""");
        sql("""
                CREATE TRIGGER refuse_subscription BEFORE INSERT ON billing_subscriptions
                FOR EACH ROW EXECUTE FUNCTION refuse_subscription()""");

        assertThatThrownBy(() -> f.core.billingWebhooks().receive("stripe", webhook)).isNotInstanceOf(DomainException.class);
        long recordedAfterFailure = f.count("SELECT count(*) FROM billing_events");
        Plan planAfterFailure = f.plan(user);
        sql("DROP TRIGGER refuse_subscription ON billing_subscriptions");
        BillingWebhooks.Receipt retry = f.core.billingWebhooks().receive("stripe", webhook);

        assertThat(recordedAfterFailure).as("the event id was rolled back too").isZero();
        assertThat(planAfterFailure).isEqualTo(Plan.FREE);
        assertThat(retry.count(EventOutcome.APPLIED)).isEqualTo(1);
        assertThat(f.plan(user)).isEqualTo(Plan.PRO);
    }

    @Test
    void anEventOfNoKnownUserIsAcknowledgedRecordedAndLoggedWithoutItsContent() {
        BillingEvents stranger = new BillingEvents(null, BillingInterval.MONTH, f.now());
        WebhookRequest webhook = f.provider.webhook(stranger.subscription(SUBSCRIPTION_CREATED, ACTIVE, f.now()));
        String signature = webhook.header(ScriptedBillingProvider.SIGNATURE_HEADER).orElseThrow();

        BillingWebhooks.Receipt receipt;
        String log;
        try (LogRecords logs = LogRecords.capture()) {
            receipt = f.core.billingWebhooks().receive("stripe", webhook);
            log = logs.atLeast(Level.WARNING).stream().map(logs::message).reduce("", String::concat);
        }

        assertThat(receipt.count(EventOutcome.UNKNOWN_USER)).isEqualTo(1);
        assertThat(log).contains(stranger.customerId()).contains("matches no user")
                .doesNotContain(signature).doesNotContain(new String(webhook.body(), StandardCharsets.UTF_8));
        assertThat(f.count("SELECT count(*) FROM billing_events WHERE outcome = 'UNKNOWN_USER'")).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM billing_subscriptions")).isZero();
    }

    @Test
    void aCustomerLinkedByCheckoutIdentifiesTheUserOfLaterEventsWithoutMetadata() {
        User user = f.newUser(Plan.FREE);
        BillingEvents linked = new BillingEvents(user.id(), BillingInterval.MONTH, f.now());
        f.deliver(linked.checkoutCompleted(f.now()));
        BillingEvents withoutMetadata = new BillingEvents(null, BillingInterval.MONTH, f.now());
        BillingEvent created = withoutMetadata.subscription(SUBSCRIPTION_CREATED, ACTIVE, f.now());
        BillingEvent sameCustomer = new BillingEvent(created.id(), created.type(), created.processorType(),
                created.created(), null, new SubscriptionSnapshot(
                created.subscription().id(), linked.customerId(), null, ACTIVE, BillingInterval.MONTH,
                created.subscription().currentPeriodStart(), created.subscription().currentPeriodEnd(), false, null,
                null), null);

        f.deliver(sameCustomer);

        assertThat(f.plan(user)).isEqualTo(Plan.PRO);
    }

    @Test
    void aBadSignatureOrAnUnreadableBodyIsRefusedAndChangesNothing() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = new BillingEvents(user.id(), BillingInterval.MONTH, f.now());
        byte[] body = ScriptedBillingProvider.body(stripe.subscription(SUBSCRIPTION_CREATED, ACTIVE, f.now()));
        byte[] garbage = "not events".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> f.core.billingWebhooks().receive("stripe",
                Map.of(ScriptedBillingProvider.SIGNATURE_HEADER, List.of("v1=0000")), body))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.WEBHOOK_SIGNATURE_INVALID));
        assertThatThrownBy(() -> f.core.billingWebhooks().receive("stripe", Map.of(), body))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.WEBHOOK_SIGNATURE_INVALID));
        assertThatThrownBy(() -> f.core.billingWebhooks().receive("stripe",
                Map.of(ScriptedBillingProvider.SIGNATURE_HEADER, List.of(ScriptedBillingProvider.sign(garbage))), garbage))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        assertThat(f.plan(user)).isEqualTo(Plan.FREE);
        assertThat(f.count("SELECT count(*) FROM billing_events")).isZero();
    }

    @Test
    void otherEventsAreAcknowledgedAndRecordedOnly() {
        BillingWebhooks.Receipt receipt = f.deliver(BillingEvents.other(f.now()));

        assertThat(receipt.count(EventOutcome.IGNORED)).isEqualTo(1);
        assertThat(f.count("SELECT count(*) FROM billing_events WHERE outcome = 'IGNORED'")).isEqualTo(1);
    }

    @Test
    void anOlderPaymentFailureNeverTurnsAPaidInvoiceBackToOpen() {
        User user = f.newUser(Plan.FREE);
        BillingEvents stripe = subscribed(user);
        f.advance(Duration.ofDays(31));
        stripe.renew();
        BillingEvent failure = stripe.invoicePaymentFailed(700, f.now());
        f.advance(Duration.ofHours(1));
        f.deliver(stripe.invoicePaidAgain(2, 700, f.now()));

        BillingWebhooks.Receipt late = f.deliver(failure);

        assertThat(late.count(EventOutcome.STALE)).isEqualTo(1);
        assertThat(f.core.billingService().overview(f.actor(user)).invoices()).extracting(Invoice::status)
                .containsExactly("paid", "paid");
    }

    @Test
    void webhooksNamingAnotherProviderAreNotFoundAndWithoutProviderBillingIsUnavailable() {
        WebhookRequest webhook = f.provider.webhook(BillingEvents.other(f.now()));

        assertThatThrownBy(() -> f.core.billingWebhooks().receive("paypal", webhook))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        try (TestPlatform bare = TestPlatform.start()) {
            assertThatThrownBy(() -> bare.services().billingWebhooks().receive("stripe", webhook))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.BILLING_UNAVAILABLE);
                        assertThat(e.getMessage()).isEqualTo("Billing is not configured on this server");
                    });
        }
    }

    @Test
    void anAdministratorsComplimentaryProIsNotTakenAwayByAnUnpaidCheckout() {
        User comped = f.newUser(Plan.PRO);
        BillingEvents abandoned = new BillingEvents(comped.id(), BillingInterval.MONTH, f.now());

        f.deliver(abandoned.subscription(SUBSCRIPTION_CREATED, INCOMPLETE, f.now()));
        f.advance(Duration.ofDays(1));
        f.deliver(abandoned.subscription(SUBSCRIPTION_UPDATED, INCOMPLETE_EXPIRED, f.now()));

        assertThat(f.plan(comped)).isEqualTo(Plan.PRO);
        assertThat(f.auditActions(comped)).doesNotContain("user.plan");
    }

    @Test
    void administratorsStillChangePlansByHand() {
        User user = f.newUser(Plan.FREE);
        subscribed(user);

        f.core.userService().update(admin(), user.id(), new UserChanges(Plan.FREE, null, null));

        assertThat(f.plan(user)).isEqualTo(Plan.FREE);
    }

    private Actor admin() {
        return Actor.console(f.core.userService().firstAdmin().orElseThrow());
    }

    private BillingEvents subscribed(User user) {
        BillingEvents stripe = new BillingEvents(user.id(), BillingInterval.MONTH, f.now());
        f.deliver(stripe.checkoutCompleted(f.now()), stripe.subscription(SUBSCRIPTION_CREATED, ACTIVE, f.now()),
                stripe.invoicePaid(700, f.now()));
        assertThat(f.plan(user)).isEqualTo(Plan.PRO);
        return stripe;
    }

    private CompletableFuture<BillingWebhooks.Receipt> deliverAfter(CountDownLatch go, WebhookRequest webhook) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return f.core.billingWebhooks().receive("stripe", webhook);
        });
    }

    private void sql(String statement) {
        f.core.database().dbClient().execute().dml(statement);
    }
}
