package io.promptmanager.plugins.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugins.openaiwire.ErrorMapping;
import io.promptmanager.plugins.openaiwire.Failures;
import io.promptmanager.plugins.openaiwire.Json;

import java.time.Duration;
import java.util.Set;

/**
 * OpenAI's error format — {@code {"error":{"message","type","code"}}} with an HTTP status, or
 * in-band in a stream under HTTP 200 — as ProviderExceptions with messages safe to show. Servers
 * that answer an error status with another body (or none) are mapped by the status alone.
 */
final class OpenAiErrors implements ErrorMapping {
    static final String KEY_REJECTED = "The model server rejected the API key";
    /** Statuses worth another attempt later: timeouts, rate limits, down or overloaded servers. */
    static final Set<Integer> RETRYABLE = Set.of(408, 429, 500, 502, 503, 504);
    private static final Set<Integer> BAD_REQUEST = Set.of(400, 404, 413, 422);
    private static final String INSUFFICIENT_QUOTA = "insufficient_quota";

    @Override
    public ProviderException fromStatus(int status, JsonNode error, Duration retryAfter, String keyInUse) {
        String upstream = Failures.safeText(Json.text(error, "message"), keyInUse);
        String detail = upstream == null ? " (HTTP " + status + ")" : ": " + upstream;
        Duration wait = retryAfter;
        return switch (status) {
            case 401 -> Failures.upstream(Kind.INVALID_CREDENTIALS, KEY_REJECTED, false, null, status);
            case 402 -> Failures.upstream(Kind.INSUFFICIENT_CREDITS,
                    "The account behind the key has insufficient credits", false, null, status);
            case 403 -> Failures.upstream(Kind.BLOCKED, "The model server refused the request" + detail, false, null,
                    status);
            case 429 -> isQuotaExhausted(error)
                    // OpenAI's "insufficient_quota" comes as a 429 but no wait will cure it.
                    ? Failures.upstream(Kind.INSUFFICIENT_CREDITS,
                    "The account behind the key has exceeded its quota", false, null, status)
                    : Failures.upstream(Kind.RATE_LIMITED,
                    "The model server is rate limiting requests (HTTP 429); try again later", true, wait, status);
            case 408, 502, 503, 504 -> Failures.upstream(Kind.UNAVAILABLE,
                    "The model server is unavailable or overloaded (HTTP " + status + ")", true, wait, status);
            default -> {
                if (BAD_REQUEST.contains(status)) {
                    yield Failures.upstream(Kind.BAD_REQUEST, "The model server refused the request" + detail, false,
                            null, status);
                }
                yield Failures.upstream(Kind.INTERNAL, "The model server failed" + detail, RETRYABLE.contains(status),
                        wait, status);
            }
        };
    }

    /** An error reported inside a 200 answer: a stream's error event, or a whole body holding only an error. */
    @Override
    public ProviderException inBand(JsonNode error, boolean streamed, boolean deltasDelivered, String keyInUse) {
        String upstream = Failures.safeText(Json.text(error, "message"), keyInUse);
        String message = "The model server reported an error " + (streamed ? "mid-stream" : "while generating")
                + (upstream == null ? "" : ": " + upstream);
        return new ProviderException(streamed ? Kind.STREAM_ERROR : Kind.INTERNAL, message, true, null,
                deltasDelivered, 200, null);
    }

    private static boolean isQuotaExhausted(JsonNode error) {
        return INSUFFICIENT_QUOTA.equals(Json.text(error, "code")) || INSUFFICIENT_QUOTA.equals(Json.text(error, "type"));
    }
}
