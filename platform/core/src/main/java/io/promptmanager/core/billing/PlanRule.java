package io.promptmanager.core.billing;

import io.promptmanager.core.plan.Plan;
import io.promptmanager.plugin.billing.SubscriptionStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which subscription states pay for PRO. ACTIVE and TRIALING do; PAST_DUE (a renewal failed and
 * the processor is retrying) does until the grace period after it became past due ends; every
 * other state (CANCELED, UNPAID, INCOMPLETE, INCOMPLETE_EXPIRED, PAUSED) does not.
 */
public final class PlanRule {
    private final Duration gracePeriod;

    public PlanRule(Duration gracePeriod) {
        this.gracePeriod = gracePeriod;
    }

    /**
     * Whether a subscription in {@code status} grants PRO at {@code now}.
     *
     * @param pastDueSince when it became PAST_DUE; null counts as "just now" (the grace has not run)
     */
    public boolean grantsPro(SubscriptionStatus status, Instant pastDueSince, Instant now) {
        return switch (status) {
            case ACTIVE, TRIALING -> true;
            case PAST_DUE -> pastDueSince == null || now.isBefore(pastDueSince.plus(gracePeriod));
            case CANCELED, UNPAID, INCOMPLETE, INCOMPLETE_EXPIRED, PAUSED -> false;
        };
    }

    /** The plan a subscription in {@code status} gives its user at {@code now}. */
    public Plan planFor(SubscriptionStatus status, Instant pastDueSince, Instant now) {
        return grantsPro(status, pastDueSince, now) ? Plan.PRO : Plan.FREE;
    }

    /** When PRO ends for a PAST_DUE subscription unless it is paid; empty in any other state. */
    public Optional<Instant> graceEndsAt(SubscriptionStatus status, Instant pastDueSince) {
        return status == SubscriptionStatus.PAST_DUE && pastDueSince != null
                ? Optional.of(pastDueSince.plus(gracePeriod)) : Optional.empty();
    }

    /** The moment before which a PAST_DUE subscription still grants PRO at {@code now}. */
    Instant pastDueGrantingAfter(Instant now) {
        return now.minus(gracePeriod);
    }
}
