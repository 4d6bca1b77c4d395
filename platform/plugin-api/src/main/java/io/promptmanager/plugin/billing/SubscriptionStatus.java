package io.promptmanager.plugin.billing;

/** A subscription's state at the processor (Stripe's statuses). */
public enum SubscriptionStatus {
    /** Created, first payment not yet made. */
    INCOMPLETE,
    /** The first payment never came; the subscription is void. */
    INCOMPLETE_EXPIRED,
    /** In a free trial. */
    TRIALING,
    /** Paid up. */
    ACTIVE,
    /** A renewal payment failed; the processor is retrying. */
    PAST_DUE,
    /** Ended; final. */
    CANCELED,
    /** Payment retries are exhausted; not ended but not paid. */
    UNPAID,
    /** Paused (trial ended without a payment method). */
    PAUSED
}
