package io.promptmanager.core.billing;

import java.time.Instant;

/**
 * The two ways the user may cancel, with their consequence, to show before they confirm.
 *
 * @param subscription the subscription that would be cancelled
 * @param now          cancelling at once: PRO ends now and this is refunded
 * @param periodEnd    cancelling at the end of the period: PRO lasts until this moment, no refund
 */
public record CancellationOptions(Subscription subscription, RefundQuote now, Instant periodEnd) {
}
