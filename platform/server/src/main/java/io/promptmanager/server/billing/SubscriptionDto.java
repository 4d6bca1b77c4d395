package io.promptmanager.server.billing;

import io.promptmanager.core.billing.Subscription;

import java.time.Instant;

/** The caller's subscription; {@code interval} and {@code status} in lower case ({@code month}, {@code past_due}). */
public record SubscriptionDto(String interval, String status, Instant currentPeriodStart, Instant currentPeriodEnd,
                              boolean cancelAtPeriodEnd, Instant cancelAt, Instant canceledAt, Instant pastDueSince,
                              Instant graceEndsAt) {
    static SubscriptionDto from(Subscription s) {
        return s == null ? null : new SubscriptionDto(WireNames.of(s.interval()), WireNames.of(s.status()),
                s.currentPeriodStart(), s.currentPeriodEnd(), s.cancelAtPeriodEnd(), s.cancelAt(), s.canceledAt(),
                s.pastDueSince(), s.graceEndsAt());
    }
}
