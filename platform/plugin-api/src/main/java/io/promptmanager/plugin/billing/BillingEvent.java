package io.promptmanager.plugin.billing;

import java.time.Instant;

/**
 * One verified webhook event, reduced to what the platform acts on.
 *
 * @param id           the processor's event id, unique per event (used for idempotency); never null
 * @param type         never null
 * @param processorType the processor's own event type ({@code invoice.paid}); never null
 * @param created      when the processor created the event (orders events about one object); never null
 * @param checkout     for {@link Type#CHECKOUT_COMPLETED}, else null
 * @param subscription for the subscription types, else null
 * @param invoice      for the invoice types, else null
 */
public record BillingEvent(String id, Type type, String processorType, Instant created, CompletedCheckout checkout,
                           SubscriptionSnapshot subscription, InvoiceSnapshot invoice) {

    /** The kinds of events the platform handles. */
    public enum Type {
        /** A checkout was paid: links the user to a customer and subscription. */
        CHECKOUT_COMPLETED,
        /** A subscription was created. */
        SUBSCRIPTION_CREATED,
        /** A subscription changed (status, period, cancellation). */
        SUBSCRIPTION_UPDATED,
        /** A subscription ended. */
        SUBSCRIPTION_DELETED,
        /** An invoice was paid (first payment or renewal). */
        INVOICE_PAID,
        /** An invoice payment failed. */
        INVOICE_PAYMENT_FAILED,
        /** Any other event: acknowledged, not acted on. */
        OTHER
    }

    /**
     * A completed checkout session.
     *
     * @param sessionId      never null
     * @param userReference  the platform's user id ({@code client_reference_id}), or null
     * @param customerId     the customer created or reused; never null
     * @param subscriptionId the subscription created, or null when not in subscription mode
     */
    public record CompletedCheckout(String sessionId, String userReference, String customerId,
                                    String subscriptionId) {
    }
}
