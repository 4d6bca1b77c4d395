package io.promptmanager.core.billing;

/** What became of a payment processor's webhook event. */
public enum EventOutcome {
    /** Its effect was applied. */
    APPLIED,
    /** Older than what was already applied to its subscription or invoice: changed nothing. */
    STALE,
    /** No user of this platform could be found for it: acknowledged, changed nothing. */
    UNKNOWN_USER,
    /** A kind of event the platform does not act on: acknowledged. */
    IGNORED,
    /** Delivered before: changed nothing (not stored again). */
    DUPLICATE
}
