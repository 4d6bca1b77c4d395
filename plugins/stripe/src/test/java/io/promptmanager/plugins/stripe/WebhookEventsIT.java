package io.promptmanager.plugins.stripe;

import com.google.gson.JsonObject;
import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingEvent.Type;
import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.InvoiceSnapshot;
import io.promptmanager.plugin.billing.SubscriptionSnapshot;
import io.promptmanager.plugin.billing.SubscriptionStatus;
import io.promptmanager.plugin.billing.WebhookRequest;
import io.promptmanager.stripe.testing.FakeStripe;
import io.promptmanager.stripe.testing.SignedEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.promptmanager.plugins.stripe.StripeProviders.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Webhook events from the fake and from Stripe's own examples, verified and read. */
class WebhookEventsIT {
    private final FakeStripe fake = FakeStripe.start();
    private final StripeBillingProvider provider = StripeProviders.started(fake);

    @AfterEach
    void stop() {
        provider.stop();
        fake.close();
    }

    @Test
    void aFirstPaymentGivesTheSubscriptionItsItemPeriodAndInterval() {
        List<BillingEvent> events = StripeProviders.subscribe(provider, fake, "user-7", BillingInterval.YEAR);

        assertThat(events).extracting(BillingEvent::type)
                .containsExactly(Type.CHECKOUT_COMPLETED, Type.SUBSCRIPTION_CREATED, Type.INVOICE_PAID);
        SubscriptionSnapshot subscription = events.get(1).subscription();
        assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(subscription.interval()).isEqualTo(BillingInterval.YEAR);
        assertThat(subscription.currentPeriodEnd()).isEqualTo(subscription.currentPeriodStart()
                .atZone(ZoneOffset.UTC).plusYears(1).toInstant());
        assertThat(subscription.cancelAtPeriodEnd()).isFalse();
        assertThat(subscription.cancelAt()).isNull();
        assertThat(subscription.canceledAt()).isNull();
        InvoiceSnapshot invoice = events.get(2).invoice();
        assertThat(invoice.subscriptionId()).isEqualTo(subscription.id());
        assertThat(invoice.customerId()).isEqualTo(subscription.customerId());
        assertThat(invoice.status()).isEqualTo("paid");
        assertThat(invoice.amountPaid()).isEqualTo(FakeStripe.YEARLY_AMOUNT);
        assertThat(invoice.amountDue()).isEqualTo(FakeStripe.YEARLY_AMOUNT);
        assertThat(invoice.currency()).isEqualTo("usd");
        assertThat(invoice.periodStart()).isEqualTo(subscription.currentPeriodStart());
        assertThat(invoice.periodEnd()).isEqualTo(subscription.currentPeriodEnd());
        assertThat(invoice.number()).isNotBlank();
        assertThat(invoice.hostedUrl().toString()).startsWith("https://invoice.stripe.com/i/");
        assertThat(events).extracting(BillingEvent::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("evt_"));
    }

    @Test
    void aRenewalInvoiceBillsTheNewPeriodNotTheInvoicesOwnPreviousPeriod() {
        SubscriptionSnapshot first = StripeProviders.subscribe(provider, fake, "user-7", BillingInterval.MONTH).get(1)
                .subscription();

        List<BillingEvent> renewal = fake.renew(first.id()).stream().map(e -> read(provider, e)).toList();

        assertThat(renewal).extracting(BillingEvent::type).containsExactly(Type.INVOICE_PAID, Type.SUBSCRIPTION_UPDATED);
        InvoiceSnapshot invoice = renewal.getFirst().invoice();
        assertThat(invoice.periodStart()).isEqualTo(first.currentPeriodEnd());
        assertThat(invoice.periodEnd()).isEqualTo(first.currentPeriodEnd().atZone(ZoneOffset.UTC).plusMonths(1)
                .toInstant());
        assertThat(invoice.userReference()).isEqualTo("user-7");
        SubscriptionSnapshot renewed = renewal.get(1).subscription();
        assertThat(renewed.currentPeriodStart()).isEqualTo(invoice.periodStart());
        assertThat(renewed.currentPeriodEnd()).isEqualTo(invoice.periodEnd());
        assertThat(renewed.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void aFailedRenewalIsAnOpenUnpaidInvoiceAndAPastDueSubscriptionUntilItRecovers() {
        String subscription = StripeProviders.subscribe(provider, fake, "user-7", BillingInterval.MONTH).get(1)
                .subscription().id();

        List<BillingEvent> failed = fake.failRenewal(subscription).stream().map(e -> read(provider, e)).toList();
        List<BillingEvent> recovered = fake.recoverPayment(subscription).stream().map(e -> read(provider, e)).toList();

        assertThat(failed).extracting(BillingEvent::type)
                .containsExactly(Type.INVOICE_PAYMENT_FAILED, Type.SUBSCRIPTION_UPDATED);
        assertThat(failed.getFirst().invoice()).satisfies(invoice -> {
            assertThat(invoice.status()).isEqualTo("open");
            assertThat(invoice.amountPaid()).isZero();
            assertThat(invoice.amountDue()).isEqualTo(FakeStripe.MONTHLY_AMOUNT);
        });
        assertThat(failed.get(1).subscription().status()).isEqualTo(SubscriptionStatus.PAST_DUE);
        assertThat(recovered.getFirst().invoice().id()).isEqualTo(failed.getFirst().invoice().id());
        assertThat(recovered.getFirst().invoice().status()).isEqualTo("paid");
        assertThat(recovered.get(1).subscription().status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void unpaidAndDeletedSubscriptionsKeepTheirStatusAndEndTime() {
        String subscription = StripeProviders.subscribe(provider, fake, "user-7", BillingInterval.MONTH).get(1)
                .subscription().id();
        fake.failRenewal(subscription);

        BillingEvent unpaid = read(provider, fake.markUnpaid(subscription).getFirst());
        BillingEvent deleted = read(provider, fake.deleteSubscription(subscription).getFirst());

        assertThat(unpaid.type()).isEqualTo(Type.SUBSCRIPTION_UPDATED);
        assertThat(unpaid.subscription().status()).isEqualTo(SubscriptionStatus.UNPAID);
        assertThat(deleted.type()).isEqualTo(Type.SUBSCRIPTION_DELETED);
        assertThat(deleted.subscription().status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(deleted.subscription().canceledAt()).isNotNull();
        assertThat(deleted.subscription().userReference()).isEqualTo("user-7");
    }

    @Test
    void readsStripesExampleInvoiceWithItsSubscriptionUnderParent() {
        SignedEvent event = fake.sign(StripeExamples.event(
                "invoice.paid", FakeStripe.API_VERSION, StripeExamples.object("stripe-openapi/invoice.json")));

        InvoiceSnapshot invoice = read(provider, event).invoice();

        assertThat(invoice).isEqualTo(new InvoiceSnapshot("in_1Pgc6tB7WZ01zgkWu9fdqL6I", null, "cus_QXg1o8vcGmoR32",
                "subscription", null, "draft", 0, 1000, "usd", Instant.ofEpochSecond(1721954054),
                Instant.ofEpochSecond(1721954054), Instant.ofEpochSecond(1234567890), null));
    }

    @Test
    void readsStripesExampleSubscriptionWithItsPeriodOnTheItem() {
        SignedEvent event = fake.sign(StripeExamples.event("customer.subscription.updated", FakeStripe.API_VERSION,
                        StripeExamples.object("stripe-openapi/subscription.json")));

        BillingEvent read = read(provider, event);

        assertThat(read.type()).isEqualTo(Type.SUBSCRIPTION_UPDATED);
        assertThat(read.id()).isEqualTo("evt_1Pgc76B7WZ01zgkWwyRHS12y");
        assertThat(read.created()).isEqualTo(Instant.ofEpochSecond(1234567890));
        assertThat(read.subscription()).isEqualTo(new SubscriptionSnapshot("sub_1Pgc6rB7WZ01zgkWNy0Cn5nw",
                "cus_QXg1o8vcGmoR32", null, SubscriptionStatus.ACTIVE, BillingInterval.MONTH,
                Instant.ofEpochSecond(1896570518), Instant.ofEpochSecond(976287773), true,
                Instant.ofEpochSecond(1234567890), Instant.ofEpochSecond(1234567890)));
    }

    @Test
    void aCompletedCheckoutThatMadeNoCustomerIsAcknowledgedAsOther() {
        // Stripe's example session is a one-off payment without a customer.
        SignedEvent event = fake.sign(StripeExamples.event(
                "checkout.session.completed", FakeStripe.API_VERSION,
                StripeExamples.object("stripe-openapi/checkout.session.json")));

        BillingEvent read = read(provider, event);

        assertThat(read.type()).isEqualTo(Type.OTHER);
        assertThat(read.processorType()).isEqualTo("checkout.session.completed");
    }

    @Test
    void aSubscriptionWithoutAMonthlyOrYearlyPriceIsAcknowledgedAsOther() {
        JsonObject subscription = StripeExamples.object("stripe-openapi/subscription.json");
        subscription.getAsJsonObject("items").getAsJsonArray("data").get(0).getAsJsonObject()
                .getAsJsonObject("price").getAsJsonObject("recurring").addProperty("interval", "week");

        BillingEvent read = read(provider, fake.sign(StripeExamples.event(
                "customer.subscription.created", FakeStripe.API_VERSION, subscription)));

        assertThat(read.type()).isEqualTo(Type.OTHER);
    }

    @Test
    void eventsOfOtherTypesAreAcknowledgedAsOther() {
        SignedEvent event = fake.sign(StripeExamples.event("customer.created",
                FakeStripe.API_VERSION, new JsonObject()));

        BillingEvent read = read(provider, event);

        assertThat(read).isEqualTo(new BillingEvent("evt_1Pgc76B7WZ01zgkWwyRHS12y", Type.OTHER, "customer.created",
                Instant.ofEpochSecond(1234567890), null, null, null));
    }

    @Test
    void readsAnyMonthlyVersionOfThePinnedReleaseButRefusesAnotherRelease() {
        JsonObject invoice = StripeExamples.object("stripe-openapi/invoice.json");
        SignedEvent later = fake.sign(StripeExamples.event("invoice.paid",
                "2026-08-26.dahlia", invoice));
        SignedEvent basil = fake.sign(StripeExamples.event("invoice.paid",
                "2025-03-31.basil", invoice));

        assertThat(read(provider, later).type()).isEqualTo(Type.INVOICE_PAID);
        assertThatThrownBy(() -> read(provider, basil)).isInstanceOfSatisfying(BillingException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD);
            assertThat(e.getMessage()).contains("2025-03-31.basil").contains(FakeStripe.API_VERSION);
        });
    }

    @Test
    void aVerifiedBodyThatIsNoReadableEventIsMalformed() {
        JsonObject incomplete = StripeExamples.object("stripe-openapi/invoice.json");
        incomplete.remove("customer");
        for (SignedEvent event : List.of(
                fake.sign("this is not JSON"),
                fake.sign("{\"object\": \"list\", \"data\": []}"),
                fake.sign(StripeExamples.event("invoice.paid", FakeStripe.API_VERSION,
                        StripeExamples.object("stripe-openapi/subscription.json"))),
                fake.sign(StripeExamples.event("invoice.paid", FakeStripe.API_VERSION,
                        incomplete)))) {
            assertThatThrownBy(() -> read(provider, event)).isInstanceOfSatisfying(BillingException.class,
                    e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_PAYLOAD));
        }
    }

    @Test
    void theSameEventDeliveredTwiceReadsTheSameTwice() {
        String session = provider.startCheckout(StripeProviders.checkout("user-7", BillingInterval.MONTH, "k")).id();
        SignedEvent paid = fake.completeCheckout(session).get(2);

        assertThat(read(provider, paid)).isEqualTo(read(provider, paid));
    }

    @Test
    void anEventWithoutSignatureOrSignedWithAnotherSecretOrTooLateIsRefused() {
        String session = provider.startCheckout(StripeProviders.checkout("user-7", BillingInterval.MONTH, "k")).id();
        SignedEvent event = fake.completeCheckout(session).getFirst();
        StripeBillingProvider otherEndpoint = StripeProviders.started(fake,
                Map.of("webhook-secrets", "whsec_ofAnotherEndpoint0000000000"));

        assertInvalidSignature(() -> provider.verifyWebhook(new WebhookRequest(Map.of(), event.bodyBytes(),
                Instant.now())));
        assertInvalidSignature(() -> otherEndpoint.verifyWebhook(StripeProviders.request(event, Instant.now())));
        assertInvalidSignature(() -> provider.verifyWebhook(StripeProviders.request(event,
                Instant.now().plusSeconds(301))));
    }

    @Test
    void aRolledSecretAndItsSuccessorBothVerifyUntilTheOldOneExpires() {
        String oldSecret = fake.webhookSecret();
        String newSecret = fake.rollWebhookSecret();
        StripeBillingProvider oldConfig = StripeProviders.started(fake, Map.of("webhook-secrets", oldSecret));
        StripeBillingProvider newConfig = StripeProviders.started(fake, Map.of("webhook-secrets", newSecret));
        StripeBillingProvider bothConfigured = StripeProviders.started(fake,
                Map.of("webhook-secrets", newSecret + ", " + oldSecret));
        String session = provider.startCheckout(StripeProviders.checkout("user-7", BillingInterval.MONTH, "k")).id();
        SignedEvent duringRoll = fake.completeCheckout(session).getFirst();

        fake.expireOldSecrets();
        SignedEvent afterRoll = fake.sign(StripeExamples.event("customer.created",
                FakeStripe.API_VERSION, new JsonObject()));

        assertThat(duringRoll.signature()).matches("t=\\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}");
        assertThat(read(oldConfig, duringRoll).type()).isEqualTo(Type.CHECKOUT_COMPLETED);
        assertThat(read(newConfig, duringRoll).type()).isEqualTo(Type.CHECKOUT_COMPLETED);
        assertThat(read(bothConfigured, afterRoll).type()).isEqualTo(Type.OTHER);
        assertThat(read(newConfig, afterRoll).type()).isEqualTo(Type.OTHER);
        assertInvalidSignature(() -> oldConfig.verifyWebhook(StripeProviders.request(afterRoll, Instant.now())));
    }

    private static void assertInvalidSignature(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BillingException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE));
    }
}
