package io.promptmanager.core.billing;

import io.promptmanager.core.common.Money;

/**
 * What a cancellation did.
 *
 * @param mode         how it was cancelled
 * @param subscription the subscription as the processor reported it afterwards. After
 *                     {@link CancelMode#NOW} the plan turns FREE once the processor confirms the
 *                     end by webhook, within seconds
 * @param refunded     the amount refunded (0 for {@link CancelMode#PERIOD_END} or when nothing was left)
 */
public record CancelResult(CancelMode mode, Subscription subscription, Money refunded) {
}
