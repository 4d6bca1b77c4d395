package io.promptmanager.plugin.billing;

/**
 * A billing call failed. The only exception a {@link BillingProvider} may throw; its message is
 * safe to show and to log: no secret, no signature, no card data.
 */
public class BillingException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** The webhook signature is missing, malformed, wrong, or too old. */
        INVALID_SIGNATURE,
        /** A verified webhook body is not the processor's event format. */
        MALFORMED_PAYLOAD,
        /** The processor does not know the object (subscription, invoice, customer). */
        NOT_FOUND,
        /** The processor refused the request (invalid price, card declined, …). */
        PROCESSOR_REJECTED,
        /** The processor could not be reached or answered 5xx/429; the same call may succeed later. */
        PROCESSOR_UNAVAILABLE
    }

    private final Reason reason;

    /**
     * @param reason      what went wrong; never null
     * @param safeMessage a message fit to show and log
     * @param cause       the underlying exception, or null
     */
    public BillingException(Reason reason, String safeMessage, Throwable cause) {
        super(safeMessage, cause);
        this.reason = reason;
    }

    public BillingException(Reason reason, String safeMessage) {
        this(reason, safeMessage, null);
    }

    /** What went wrong; never null. */
    public Reason reason() {
        return reason;
    }

    /** True when the same call may succeed later. */
    public boolean retryable() {
        return reason == Reason.PROCESSOR_UNAVAILABLE;
    }
}
