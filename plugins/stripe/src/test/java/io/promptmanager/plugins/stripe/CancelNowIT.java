package io.promptmanager.plugins.stripe;

import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingEvent.Type;
import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.CancelNowRequest;
import io.promptmanager.plugin.billing.Cancellation;
import io.promptmanager.plugin.billing.SubscriptionStatus;
import io.promptmanager.stripe.testing.Failure;
import io.promptmanager.stripe.testing.FakeStripe;
import io.promptmanager.stripe.testing.RecordedRequest;
import io.promptmanager.stripe.testing.Refunded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** Cancelling at once with a refund of part of the last payment, and retrying that safely. */
class CancelNowIT {
    private final FakeStripe fake = FakeStripe.start();
    private final StripeBillingProvider provider = StripeProviders.started(fake);
    private String subscription;
    private String invoice;
    private String customer;

    @BeforeEach
    void subscribe() {
        List<BillingEvent> events = StripeProviders.subscribe(provider, fake, "user-9", BillingInterval.MONTH);
        subscription = events.get(1).subscription().id();
        customer = events.get(1).subscription().customerId();
        invoice = events.get(2).invoice().id();
    }

    @AfterEach
    void stop() {
        provider.stop();
        fake.close();
    }

    @Test
    void cancelsWithoutCreditAndRefundsTheExactAmountToTheInvoicesPaymentIntent() {
        // when
        Cancellation cancellation = provider.cancelNow(request(350, "cancel-1"));

        // then Stripe ended the subscription without prorating or invoicing
        assertThat(cancellation.subscription().status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(cancellation.subscription().canceledAt()).isNotNull();
        assertThat(fake.subscriptionStatus(subscription)).isEqualTo("canceled");
        assertThat(fake.requests("DELETE", "/v1/subscriptions/" + subscription).getFirst().params())
                .containsOnly(entry("prorate", "false"), entry("invoice_now", "false"));
        assertThat(fake.customerBalance(customer)).isZero();
        // and refunded the amount asked, once, to the payment that paid the invoice
        assertThat(fake.refunds()).containsExactly(new Refunded(cancellation.refundId(),
                fake.paymentIntentOf(invoice), 350, "usd"));
        assertThat(cancellation.refundedAmount()).isEqualTo(350);
        RecordedRequest refund = fake.requests("POST", "/v1/refunds").getFirst();
        assertThat(refund.idempotencyKey()).isEqualTo("cancel-1:refund");
        assertThat(refund.params()).contains(entry("amount", "350"), entry("reason", "requested_by_customer"));
    }

    @Test
    void stripeThenSendsTheDeletedSubscription() {
        provider.cancelNow(request(350, "cancel-1"));

        List<BillingEvent> events = fake.takeApiEvents().stream().map(e -> StripeProviders.read(provider, e)).toList();

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(Type.SUBSCRIPTION_DELETED);
            assertThat(event.subscription().id()).isEqualTo(subscription);
            assertThat(event.subscription().userReference()).isEqualTo("user-9");
        });
    }

    @Test
    void nothingToRefundCancelsOnly() {
        Cancellation cancellation = provider.cancelNow(new CancelNowRequest(subscription, null, 0, "usd", "c-0"));

        assertThat(cancellation.refundId()).isNull();
        assertThat(cancellation.refundedAmount()).isZero();
        assertThat(fake.subscriptionStatus(subscription)).isEqualTo("canceled");
        assertThat(fake.requests("GET", "/v1/invoice_payments")).isEmpty();
        assertThat(fake.refunds()).isEmpty();
    }

    @Test
    void aRetryAfterTheRefundFailedRefundsOnceWithTheSameKeys() {
        // given the refund refused by Stripe's rate limiter after the cancellation went through
        fake.failNext("POST", "/v1/refunds", Failure.rateLimited());
        assertThatThrownBy(() -> provider.cancelNow(request(350, "cancel-1")))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.PROCESSOR_UNAVAILABLE);
                    assertThat(e.retryable()).isTrue();
                });
        assertThat(fake.subscriptionStatus(subscription)).isEqualTo("canceled");
        assertThat(fake.refunds()).isEmpty();

        // when the platform retries the same request
        Cancellation cancellation = provider.cancelNow(request(350, "cancel-1"));

        // then Stripe's "No such subscription" for the cancelled one does not stop the refund
        assertThat(fake.requests("DELETE", "/v1/subscriptions/" + subscription)).extracting(RecordedRequest::status)
                .containsExactly(200, 404);
        assertThat(cancellation.subscription().status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(fake.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.amount()).isEqualTo(350);
            assertThat(refund.id()).isEqualTo(cancellation.refundId());
        });
        assertThat(fake.requests("POST", "/v1/refunds")).extracting(RecordedRequest::idempotencyKey)
                .containsExactly("cancel-1:refund", "cancel-1:refund");
        assertThat(fake.customerBalance(customer)).isZero();
    }

    @Test
    void aLostRefundAnswerIsAskedAgainWithTheSameKeyAndReplayedInsteadOfRefundedTwice() {
        // given Stripe refunds, then the connection breaks before its answer arrives
        fake.failNext("POST", "/v1/refunds", Failure.responseLost());

        // when (the JDK's HTTP client resends a POST whose answer it lost, headers included)
        Cancellation cancellation = provider.cancelNow(request(350, "cancel-1"));

        // then the resent request got the saved answer: one refund, the one returned
        assertThat(fake.requests("POST", "/v1/refunds"))
                .extracting(RecordedRequest::status, RecordedRequest::replayed, RecordedRequest::idempotencyKey)
                .containsExactly(tuple(0, false, "cancel-1:refund"), tuple(200, true, "cancel-1:refund"));
        assertThat(fake.refunds()).singleElement().extracting(Refunded::id).isEqualTo(cancellation.refundId());
    }

    @Test
    void networkRetriesOfStripeJavaReuseTheIdempotencyKey() {
        StripeBillingProvider retrying = StripeProviders.started(fake, Map.of("max-network-retries", "2"));
        fake.failNext("POST", "/v1/refunds", Failure.unavailable());

        Cancellation cancellation = retrying.cancelNow(request(350, "cancel-1"));

        assertThat(fake.requests("POST", "/v1/refunds")).extracting(RecordedRequest::status, RecordedRequest::idempotencyKey)
                .containsExactly(tuple(503, "cancel-1:refund"),
                        tuple(200, "cancel-1:refund"));
        assertThat(fake.refunds()).singleElement().extracting(Refunded::id).isEqualTo(cancellation.refundId());
    }

    @Test
    void aServerErrorDuringTheRefundIsReplayedToRetriesWithItsKeyAndNothingIsRefunded() {
        fake.failNext("POST", "/v1/refunds", Failure.serverError());
        StripeBillingProvider retrying = StripeProviders.started(fake, Map.of("max-network-retries", "2"));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> retrying.cancelNow(request(350, "cancel-1")))
                    .isInstanceOfSatisfying(BillingException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.PROCESSOR_UNAVAILABLE));
        }

        assertThat(fake.refunds()).isEmpty();
        assertThat(fake.requests("POST", "/v1/refunds")).extracting(RecordedRequest::status, RecordedRequest::replayed)
                .containsExactly(tuple(500, false),
                        tuple(500, true));
    }

    @Test
    void aSubscriptionAlreadyEndedElsewhereIsStillRefunded() {
        fake.deleteSubscription(subscription);

        Cancellation cancellation = provider.cancelNow(request(700, "cancel-1"));

        assertThat(cancellation.subscription().status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(fake.refunds()).extracting(Refunded::amount).containsExactly(700L);
    }

    @Test
    void anUnknownSubscriptionIsNotFoundAndNothingIsRefunded() {
        assertThatThrownBy(() -> provider.cancelNow(new CancelNowRequest("sub_unknown", invoice, 350, "usd", "c-1")))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.getMessage()).contains("sub_unknown");
                });
        assertThat(fake.refunds()).isEmpty();
    }

    @Test
    void anInvoiceWithoutAPaidPaymentIsNotFoundAndTheSubscriptionIsLeftAlone() {
        fake.failRenewal(subscription);
        String unpaid = fake.latestInvoice(subscription);

        assertThatThrownBy(() -> provider.cancelNow(new CancelNowRequest(subscription, unpaid, 350, "usd", "c-1")))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThat(fake.subscriptionStatus(subscription)).isEqualTo("past_due");
        assertThat(fake.refunds()).isEmpty();
    }

    @Test
    void anUnknownInvoiceIsNotFound() {
        assertThatThrownBy(() -> provider.cancelNow(new CancelNowRequest(subscription, "in_unknown", 350, "usd", "c")))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.getMessage()).contains("No such invoice: 'in_unknown'");
                });
        assertThat(fake.subscriptionStatus(subscription)).isEqualTo("active");
    }

    @Test
    void moreThanWasPaidOrAnotherCurrencyIsRefusedBeforeAnythingChanges() {
        assertThatThrownBy(() -> provider.cancelNow(request(701, "c-1")))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PROCESSOR_REJECTED));
        assertThatThrownBy(() -> provider.cancelNow(new CancelNowRequest(subscription, invoice, 350, "eur", "c-2")))
                .isInstanceOfSatisfying(BillingException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.PROCESSOR_REJECTED));

        assertThat(fake.subscriptionStatus(subscription)).isEqualTo("active");
        assertThat(fake.refunds()).isEmpty();
    }

    private CancelNowRequest request(long amount, String key) {
        return new CancelNowRequest(subscription, invoice, amount, "usd", key);
    }
}
