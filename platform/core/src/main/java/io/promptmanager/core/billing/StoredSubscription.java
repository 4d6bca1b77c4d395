package io.promptmanager.core.billing;

import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.SubscriptionSnapshot;
import io.promptmanager.plugin.billing.SubscriptionStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscription row.
 *
 * @param pastDueSince     when it became PAST_DUE (kept while it stays so); null in other states
 * @param proSince         start of the first period in which it paid for PRO, or null
 * @param grantsPro        whether it is what made its user PRO: losing that state (webhook, or
 *                         the grace sweep) turns the user FREE unless another subscription pays
 * @param lastEventCreated the {@code created} time of the last webhook event applied to it; older
 *                         events never overwrite it
 */
record StoredSubscription(String id, String provider, UUID userId, String customerId, SubscriptionStatus status,
                          BillingInterval interval, Instant currentPeriodStart, Instant currentPeriodEnd,
                          boolean cancelAtPeriodEnd, Instant cancelAt, Instant canceledAt, Instant pastDueSince,
                          Instant proSince, boolean grantsPro, Instant lastEventCreated, Instant createdAt,
                          Instant updatedAt) {

    /** This row with the processor's state of it; bookkeeping columns are the caller's. */
    StoredSubscription with(SubscriptionSnapshot snapshot, Instant newPastDueSince, Instant newProSince,
                            boolean newGrantsPro, Instant newLastEventCreated, Instant now) {
        return new StoredSubscription(id, provider, userId, snapshot.customerId(), snapshot.status(),
                snapshot.interval(), snapshot.currentPeriodStart(), snapshot.currentPeriodEnd(),
                snapshot.cancelAtPeriodEnd(), snapshot.cancelAt(), snapshot.canceledAt(), newPastDueSince,
                newProSince, newGrantsPro, newLastEventCreated, createdAt, now);
    }

    StoredSubscription withGrantsPro(boolean grants, Instant now) {
        return new StoredSubscription(id, provider, userId, customerId, status, interval, currentPeriodStart,
                currentPeriodEnd, cancelAtPeriodEnd, cancelAt, canceledAt, pastDueSince, proSince, grants,
                lastEventCreated, createdAt, now);
    }

    Subscription view(PlanRule rule) {
        return new Subscription(interval, status, currentPeriodStart, currentPeriodEnd, cancelAtPeriodEnd, cancelAt,
                canceledAt, pastDueSince, rule.graceEndsAt(status, pastDueSince).orElse(null));
    }

    boolean grantsProAt(PlanRule rule, Instant now) {
        return rule.grantsPro(status, pastDueSince, now);
    }

    /** Still running at the processor: it can be cancelled. */
    boolean cancellable() {
        return switch (status) {
            case ACTIVE, TRIALING, PAST_DUE, UNPAID, PAUSED -> true;
            case INCOMPLETE, INCOMPLETE_EXPIRED, CANCELED -> false;
        };
    }
}
