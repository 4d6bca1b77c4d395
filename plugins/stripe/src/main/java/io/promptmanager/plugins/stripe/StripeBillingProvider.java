package io.promptmanager.plugins.stripe;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import io.promptmanager.plugin.PluginSettings;
import io.promptmanager.plugin.billing.BillingEvent;
import io.promptmanager.plugin.billing.BillingException;
import io.promptmanager.plugin.billing.BillingException.Reason;
import io.promptmanager.plugin.billing.BillingProvider;
import io.promptmanager.plugin.billing.CancelNowRequest;
import io.promptmanager.plugin.billing.Cancellation;
import io.promptmanager.plugin.billing.CheckoutRequest;
import io.promptmanager.plugin.billing.CheckoutSession;
import io.promptmanager.plugin.billing.PortalRequest;
import io.promptmanager.plugin.billing.PortalSession;
import io.promptmanager.plugin.billing.SubscriptionSnapshot;
import io.promptmanager.plugin.billing.WebhookRequest;
import io.promptmanager.plugins.stripe.StripeFailures.Missing;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.List;

/**
 * {@link BillingProvider} {@code stripe}: Checkout Sessions in subscription mode, Customer Portal
 * sessions, verified webhook events, immediate cancellation with a refund, and cancellation at period
 * end, through one {@link StripeClient} (never stripe-java's global {@code Stripe.apiKey}). Configured
 * by {@code plugins.stripe.*} (see {@link StripeSettings}). Thread-safe once started.
 */
@Extension
public final class StripeBillingProvider implements BillingProvider {
    private static final Logger LOG = LoggerFactory.getLogger(StripeBillingProvider.class);

    private volatile Started started;

    private record Started(StripeSettings settings, StripeClient client, WebhookSignature signature,
                           Cancellations cancellations) {
    }

    @Override
    public String id() {
        return "stripe";
    }

    @Override
    public synchronized void start(PluginSettings pluginSettings) {
        if (started != null) {
            return;
        }
        StripeSettings settings = StripeSettings.from(pluginSettings);
        StripeClient client = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setApiBase(settings.apiBase().toString())
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .build();
        started = new Started(settings, client, new WebhookSignature(settings.webhookSecrets(),
                settings.webhookTolerance()), new Cancellations(client));
        LOG.info("Stripe billing provider started, speaking API version {}: {}", Stripe.API_VERSION, settings);
    }

    @Override
    public synchronized void stop() {
        started = null;
    }

    @Override
    public CheckoutSession startCheckout(CheckoutRequest request) {
        Started s = started();
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(s.settings().price(request.interval()))
                        .setQuantity(1L)
                        .build())
                .setClientReferenceId(request.userReference())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putMetadata(Snapshots.USER_ID, request.userReference())
                        .build())
                .setSuccessUrl(request.successUrl())
                .setCancelUrl(request.cancelUrl().toString());
        if (request.customerId() != null) {
            params.setCustomer(request.customerId());
        } else {
            params.setCustomerEmail(request.email());
        }
        try {
            Session session = s.client().v1().checkout().sessions().create(params.build(),
                    RequestOptions.builder().setIdempotencyKey(request.idempotencyKey()).build());
            return new CheckoutSession(session.getId(), url(session.getUrl(), "checkout session"));
        } catch (StripeException e) {
            throw StripeFailures.translate(e, "create the checkout session", Missing.REJECTED);
        }
    }

    @Override
    public PortalSession openPortal(PortalRequest request) {
        Started s = started();
        try {
            com.stripe.model.billingportal.Session session = s.client().v1().billingPortal().sessions().create(
                    com.stripe.param.billingportal.SessionCreateParams.builder()
                            .setCustomer(request.customerId())
                            .setReturnUrl(request.returnUrl().toString())
                            .build());
            return new PortalSession(url(session.getUrl(), "customer portal session"));
        } catch (StripeException e) {
            throw StripeFailures.translate(e, "open the customer portal", Missing.REJECTED);
        }
    }

    @Override
    public List<BillingEvent> verifyWebhook(WebhookRequest request) {
        Started s = started();
        s.signature().verify(request.header(WebhookSignature.HEADER).orElse(null), request.body(),
                request.receivedAt());
        return List.of(WebhookEvents.read(request.body()));
    }

    @Override
    public Cancellation cancelNow(CancelNowRequest request) {
        return started().cancellations().cancelNow(request);
    }

    @Override
    public SubscriptionSnapshot cancelAtPeriodEnd(String subscriptionId, String idempotencyKey) {
        return started().cancellations().cancelAtPeriodEnd(subscriptionId, idempotencyKey);
    }

    private Started started() {
        Started s = started;
        if (s == null) {
            throw new BillingException(Reason.PROCESSOR_UNAVAILABLE, "The Stripe billing provider is not started");
        }
        return s;
    }

    private static URI url(String url, String what) {
        if (url == null) {
            throw new BillingException(Reason.PROCESSOR_REJECTED, "Stripe returned a " + what + " without a URL");
        }
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new BillingException(Reason.PROCESSOR_REJECTED, "Stripe returned a " + what + " with a bad URL");
        }
    }
}
