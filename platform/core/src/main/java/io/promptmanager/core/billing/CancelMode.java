package io.promptmanager.core.billing;

/** How a subscription is cancelled. */
public enum CancelMode {
    /** At once, with a prorated refund of the unused part of the paid period. */
    NOW,
    /** At the end of the paid period, without refund; PRO lasts until then. */
    PERIOD_END
}
