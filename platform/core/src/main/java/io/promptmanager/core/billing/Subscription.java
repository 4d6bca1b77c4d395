package io.promptmanager.core.billing;

import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.SubscriptionStatus;

import java.time.Instant;
import java.util.Optional;

/**
 * A user's PRO subscription as the platform last heard of it from the payment processor.
 *
 * @param interval           monthly or yearly
 * @param status             the processor's state of it
 * @param currentPeriodStart start of the period paid for
 * @param currentPeriodEnd   end of the period paid for (the next renewal, or when it ends)
 * @param cancelAtPeriodEnd  true when it ends at {@code currentPeriodEnd} instead of renewing
 * @param cancelAt           when it is set to end, or null
 * @param canceledAt         when it was cancelled, or null
 * @param pastDueSince       when its renewal payment failed, while PAST_DUE; else null
 * @param graceEndsAt        while PAST_DUE: when PRO ends unless the payment succeeds; else null
 */
public record Subscription(BillingInterval interval, SubscriptionStatus status, Instant currentPeriodStart,
                           Instant currentPeriodEnd, boolean cancelAtPeriodEnd, Instant cancelAt, Instant canceledAt,
                           Instant pastDueSince, Instant graceEndsAt) {

    /** When it is going to end without being renewed, if it is. */
    public Optional<Instant> endsAt() {
        if (cancelAt != null) {
            return Optional.of(cancelAt);
        }
        return cancelAtPeriodEnd ? Optional.of(currentPeriodEnd) : Optional.empty();
    }

    /** True once it ended for good (cancelled, or never paid). */
    public boolean ended() {
        return status == SubscriptionStatus.CANCELED || status == SubscriptionStatus.INCOMPLETE_EXPIRED;
    }
}
