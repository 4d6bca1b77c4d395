package io.promptmanager.core.support;

/** Where a support request stands. */
public enum SupportStatus {
    /** Waiting for the support team: just opened, or the requester wrote last. */
    OPEN,
    /** The support team wrote last; waiting for the requester. */
    ANSWERED,
    /** Done: nobody can write to it any more. */
    CLOSED
}
