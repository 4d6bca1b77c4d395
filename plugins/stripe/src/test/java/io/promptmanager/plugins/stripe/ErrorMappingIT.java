package io.promptmanager.plugins.stripe;

import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.CancelNowRequest;
import io.promptmanager.plugin.billing.PortalRequest;
import io.promptmanager.stripe.testing.Failure;
import io.promptmanager.stripe.testing.FakeStripe;
import io.promptmanager.stripe.testing.RecordedRequest;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.promptmanager.plugins.stripe.StripeProviders.checkout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Stripe's failures as the platform sees them: retryable or not, and never with a secret. */
class ErrorMappingIT {
    private final FakeStripe fake = FakeStripe.start();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aRejectedKeyIsRejectedEverywhereWithoutShowingAnyOfTheKey() {
        String wrongKey = "sk_test_51WrongKey0000000000000000000000000000XyZw";
        StripeBillingProvider provider = StripeProviders.started(fake, Map.of("secret-key", wrongKey));

        List<ThrowingCallable> calls = List.of(
                () -> provider.startCheckout(checkout("u", BillingInterval.MONTH, "k")),
                () -> provider.openPortal(new PortalRequest("cus_1", URI.create("https://pm.example.com"))),
                () -> provider.cancelNow(new CancelNowRequest("sub_1", "in_1", 100, "usd", "k")),
                () -> provider.cancelAtPeriodEnd("sub_1", "k"));

        for (ThrowingCallable call : calls) {
            assertThatThrownBy(call).isInstanceOfSatisfying(BillingException.class, e -> {
                assertThat(e.reason()).isEqualTo(Reason.PROCESSOR_REJECTED);
                assertThat(e.retryable()).isFalse();
                assertThat(e.getMessage()).contains("rejected the configured secret key")
                        .doesNotContain(wrongKey).doesNotContain("XyZw").doesNotContain(fake.secretKey());
                assertThat(e.getCause()).isNull();
            });
        }
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.status()).isEqualTo(401));
    }

    @Test
    void stripesMessagesLoseAnythingShapedLikeASecret() {
        assertThat(StripeFailures.safeText("Invalid API Key provided: sk_live_****************abcd; also "
                + "whsec_abc123 and pi_1_secret_XYZ and Bearer sk_test_x"))
                .isEqualTo("Invalid API Key provided: [redacted]; also [redacted] and pi_1[redacted] and Bearer "
                        + "[redacted]");
    }

    @Test
    void anUnknownObjectIsNotFound() {
        StripeBillingProvider provider = StripeProviders.started(fake);

        assertFails(() -> provider.cancelAtPeriodEnd("sub_missing", "k"), Reason.NOT_FOUND);
    }

    @Test
    void aServerErrorIsRetryable() {
        StripeBillingProvider provider = StripeProviders.started(fake);
        fake.failNext("POST", "/v1/checkout/sessions", Failure.serverError());

        assertFails(() -> provider.startCheckout(checkout("u", BillingInterval.MONTH, "k")),
                Reason.PROCESSOR_UNAVAILABLE).hasMessageContaining("HTTP 500").hasMessageContaining("req_");
    }

    @Test
    void rateLimitingIsRetryable() {
        StripeBillingProvider provider = StripeProviders.started(fake);
        fake.failNext("POST", "/v1/billing_portal/sessions", Failure.rateLimited());

        assertFails(() -> provider.openPortal(new PortalRequest("cus_1", URI.create("https://pm.example.com"))),
                Reason.PROCESSOR_UNAVAILABLE).hasMessageContaining("HTTP 429");
    }

    @Test
    void anUnreachableStripeIsRetryable() {
        Map<String, String> settings = fake.pluginSettings();
        fake.close();
        StripeBillingProvider provider = StripeProviders.started(fake, Map.of("api-base", settings.get("api-base"),
                "connect-timeout", "PT2S"));

        assertFails(() -> provider.startCheckout(checkout("u", BillingInterval.MONTH, "k")),
                Reason.PROCESSOR_UNAVAILABLE).hasMessageContaining("could not be reached");
    }

    @Test
    void aConnectionThatKeepsDroppingIsRetryableAndEveryAttemptCarriesTheSameKey() {
        StripeBillingProvider provider = StripeProviders.started(fake);
        fake.failTimes("POST", "/v1/checkout/sessions", Failure.connectionReset(), 2);

        assertFails(() -> provider.startCheckout(checkout("u", BillingInterval.MONTH, "chk-9")),
                Reason.PROCESSOR_UNAVAILABLE).hasMessageContaining("could not be reached");
        // The JDK's HTTP client resends a POST once when the connection drops before an answer.
        assertThat(fake.requests("POST", "/v1/checkout/sessions"))
                .extracting(RecordedRequest::status, RecordedRequest::idempotencyKey)
                .containsExactly(tuple(0, "chk-9"), tuple(0, "chk-9"));
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertFails(
            ThrowingCallable call, Reason reason) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(BillingException.class, e -> {
            assertThat(e.reason()).isEqualTo(reason);
            assertThat(e.retryable()).isEqualTo(reason == Reason.PROCESSOR_UNAVAILABLE);
        });
    }
}
