package io.promptmanager.plugin.billing;

/**
 * Cancel a subscription at once and refund part of its last payment.
 *
 * @param subscriptionId the processor's subscription id; never null
 * @param invoiceId      the paid invoice whose payment is refunded; null when nothing is refunded
 * @param refundAmount   the amount to refund in minor units, computed by the platform; 0 for none
 * @param currency       ISO 4217 code in lower case; never null
 * @param idempotencyKey the base key: the provider derives one key per write from it; never null
 */
public record CancelNowRequest(String subscriptionId, String invoiceId, long refundAmount, String currency,
                               String idempotencyKey) {
}
