package io.promptmanager.core.billing;

import java.time.Duration;
import java.time.Instant;

/**
 * The refund of a subscription cancelled before its paid period ends: the amount paid times the
 * unused share of the period, rounded down to the minor unit. Integer arithmetic on whole
 * seconds only, so no fraction of a cent is ever invented.
 */
public final class ProratedRefund {
    private ProratedRefund() {
    }

    /**
     * {@code amountPaid × unused / length}, where length = periodEnd − periodStart and unused =
     * periodEnd − now clamped to [0, length]; 0 for an empty or inverted period.
     *
     * @param amountPaid in minor units, not negative
     * @throws ArithmeticException only for amounts no subscription reaches (over ~2.9 × 10¹¹ for a year)
     */
    public static long amount(long amountPaid, Instant periodStart, Instant periodEnd, Instant now) {
        if (amountPaid < 0) {
            throw new IllegalArgumentException("amountPaid must not be negative");
        }
        long length = Duration.between(periodStart, periodEnd).toSeconds();
        if (length <= 0 || amountPaid == 0) {
            return 0;
        }
        long unused = Math.clamp(Duration.between(now, periodEnd).toSeconds(), 0, length);
        return Math.multiplyExact(amountPaid, unused) / length;
    }
}
