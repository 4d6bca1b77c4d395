package io.promptmanager.plugin.model;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call failed. The only exception a {@link ModelProvider} may throw. Its message is
 * safe to show to the user: it never holds a key, a request body or a stack trace of the
 * provider's internals.
 */
public class ProviderException extends RuntimeException {

    /** What went wrong, in terms the platform maps to its own errors. */
    public enum Kind {
        /** The key was rejected (HTTP 401). Not retryable. */
        INVALID_CREDENTIALS,
        /** The account behind the key has no credit left (HTTP 402). Not retryable. */
        INSUFFICIENT_CREDITS,
        /** Moderation or a guardrail refused the input (HTTP 403). Not retryable. */
        BLOCKED,
        /** The request itself was refused (HTTP 400, unknown model …). Not retryable. */
        BAD_REQUEST,
        /** Too many requests (HTTP 429); see {@link #retryAfter()}. */
        RATE_LIMITED,
        /** The provider or the model is down or overloaded (HTTP 408/502/503, connection refused). */
        UNAVAILABLE,
        /** No answer before the request's deadline. */
        TIMEOUT,
        /** The provider answered something that does not follow its own format. */
        MALFORMED_RESPONSE,
        /** The provider reported an error in the middle of a streamed answer. */
        STREAM_ERROR,
        /** Anything else. */
        INTERNAL
    }

    private final Kind kind;
    private final boolean retryable;
    private final Duration retryAfter;
    private final boolean streamStarted;
    private final int upstreamStatus;

    /**
     * @param kind           what went wrong; never null
     * @param safeMessage    a message fit to show to the user
     * @param retryable      true when the same call may succeed later
     * @param retryAfter     how long the provider asked to wait, or null
     * @param streamStarted  true when stream deltas had already been delivered
     * @param upstreamStatus the provider's HTTP status, or 0 when there was none
     * @param cause          the underlying exception, or null
     */
    public ProviderException(Kind kind, String safeMessage, boolean retryable, Duration retryAfter,
                             boolean streamStarted, int upstreamStatus, Throwable cause) {
        super(safeMessage, cause);
        this.kind = kind;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.streamStarted = streamStarted;
        this.upstreamStatus = upstreamStatus;
    }

    /** A failure with no HTTP status, no retry hint, before any stream data. */
    public ProviderException(Kind kind, String safeMessage, boolean retryable) {
        this(kind, safeMessage, retryable, null, false, 0, null);
    }

    /** What went wrong; never null. */
    public Kind kind() {
        return kind;
    }

    /** True when the same call may succeed if tried again later. */
    public boolean retryable() {
        return retryable;
    }

    /** How long the provider asked callers to wait before trying again, if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** True when part of a streamed answer had already been delivered. */
    public boolean streamStarted() {
        return streamStarted;
    }

    /** The provider's HTTP status, or 0 when the failure had none (timeout, refused connection). */
    public int upstreamStatus() {
        return upstreamStatus;
    }
}
