package io.promptmanager.plugin.billing;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.PluginSettings;
import org.pf4j.ExtensionPoint;

import java.util.List;

/**
 * Takes payment for the PRO plan through a payment processor (Stripe, …): hosted checkout,
 * hosted customer portal, verified webhooks, cancellation and refunds. The platform keeps the
 * subscription state and decides the plan; a billing provider only talks to its processor.
 *
 * <p>Lifecycle: one instance, {@link #start(PluginSettings)} once before any other call, then the
 * other methods from many threads at once (they must be thread-safe), then {@link #stop()}.
 * Only {@link BillingException} (and {@link PluginConfigurationException} from start) may leave
 * a call; secret keys, webhook secrets and card data never appear in a message or a log.
 *
 * <p>Every call that writes at the processor carries the caller's {@code idempotencyKey}
 * unchanged, so a retried call is applied once.
 */
public interface BillingProvider extends ExtensionPoint {

    /** Stable lower-kebab id, e.g. {@code stripe}; never null. */
    String id();

    /**
     * Reads and validates the settings (secret key, webhook secrets, price ids, API base).
     *
     * @throws PluginConfigurationException naming the missing or malformed setting
     */
    void start(PluginSettings settings);

    /** Releases what start acquired; must not throw. */
    default void stop() {
    }

    /**
     * Opens a hosted checkout page for a new subscription to {@code request.interval()}.
     *
     * @return the session, whose URL the user is sent to; never null
     * @throws BillingException PROCESSOR_UNAVAILABLE (retryable) or PROCESSOR_REJECTED
     */
    CheckoutSession startCheckout(CheckoutRequest request);

    /**
     * Opens the processor's hosted portal where the customer manages card and invoices.
     *
     * @return the portal session; never null
     * @throws BillingException PROCESSOR_UNAVAILABLE (retryable) or PROCESSOR_REJECTED
     */
    PortalSession openPortal(PortalRequest request);

    /**
     * Verifies an incoming webhook against the configured secrets and turns it into events.
     * Never calls the processor. Events of kinds the platform does not handle are returned as
     * {@link BillingEvent.Type#OTHER} so the caller can acknowledge them.
     *
     * @return the verified events, usually one; never null
     * @throws BillingException INVALID_SIGNATURE when the signature header is missing, malformed,
     *                          made with another secret, does not match the body, or is older
     *                          than the tolerance; MALFORMED_PAYLOAD when a verified body cannot
     *                          be read
     */
    List<BillingEvent> verifyWebhook(WebhookRequest request);

    /**
     * Ends a subscription at once without crediting the customer balance, then refunds
     * {@code request.refundAmount()} of {@code request.invoiceId()}'s payment to the card. Safe
     * to call again with the same request after a failure: both writes are idempotent.
     *
     * @return what the processor did; never null
     * @throws BillingException PROCESSOR_UNAVAILABLE (retryable), PROCESSOR_REJECTED, or
     *                          NOT_FOUND when the subscription, invoice or payment is unknown
     */
    Cancellation cancelNow(CancelNowRequest request);

    /**
     * Marks a subscription to end at the end of its paid period; no refund.
     *
     * @return the subscription as the processor now reports it; never null
     * @throws BillingException PROCESSOR_UNAVAILABLE (retryable), PROCESSOR_REJECTED or NOT_FOUND
     */
    SubscriptionSnapshot cancelAtPeriodEnd(String subscriptionId, String idempotencyKey);
}
