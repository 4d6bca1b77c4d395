package io.promptmanager.stripe.testing;

/**
 * A failure the fake plays instead of (or after) handling a request, as Stripe's infrastructure
 * does. Stripe saves an idempotent result only once the endpoint began executing
 * (docs.stripe.com/api/idempotent_requests): a request refused before that (rate limit, dropped
 * connection) leaves nothing, so a retry with the same key runs afresh; a 500 raised while executing
 * is saved and replayed to every retry with that key.
 */
public final class Failure {
    enum Kind { ANSWER_BEFORE, ANSWER_SAVED, DROP_BEFORE, DROP_AFTER }

    final Kind kind;
    final ApiError error;

    private Failure(Kind kind, ApiError error) {
        this.kind = kind;
        this.error = error;
    }

    /** 429 {@code rate_limit} before the endpoint runs: nothing happens, nothing is saved. */
    public static Failure rateLimited() {
        return new Failure(Kind.ANSWER_BEFORE, new ApiError(429, "invalid_request_error", "rate_limit", null,
                "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests."));
    }

    /** 503 before the endpoint runs (overloaded): nothing happens, nothing is saved. */
    public static Failure unavailable() {
        return new Failure(Kind.ANSWER_BEFORE, new ApiError(503, "api_error", null, null,
                "Stripe is temporarily unavailable. Please retry your request."));
    }

    /**
     * 500 {@code api_error} while the endpoint runs: nothing is created, and the answer is saved under
     * the request's idempotency key, so retries with that key get the same 500.
     */
    public static Failure serverError() {
        return new Failure(Kind.ANSWER_SAVED, new ApiError(500, "api_error", null, null,
                "An unknown error occurred"));
    }

    /** The connection is closed before the request is handled: nothing happens, nothing is saved. */
    public static Failure connectionReset() {
        return new Failure(Kind.DROP_BEFORE, null);
    }

    /**
     * The request is handled and its result saved under its idempotency key, then the connection is
     * closed without an answer: the client cannot know it succeeded.
     */
    public static Failure responseLost() {
        return new Failure(Kind.DROP_AFTER, null);
    }
}
