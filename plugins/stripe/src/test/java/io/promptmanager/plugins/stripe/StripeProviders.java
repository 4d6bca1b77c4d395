package io.promptmanager.plugins.stripe;

import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.CheckoutRequest;
import io.promptmanager.plugin.billing.CheckoutSession;
import io.promptmanager.plugin.billing.WebhookRequest;
import io.promptmanager.stripe.testing.FakeStripe;
import io.promptmanager.stripe.testing.SignedEvent;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts the provider against a FakeStripe and builds the requests tests send. */
final class StripeProviders {
    static final String SUCCESS = "https://pm.example.com/billing/return?session_id=" + CheckoutRequest.SESSION_ID_PLACEHOLDER;
    static final URI CANCEL = URI.create("https://pm.example.com/billing");

    private StripeProviders() {
    }

    /** A provider started on the fake's settings, without network retries unless overridden. */
    static StripeBillingProvider started(FakeStripe fake, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(fake.pluginSettings());
        settings.put("max-network-retries", "0");
        settings.putAll(overrides);
        StripeBillingProvider provider = new StripeBillingProvider();
        provider.start(new MapSettings(settings));
        return provider;
    }

    static StripeBillingProvider started(FakeStripe fake) {
        return started(fake, Map.of());
    }

    static CheckoutRequest checkout(String user, BillingInterval interval, String key) {
        return new CheckoutRequest(user, user + "@example.com", null, interval, SUCCESS, CANCEL, key);
    }

    /** A user who checked out and paid: the fake's events, verified and read by the provider. */
    static List<BillingEvent> subscribe(StripeBillingProvider provider, FakeStripe fake, String user,
                                        BillingInterval interval) {
        CheckoutSession session = provider.startCheckout(checkout(user, interval, "checkout-" + user));
        return fake.completeCheckout(session.id()).stream().map(event -> read(provider, event)).toList();
    }

    static BillingEvent read(StripeBillingProvider provider, SignedEvent event) {
        return read(provider, event, Instant.now());
    }

    static BillingEvent read(StripeBillingProvider provider, SignedEvent event, Instant receivedAt) {
        List<BillingEvent> events = provider.verifyWebhook(request(event, receivedAt));
        if (events.size() != 1) {
            throw new AssertionError("expected one event, got " + events);
        }
        return events.getFirst();
    }

    static WebhookRequest request(SignedEvent event, Instant receivedAt) {
        return new WebhookRequest(event.lowerCaseHeaders(), event.bodyBytes(), receivedAt);
    }
}
