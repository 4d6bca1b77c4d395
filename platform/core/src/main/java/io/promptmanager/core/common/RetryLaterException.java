package io.promptmanager.core.common;

import java.time.Duration;
import java.util.Optional;

/**
 * A refusal that may succeed later: the quota resets, the provider recovers. The API answers
 * with a {@code Retry-After} header when {@link #retryAfter()} is known.
 */
public final class RetryLaterException extends DomainException {
    private final Duration retryAfter;

    /** @param retryAfter how long to wait, or null when unknown */
    public RetryLaterException(ErrorCode code, String detail, Duration retryAfter) {
        super(code, detail);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
