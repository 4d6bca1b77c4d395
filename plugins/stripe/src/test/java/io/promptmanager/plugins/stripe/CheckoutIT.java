package io.promptmanager.plugins.stripe;

import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingEvent.Type;
import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.CheckoutRequest;
import io.promptmanager.plugin.billing.CheckoutSession;
import io.promptmanager.plugin.billing.PortalRequest;
import io.promptmanager.plugin.billing.PortalSession;
import io.promptmanager.stripe.testing.FakeStripe;
import io.promptmanager.stripe.testing.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static io.promptmanager.plugins.stripe.StripeProviders.CANCEL;
import static io.promptmanager.plugins.stripe.StripeProviders.SUCCESS;
import static io.promptmanager.plugins.stripe.StripeProviders.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Hosted Checkout in subscription mode and the Customer Portal, against the fake Stripe. */
class CheckoutIT {
    private final FakeStripe fake = FakeStripe.start();
    private final StripeBillingProvider provider = StripeProviders.started(fake);

    @AfterEach
    void stop() {
        provider.stop();
        fake.close();
    }

    @Test
    void opensASubscriptionCheckoutForTheMonthlyPriceNamingTheUserTwice() {
        // when
        CheckoutSession session = provider.startCheckout(checkout("user-42", BillingInterval.MONTH, "chk-1"));

        // then
        assertThat(session.id()).startsWith("cs_test_");
        assertThat(session.url()).isEqualTo(URI.create(fake.apiBase() + "/c/pay/" + session.id()));
        RecordedRequest request = fake.requests("POST", "/v1/checkout/sessions").getFirst();
        assertThat(request.idempotencyKey()).isEqualTo("chk-1");
        assertThat(request.stripeVersion()).isEqualTo(FakeStripe.API_VERSION);
        assertThat(request.params()).containsOnly(
                entry("mode", "subscription"),
                entry("line_items[0][price]", fake.monthlyPrice()),
                entry("line_items[0][quantity]", "1"),
                entry("client_reference_id", "user-42"),
                entry("subscription_data[metadata][user_id]", "user-42"),
                entry("customer_email", "user-42@example.com"),
                entry("success_url", "https://pm.example.com/billing/return?session_id={CHECKOUT_SESSION_ID}"),
                entry("cancel_url", CANCEL.toString()));
    }

    @Test
    void checksOutTheYearlyPriceForTheYearlyInterval() {
        provider.startCheckout(checkout("user-42", BillingInterval.YEAR, "chk-1"));

        assertThat(fake.requests("POST", "/v1/checkout/sessions").getFirst().param("line_items[0][price]"))
                .contains(fake.yearlyPrice());
    }

    @Test
    void reusesAKnownCustomerInsteadOfTheirEmail() {
        // given a customer from an earlier subscription
        List<BillingEvent> first = StripeProviders.subscribe(provider, fake, "user-42", BillingInterval.MONTH);
        String customer = first.getFirst().checkout().customerId();

        // when
        provider.startCheckout(new CheckoutRequest("user-42", "user-42@example.com", customer, BillingInterval.YEAR,
                SUCCESS, CANCEL, "chk-2"));

        // then
        RecordedRequest request = fake.requests("POST", "/v1/checkout/sessions").getLast();
        assertThat(request.param("customer")).contains(customer);
        assertThat(request.param("customer_email")).isEmpty();
    }

    @Test
    void aRetriedCheckoutWithTheSameKeyGetsTheSameSession() {
        CheckoutSession first = provider.startCheckout(checkout("user-42", BillingInterval.MONTH, "chk-1"));
        CheckoutSession again = provider.startCheckout(checkout("user-42", BillingInterval.MONTH, "chk-1"));

        assertThat(again).isEqualTo(first);
        assertThat(fake.requests("POST", "/v1/checkout/sessions")).extracting(RecordedRequest::replayed)
                .containsExactly(false, true);
    }

    @Test
    void theCompletedCheckoutLinksTheUserToTheNewCustomerAndSubscription() {
        List<BillingEvent> events = StripeProviders.subscribe(provider, fake, "user-42", BillingInterval.MONTH);

        BillingEvent completed = events.getFirst();
        assertThat(completed.type()).isEqualTo(Type.CHECKOUT_COMPLETED);
        assertThat(completed.checkout().userReference()).isEqualTo("user-42");
        assertThat(completed.checkout().customerId()).startsWith("cus_");
        assertThat(completed.checkout().subscriptionId()).isEqualTo(events.get(1).subscription().id());
        assertThat(events.get(1).subscription().userReference()).isEqualTo("user-42");
        assertThat(events.get(2).invoice().userReference()).isEqualTo("user-42");
    }

    @Test
    void aPriceStripeDoesNotKnowIsRejectedWithStripesReason() {
        StripeBillingProvider misconfigured = StripeProviders.started(fake,
                java.util.Map.of("price-monthly", "price_doesNotExist"));

        assertThatThrownBy(() -> misconfigured.startCheckout(checkout("user-42", BillingInterval.MONTH, "chk-1")))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BillingException.Reason.PROCESSOR_REJECTED);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("No such price: 'price_doesNotExist'");
                });
    }

    @Test
    void opensTheCustomerPortalWithTheReturnUrl() {
        String customer = StripeProviders.subscribe(provider, fake, "user-42", BillingInterval.MONTH).getFirst()
                .checkout().customerId();

        PortalSession portal = provider.openPortal(new PortalRequest(customer, URI.create("https://pm.example.com/me")));

        assertThat(portal.url().toString()).startsWith(fake.apiBase() + "/p/session/test_");
        assertThat(fake.requests("POST", "/v1/billing_portal/sessions").getFirst().params())
                .containsOnly(entry("customer", customer), entry("return_url", "https://pm.example.com/me"));
    }

    @Test
    void aPortalForAnUnknownCustomerIsRejected() {
        assertThatThrownBy(() -> provider.openPortal(new PortalRequest("cus_unknown", URI.create("https://pm.example.com"))))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BillingException.Reason.PROCESSOR_REJECTED);
                    assertThat(e.getMessage()).contains("No such customer: 'cus_unknown'");
                });
    }
}
