package io.promptmanager.plugins.stripe;

import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingEvent.Type;
import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.SubscriptionSnapshot;
import io.promptmanager.plugin.billing.SubscriptionStatus;
import io.promptmanager.stripe.testing.FakeStripe;
import io.promptmanager.stripe.testing.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Ending a subscription when its paid period ends, without a refund. */
class CancelAtPeriodEndIT {
    private final FakeStripe fake = FakeStripe.start();
    private final StripeBillingProvider provider = StripeProviders.started(fake);
    private SubscriptionSnapshot subscribed;

    @BeforeEach
    void subscribe() {
        subscribed = StripeProviders.subscribe(provider, fake, "user-3", BillingInterval.YEAR).get(1).subscription();
    }

    @AfterEach
    void stop() {
        provider.stop();
        fake.close();
    }

    @Test
    void marksTheSubscriptionToEndWithItsPaidPeriod() {
        SubscriptionSnapshot marked = provider.cancelAtPeriodEnd(subscribed.id(), "end-1");

        assertThat(marked.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(marked.cancelAtPeriodEnd()).isTrue();
        assertThat(marked.cancelAt()).isEqualTo(subscribed.currentPeriodEnd());
        assertThat(marked.currentPeriodEnd()).isEqualTo(subscribed.currentPeriodEnd());
        RecordedRequest request = fake.requests("POST", "/v1/subscriptions/" + subscribed.id()).getFirst();
        assertThat(request.params()).containsOnly(entry("cancel_at_period_end", "true"));
        assertThat(request.idempotencyKey()).isEqualTo("end-1");
        assertThat(fake.refunds()).isEmpty();
    }

    @Test
    void stripeReportsTheChangeAndLaterTheEnd() {
        provider.cancelAtPeriodEnd(subscribed.id(), "end-1");

        BillingEvent updated = StripeProviders.read(provider, fake.takeApiEvents().getFirst());
        BillingEvent ended = StripeProviders.read(provider, fake.expire(subscribed.id()).getFirst());

        assertThat(updated.type()).isEqualTo(Type.SUBSCRIPTION_UPDATED);
        assertThat(updated.subscription().cancelAtPeriodEnd()).isTrue();
        assertThat(ended.type()).isEqualTo(Type.SUBSCRIPTION_DELETED);
        assertThat(ended.subscription().status()).isEqualTo(SubscriptionStatus.CANCELED);
    }

    @Test
    void aRetryWithTheSameKeyIsReplayed() {
        SubscriptionSnapshot first = provider.cancelAtPeriodEnd(subscribed.id(), "end-1");
        SubscriptionSnapshot again = provider.cancelAtPeriodEnd(subscribed.id(), "end-1");

        assertThat(again).isEqualTo(first);
        assertThat(fake.requests("POST", "/v1/subscriptions/" + subscribed.id()))
                .extracting(RecordedRequest::replayed).containsExactly(false, true);
    }

    @Test
    void anUnknownSubscriptionIsNotFound() {
        assertThatThrownBy(() -> provider.cancelAtPeriodEnd("sub_unknown", "end-1"))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND);
                    assertThat(e.getMessage()).contains("No such subscription: 'sub_unknown'");
                });
    }

    @Test
    void anEndedSubscriptionIsRejectedWithStripesReason() {
        fake.deleteSubscription(subscribed.id());

        assertThatThrownBy(() -> provider.cancelAtPeriodEnd(subscribed.id(), "end-1"))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.PROCESSOR_REJECTED);
                    assertThat(e.getMessage()).contains("A canceled subscription can only update");
                });
    }
}
