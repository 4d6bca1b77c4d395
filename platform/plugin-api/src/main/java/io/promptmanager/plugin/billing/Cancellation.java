package io.promptmanager.plugin.billing;

/**
 * What a {@link BillingProvider#cancelNow} did.
 *
 * @param subscription   the subscription as the processor reports it after cancelling; never null
 * @param refundId       the processor's refund id, or null when nothing was refunded
 * @param refundedAmount the amount refunded in minor units (0 when none)
 */
public record Cancellation(SubscriptionSnapshot subscription, String refundId, long refundedAmount) {
}
