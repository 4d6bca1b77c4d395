package io.promptmanager.plugin.keystore;

/**
 * A sealed value cannot be opened or a secret cannot be sealed. The message is safe to log: it
 * never holds the secret, the sealed bytes or a master key.
 */
public class KeyStorageException extends RuntimeException {

    /** Why a value could not be opened or sealed. */
    public enum Reason {
        /** The value was altered, or belongs to another context (authentication failed). */
        TAMPERED_OR_WRONG_CONTEXT,
        /** The value names a master key that is not configured. */
        UNKNOWN_MASTER_KEY,
        /** The value is not in a format this storage produced. */
        MALFORMED,
        /** The storage itself failed (no usable master key, crypto provider error). */
        INTERNAL
    }

    private final Reason reason;

    public KeyStorageException(Reason reason, String safeMessage) {
        super(safeMessage);
        this.reason = reason;
    }

    public KeyStorageException(Reason reason, String safeMessage, Throwable cause) {
        super(safeMessage, cause);
        this.reason = reason;
    }

    /** Why it failed; never null. */
    public Reason reason() {
        return reason;
    }
}
