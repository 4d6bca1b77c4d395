package io.promptmanager.plugin.billing;

import java.time.Instant;

/**
 * A subscription as an event or a call reported it.
 *
 * @param id                 the processor's subscription id; never null
 * @param customerId         the processor's customer id; never null
 * @param userReference      the platform's user id from the subscription's metadata, or null
 *                           when the subscription was not created by the platform
 * @param status             never null
 * @param interval           the billing interval of its price; never null
 * @param currentPeriodStart start of the period paid for; never null
 * @param currentPeriodEnd   end of the period paid for; never null
 * @param cancelAtPeriodEnd  true when it ends at {@code currentPeriodEnd}
 * @param cancelAt           when it is set to end, or null
 * @param canceledAt         when it was canceled, or null
 */
public record SubscriptionSnapshot(String id, String customerId, String userReference, SubscriptionStatus status,
                                   BillingInterval interval, Instant currentPeriodStart, Instant currentPeriodEnd,
                                   boolean cancelAtPeriodEnd, Instant cancelAt, Instant canceledAt) {
}
