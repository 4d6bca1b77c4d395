package io.promptmanager.core.user;

import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;

import java.time.Duration;

/** Too many failed sign-ins for an account or a client address: try again after {@code retryAfter}. */
public final class LoginThrottledException extends DomainException {
    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super(ErrorCode.TOO_MANY_ATTEMPTS, "Too many failed sign-ins. Try again in "
                + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
